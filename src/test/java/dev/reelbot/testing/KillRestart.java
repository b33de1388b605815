package dev.reelbot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.Chaos;
import dev.reelbot.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Drives {@code run} through kills: each round starts the bot, waits for its platform, sends commands, and kills
 * it with SIGKILL at a random moment; a last start then runs until every job is settled and stops gracefully.
 */
public final class KillRestart {
    /** Jobs the simulator's key may have queued or running at once. */
    public static final int KEY_LIMIT = 3;

    /** How a user sends the n-th command; returns the job id when the bot accepted it. */
    @FunctionalInterface
    public interface Command {
        Optional<String> send(String text, int n) throws Exception;
    }

    /** The platform side of the test: its health component, its secrets, how a user sends a command. */
    public record Platform(String component, Map<String, String> env, Command command) {
    }

    private KillRestart() {
    }

    /**
     * The simulator the kill tests share: quick jobs, 10% 5xx, 429 bursts, lost jobs, creates that hang, and a key
     * limit of {@value #KEY_LIMIT} jobs at once, so some jobs wait in the bot's queue when it is killed.
     */
    public static ApiSimulator faultySimulator() {
        return ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key").withMaxConcurrent(KEY_LIMIT)
                .withDurations(Duration.ofSeconds(3), Duration.ofSeconds(20)).withHang(Duration.ofSeconds(3))
                .withChaos(new Chaos(0.1, 0.01, 3, 0, Duration.ZERO, 0.05, 0.05)));
    }

    /** Runs the rounds; returns the ids of the jobs the bot accepted. Every fourth command is a job that fails. */
    public static List<String> run(Path dir, Path config, int port, Platform platform, int rounds, int perRound,
                                   Random random) throws Exception {
        Map<String, String> env = new HashMap<>(platform.env());
        env.put("VIDEO_API_KEY", "sim-key");
        List<String> accepted = new ArrayList<>();
        int sent = 0;
        for (int round = 0; round < rounds; round++) {
            BotProcess bot = BotProcess.start(config, env, port, dir.resolve("bot-" + round + ".log"));
            bot.awaitUp(platform.component());
            for (int i = 0; i < perRound; i++, sent++) {
                String marker = sent % 4 == 0 ? " [fail]" : "";
                platform.command().send("killed job " + sent + marker, sent).ifPresent(accepted::add);
            }
            Thread.sleep(300 + random.nextInt(2500)); // a random kill point, not a wait for work
            bot.kill();
        }
        BotProcess last = BotProcess.start(config, env, port, dir.resolve("bot-" + rounds + ".log"));
        last.awaitUp(platform.component());
        last.awaitNoJobTracked(Duration.ofSeconds(90));
        assertThat(last.stop()).as("SIGTERM: a graceful stop (143 is the JVM's exit status for it)").isEqualTo(143);
        assertThat(Files.readString(dir.resolve("bot-" + rounds + ".log"))).contains("reelbot stopped");
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(rounds * perRound / 2);
        return accepted;
    }
}
