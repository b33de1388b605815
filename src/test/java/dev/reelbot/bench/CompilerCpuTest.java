package dev.reelbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the JIT compiler threads' CPU time out of {@code /proc}'s {@code stat} lines. */
class CompilerCpuTest {
    @Test
    void countsTheUserAndSystemTicksOfCompilerThreadsOnly() {
        assertThat(CompilerCpu.compilerTicks(
                "4242 (C2 CompilerThre) S 4200 4200 18959 0 -1 1077936192 811 0 0 0 1234 56 0 0 20 0 40 0 1661580"))
                .isEqualTo(1290);
        assertThat(CompilerCpu.compilerTicks(
                "4243 (C1 CompilerThre) R 4200 4200 18959 0 -1 1077936192 811 0 0 0 7 3 0 0 20 0 40 0 1661580"))
                .isEqualTo(10);
        assertThat(CompilerCpu.compilerTicks(
                "4244 (reelbot-worker-) S 4200 4200 18959 0 -1 1077936192 811 0 0 0 900 100 0 0 20 0 40 0 1661580"))
                .as("a worker").isZero();
        assertThat(CompilerCpu.compilerTicks("garbage")).isZero();
    }

    @Test
    void aJvmThatHasRunHasCompiledOrHasNoProc() {
        assertThat(CompilerCpu.seconds()).isGreaterThanOrEqualTo(0);
    }
}
