package dev.loopsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.junit.jupiter.api.Test;

/** What a failed command prints: internal failures (fuzzed runs once died with "beta is not strictly positive") say they are bugs. */
class FailureMessageTest {
    private static String[] explained(Exception failure) {
        StringWriter text = new StringWriter();
        int code = LoopsimCommand.explain(failure, new PrintWriter(text, true));
        return new String[] {Integer.toString(code), text.toString()};
    }

    @Test
    void aLibraryRefusingLoopsimsValuesIsReportedAsABugWithHowToReportIt() {
        Exception fromTheSampler = null;
        try {
            UniformRandomProvider rng = () -> 42L;
            ChengBetaSampler.of(rng, 1, -1);
        } catch (IllegalArgumentException e) {
            fromTheSampler = e;
        }
        assertThat(fromTheSampler).isNotNull();
        String[] out = explained(fromTheSampler);
        assertThat(out[0]).isEqualTo("1");
        assertThat(out[1]).startsWith("loopsim: failed: ").contains("This is a bug in loopsim, not in your input",
                "LOOPSIM_DEBUG=1").doesNotContain("\tat ");
        assertThat(explained(new NullPointerException())[1]).contains("This is a bug in loopsim");
        assertThat(explained(new IllegalStateException("wrapped", new ArrayIndexOutOfBoundsException(3)))[1])
                .contains("This is a bug in loopsim");
    }

    @Test
    void aFailureLoopsimRaisesOnPurposeIsNotCalledABug() {
        String[] refused = explained(new IllegalArgumentException("a run that writes event logs cannot go on from a checkpoint"));
        assertThat(refused[1]).isEqualTo("loopsim: failed: a run that writes event logs cannot go on from a checkpoint"
                + System.lineSeparator() + "(set LOOPSIM_DEBUG=1 to see where)" + System.lineSeparator());
        String[] disk = explained(new java.io.UncheckedIOException("cannot write the event logs in x: No space left on device",
                new java.io.IOException("No space left on device")));
        assertThat(disk[1]).contains("No space left on device").doesNotContain("bug");
        assertThat(explained(new dev.loopsim.cli.BadInputException("choose another --out"))[0]).isEqualTo("2");
    }

    @Test
    void aHugeMessageIsCut() {
        String[] out = explained(new IllegalStateException("x".repeat(1_000_000)));
        assertThat(out[1]).hasSizeLessThan(1_000).contains("(1000000 characters)");
    }

    /** Deep recursion once printed a raw JVM trace; it is a bug of loopsim's, and says so (Main prints this, exit 1). */
    @Test
    void aStackOverflowIsExplainedAsABug() {
        assertThat(Main.explain(new StackOverflowError())).contains("stack overflow", "bug in loopsim", "LOOPSIM_DEBUG=1");
        assertThat(Main.explain(new OutOfMemoryError())).contains("out of memory", "LOOPSIM_JAVA_OPTS=-Xmx");
    }
}
