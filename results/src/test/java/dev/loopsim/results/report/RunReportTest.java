package dev.loopsim.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.results.chart.LineChart;
import dev.loopsim.results.rundir.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
    @TempDir
    Path run;

    @Test
    void retentionThatFallsIsChartedAndTheLegendSaysWhatTheBandsAre() throws Exception {
        Files.writeString(run.resolve(RunSummary.FILE), new RunSummary("churny", true, 7, 2, 0.9, 100, Map.of(), List.of(), true,
                Map.of()).toJson());
        Files.writeString(run.resolve("retention.csv"), """
                cell,replicate,week,retained
                a,0,0,1.0
                a,0,1,0.9
                a,0,2,0.8
                a,1,0,1.0
                a,1,1,0.85
                a,1,2,0.7
                """);
        Files.writeString(run.resolve("scenario.yaml"), """
                name: churny
                description: "Members leave <fast>."
                seed: 7
                replicates: 2
                horizon_days: 21.0
                """);
        String page = RunReport.of(run);
        assertThat(page).contains("<p class=\"what\">Members leave &lt;fast&gt;.</p>", "seed 7 · 2 replicate(s) · 21 days",
                "alt=\"Retention: members not churned, by weeks since joining (legend: a; dashed: 90% interval over 2 replicates)\"");
        assertThat(RunReport.charts(page)).isEqualTo(1);
    }

    @Test
    void theLegendNamesTheBandOnlyWhenALineHasOne() {
        LineChart plain = new LineChart("t", "x", "y").bandsAre("dashed: 95% interval over 3 replicates")
                .line("a", new double[] {1, 2}, new double[] {1, 2}, null, null);
        assertThat(plain.legend()).containsExactly("a");
        LineChart banded = new LineChart("t", "x", "y").bandsAre("dashed: 95% interval over 3 replicates")
                .line("a", new double[] {1, 2}, new double[] {1, 2}, null, null)
                .line("b", new double[] {1, 2}, new double[] {2, 3}, new double[] {1, 2}, new double[] {3, 4});
        assertThat(banded.legend()).containsExactly("a", "b", "dashed: 95% interval over 3 replicates");
        assertThat(banded.legend()).hasSize(3); // asking twice adds nothing
    }
}
