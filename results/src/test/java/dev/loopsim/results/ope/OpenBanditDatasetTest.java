package dev.loopsim.results.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Open Bandit Dataset sample shipped in data/obd-sample, read end to end. */
class OpenBanditDatasetTest {
    private static final Path RANDOM = Path.of("../data/obd-sample/random/men/men.csv");
    private static final Path BTS = Path.of("../data/obd-sample/bts/men/men.csv");

    @TempDir
    Path temp;

    @Test
    void readsTheSampleWithItsPropensities() {
        for (Path file : List.of(RANDOM, BTS)) {
            BanditLog log = OpenBanditDataset.read(file);
            assertThat(log.rows()).hasSize(10_000);
            assertThat(log.actions()).isEqualTo(34);
            assertThat(log.rows()).allSatisfy(row -> {
                assertThat(row.propensity()).isGreaterThan(0).isLessThanOrEqualTo(1);
                assertThat(row.position()).isBetween(1, 3);
                assertThat(row.affinity()).hasSize(34);
            });
        }
        for (String policy : List.of("random", "bts")) {
            BanditLog women = OpenBanditDataset.read(Path.of("../data/obd-sample/" + policy + "/women/women.csv"));
            assertThat(women.rows()).hasSize(10_000);
            assertThat(women.actions()).isEqualTo(46);
            assertThat(women.rows().stream().mapToDouble(BanditLog.Row::reward).sum()).isEqualTo(46); // 46 clicks in each arm
        }
        // The uniform logging policy shows each of 34 items with probability 1/34.
        assertThat(OpenBanditDataset.read(RANDOM).rows()).allSatisfy(row -> assertThat(row.propensity()).isEqualTo(1.0 / 34));
    }

    @Test
    void theUniformTargetOnTheRandomLogIsItsMeanClickRateAndOtherTargetsAreFinite() {
        BanditLog log = OpenBanditDataset.read(RANDOM);
        OfflineEvaluation evaluation = OfflineEvaluation.run(log, 0.5,
                List.of("uniform", "greedy-affinity", "epsilon-greedy:0.2", "item-greedy", "contextual-greedy"), Estimators.all());
        double clickRate = evaluation.loggedValue();
        for (OfflineEvaluation.Result r : evaluation.results()) {
            OpeEstimate e = r.estimate();
            if (r.target().equals("uniform") && List.of("ips", "snips", "replay").contains(e.estimator())) {
                // Every weight is (1/34)/(1/34) = 1: the estimate is the logged mean, exactly.
                assertThat(e.value()).as(e.estimator()).isCloseTo(clickRate, offset(1e-12));
            }
            assertThat(e.value()).as(r.target() + " " + e.estimator()).isFinite();
            assertThat(e.lower()).isLessThanOrEqualTo(e.value());
            assertThat(e.upper()).isGreaterThanOrEqualTo(e.value());
        }
        assertThat(clickRate).isCloseTo(0.0052, offset(1e-9));
    }

    @Test
    void malformedRowsNameTheFileAndLine() throws Exception {
        Path bad = temp.resolve("bad.csv");
        String t = "2019-11-24 00:01:03.979311+00:00";
        Files.writeString(bad, ",timestamp,item_id,position,click,propensity_score\n0," + t + ",3,1,0,0.5\n1," + t + ",4,1,0,1.5\n");
        assertThatThrownBy(() -> OpenBanditDataset.read(bad)).isInstanceOf(OpeException.class)
                .hasMessage(bad + ":3: propensity_score must be in (0, 1], found 1.5");
        Files.writeString(bad, ",timestamp,item_id,position,click,propensity_score\n0," + t + ",three,1,0,0.5\n");
        assertThatThrownBy(() -> OpenBanditDataset.read(bad)).hasMessage(bad + ":2: item_id must be a whole number, found 'three'");
        Files.writeString(bad, ",timestamp,item_id,position,click,propensity_score\n0,yesterday,3,1,0,0.5\n");
        assertThatThrownBy(() -> OpenBanditDataset.read(bad)).hasMessageStartingWith(bad + ":2: timestamp must be a date and time");
        // Found by FuzzTest: an unterminated quote once leaked the CSV library's exception class, and no line.
        Files.writeString(bad, ",timestamp,item_id,position,click,propensity_score\n0," + t + ",3,1,\"0,0.5\n");
        assertThatThrownBy(() -> OpenBanditDataset.read(bad)).hasMessageStartingWith(bad + ":2: not readable as CSV: ")
                .hasMessageNotContaining("Exception");
        // Numbers that parse but no log could hold: an item id that would size the action set at 1e8 (it ran out of
        // memory), a negative slot, a click of 1e300, a time 8,000 years out.
        String head = ",timestamp,item_id,position,click,propensity_score\n0,";
        Files.writeString(bad, head + t + ",99999999,1,0,0.5\n");
        assertThatThrownBy(() -> OpenBanditDataset.read(bad)).hasMessage(bad + ":2: item_id must be an item index in [0, 1000000), "
                + "found 99999999");
        Files.writeString(bad, head + t + ",3,-1,0,0.5\n");
        assertThatThrownBy(() -> OpenBanditDataset.read(bad)).hasMessage(bad + ":2: position must be a slot in [0, 10000], found -1");
        Files.writeString(bad, head + t + ",3,1,1e300,0.5\n");
        assertThatThrownBy(() -> OpenBanditDataset.read(bad)).hasMessageStartingWith(bad + ":2: click must be a reward");
        Files.writeString(bad, head + "9999-11-24 00:01:03+00:00,3,1,0,0.5\n");
        assertThatThrownBy(() -> OpenBanditDataset.read(bad)).hasMessage(bad + ":2: timestamp must lie within about 3,000 years of "
                + "1970, found '9999-11-24 00:01:03+00:00'");
        Files.writeString(bad, "member,timestamp\na,1\n");
        assertThatThrownBy(() -> OpenBanditDataset.read(bad)).hasMessageStartingWith(bad + ":1: expected the Open Bandit Dataset's columns");
    }
}
