package dev.loopsim.cli;

import dev.loopsim.scenarios.run.Engine;
import picocli.CommandLine.Option;

/** --engine and --master: where a run's replicates are computed. Results never depend on it. */
final class EngineOption {
    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "local",
            description = "Where replicates (and sweep points) run: local (this JVM, the default) or spark (the loopsim-spark "
                    + "module, which ./loopsim builds when asked). Results are byte-identical either way.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master, e.g. local[2] (embedded, the default) or spark://host:7077. "
                    + "Under spark-submit, leave it out: spark-submit's --master is used.")
    String master;

    Engine open() {
        try {
            return Engine.open(engine, master);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
