package dev.reelbot.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The numbers of a fit: bitrate from the limit and the length, resolution stepped down when bits run short. */
class FitPlanTest {
    private static final long MIB = 1024 * 1024;

    private static MediaInfo clip(int width, int height, int seconds, boolean audio) {
        return new MediaInfo(Duration.ofSeconds(seconds), width, height, 30, "h264", audio);
    }

    @Test
    void aShortSoraProClipKeepsItsSizeUnderTenMebibytes() {
        FitPlan plan = FitPlan.forLimit(clip(1792, 1024, 12, true), 10 * MIB);

        assertThat(plan.width()).isEqualTo(1792);
        assertThat(plan.height()).isEqualTo(1024);
        assertThat(plan.audioKbps()).isEqualTo(96);
        long bytes = (long) (plan.videoKbps() + plan.audioKbps()) * 1000 / 8 * 12;
        assertThat(bytes).as("with the safety margin").isLessThan((long) (10 * MIB * (1 - FitPlan.MARGIN)))
                .isGreaterThan(8 * MIB);
    }

    @Test
    void aLongClipStepsTheResolutionDownAndKeepsItsShape() {
        FitPlan plan = FitPlan.forLimit(clip(1792, 1024, 120, true), 10 * MIB);

        assertThat(plan.height()).isLessThan(1024);
        assertThat(plan.width() % 2).isZero();
        assertThat(plan.height() % 2).isZero();
        assertThat((double) plan.width() / plan.height()).isBetween(1.70, 1.80);
        assertThat(plan.videoKbps() * 1000.0 / (plan.width() * plan.height() * plan.fps()))
                .isGreaterThanOrEqualTo(FitPlan.DECENT_BPP);
    }

    @Test
    void aPortraitClipStepsByItsShortSide() {
        FitPlan plan = FitPlan.forLimit(clip(720, 1280, 300, false), 10 * MIB);

        assertThat(plan.width()).isLessThan(720);
        assertThat(plan.height()).isGreaterThan(plan.width());
        assertThat(plan.audioKbps()).isZero();
        assertThat(plan.encoderArgs(clip(720, 1280, 300, false))).contains("-an").doesNotContain("aac");
    }

    @Test
    void aClipNoWatchableBitrateFitsHasNoPlan() {
        assertThat(FitPlan.forLimit(clip(1280, 720, 3600, true), 10 * MIB)).isNull();
        assertThat(FitPlan.forLimit(clip(1280, 720, 4, true), 10 * 1024)).isNull();
    }

    @Test
    void aSecondTryAsksForLessThanTheFirstMissedBy() {
        MediaInfo source = clip(1280, 720, 10, true);
        FitPlan first = FitPlan.forLimit(source, 10 * MIB);

        FitPlan second = first.shrunk(source, 10 * MIB, 11 * MIB);

        assertThat(second.videoKbps()).isLessThan((int) (first.videoKbps() * 10.0 / 11));
    }

    @Test
    void theEncoderArgsAskForH264AacAndFastStart() {
        MediaInfo source = new MediaInfo(Duration.ofSeconds(8), 1280, 720, 60, "h264", true);
        FitPlan plan = FitPlan.forLimit(source, 10 * MIB);

        assertThat(String.join(" ", plan.encoderArgs(source))).contains("-c:v libx264").contains("-c:a aac")
                .contains("-movflags +faststart").contains("-vf scale=1280:720,fps=30")
                .contains("-b:v " + plan.videoKbps() + "k");
    }
}
