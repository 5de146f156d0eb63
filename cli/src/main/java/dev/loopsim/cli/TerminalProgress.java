package dev.loopsim.cli;

import dev.loopsim.scenarios.run.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error, shown only on a terminal and only when not quiet. */
final class TerminalProgress implements ProgressListener, AutoCloseable {
    private final String task;
    private final boolean enabled;
    private ProgressBar bar;

    // On Java 17, which loopsim targets, no console means output is not a terminal.
    @SuppressWarnings("SystemConsoleNull")
    TerminalProgress(String task, boolean quiet) {
        this.task = task;
        this.enabled = !quiet && System.console() != null;
    }

    @Override
    public void progress(double doneDays, double totalDays, String label) {
        if (!enabled) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.round(totalDays))
                    .setUnit(" days", 1).setStyle(ProgressBarStyle.ASCII).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
        bar.stepTo(Math.round(doneDays));
        bar.setExtraMessage(" " + label);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
