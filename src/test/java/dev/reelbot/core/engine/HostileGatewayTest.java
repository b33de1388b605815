package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.JobView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.testing.FakeGateway;
import dev.reelbot.testing.InternalService;
import dev.reelbot.testing.RecordingChatPort.Event;
import dev.reelbot.videoapi.TestApis;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway that points the bot at internal addresses, through the whole engine (the client as in production, the
 * gateway on 127.0.0.3 counted as public, a real internal service on 127.0.0.1): nothing internal is fetched,
 * delivered or linked, a refused download ends "not delivered" with exactly one refund notice, and nothing the
 * users see names the internal address.
 */
class HostileGatewayTest {
    @TempDir
    Path dir;
    InternalService internal;
    FakeGateway gateway;
    EngineHarness h;

    @BeforeEach
    void start() throws Exception {
        InetAddress gatewayAddress = InetAddress.getByName("127.0.0.3");
        internal = new InternalService(InetAddress.getByName("127.0.0.1"));
        gateway = new FakeGateway(gatewayAddress);
        h = EngineHarness.onApi(dir, EngineSettings.defaults(dir.resolve("videos")), EngineHarness.DEFAULT_MODELS,
                clock -> TestApis.publicOnlyExcept(gateway.baseUrl() + "/v1", gatewayAddress,
                        EngineHarness.DEFAULT_MODELS, clock), Runnable::run);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
        gateway.close();
        internal.close();
    }

    private String inside() {
        return "http://127.0.0.1:" + internal.port() + "/admin";
    }

    private Job run(String prompt) {
        Reply reply = h.command(prompt);
        assertThat(reply.ok()).as(reply.text()).isTrue();
        h.runUntilSettled();
        return h.job(reply.jobId());
    }

    private void assertNothingShownNames(String... internalWords) {
        for (Event event : h.chat.events()) {
            assertThat(String.valueOf(event)).as("what users see").doesNotContain(internalWords);
        }
    }

    @Test
    void aContentRouteRedirectingInsideEndsUndeliveredWithOneDeliveryNotice() {
        gateway.script("[inside]", new FakeGateway.Script(null, () -> FakeGateway.redirect(inside())));

        Job job = run("a cat [inside]");

        assertThat(internal.connections()).isZero();
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UNDELIVERED);
        assertThat(job.delivery().attempts()).as("refused at once, not retried").isEqualTo(1);
        assertThat(job.refund().state()).isEqualTo(RefundState.NONE);
        assertThat(h.chat.events("upload")).isEmpty();
        assertThat(h.chat.events("notice")).hasSize(1);
        JobView shown = (JobView) h.chat.current(job.message().ref().messageId());
        assertThat(shown.headline()).isEqualTo("📦 Video made, kept for you");
        assertThat(((JobView.Kept) shown.result()).reason()).contains("an address it may not fetch from");
        assertNothingShownNames("127.0.0.1", Integer.toString(internal.port()));
    }

    @Test
    void aResultLinkToAnInternalAddressIsNeverFetchedAndTheContentRouteDelivers() {
        gateway.script("[link]", new FakeGateway.Script(inside(), null));

        Job job = run("a cat [link]");

        assertThat(internal.connections()).isZero();
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(h.chat.events("upload")).hasSize(1);
        assertThat(h.chat.events("notice")).isEmpty();
    }

    @Test
    void aRefusedResultLinkIsNeverShownAsTheVideoLink() {
        h.chat.setUploadLimit(1024);
        gateway.script("[metadata]", new FakeGateway.Script("http://169.254.169.254/latest/meta-data/", null));

        Job job = run("a cat [metadata]");

        assertThat(job.delivery().state()).as("too large to upload, and its only link refused")
                .isEqualTo(DeliveryState.UNDELIVERED);
        assertThat(h.chat.events("notice")).hasSize(1);
        assertNothingShownNames("169.254");
    }
}
