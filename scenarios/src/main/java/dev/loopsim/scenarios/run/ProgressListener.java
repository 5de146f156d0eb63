package dev.loopsim.scenarios.run;

/** Told how far an experiment has got; called from the thread that runs it. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, label) -> { };

    /**
     * @param doneDays  simulated days completed over all runs
     * @param totalDays simulated days of all runs (cells × replicates × horizon)
     * @param label     what is running, e.g. {@code popularity r2}
     */
    void progress(double doneDays, double totalDays, String label);
}
