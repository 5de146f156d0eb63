package dev.loopsim.results.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopsimLogTest {
    private static final String HEADER = "replicate,cell,day,member,visit,row,row_kind,column,position,title,artwork,policy,"
            + "propensity,candidates,context,examined,played,watch_fraction,completes\n";

    @TempDir
    Path temp;

    private static String row(int replicate, String cell, int position, int title, String propensity, boolean played) {
        return replicate + "," + cell + ",0.5,7,1,0,top-picks," + position + "," + position + "," + title + ",0,random,"
                + propensity + ",4,genre:1,true," + played + "," + (played ? 0.8 : 0) + ",false\n";
    }

    private Path file(String... rows) throws Exception {
        Path file = temp.resolve("impressions.csv");
        Files.writeString(file, HEADER + String.join("", rows));
        return file;
    }

    @Test
    void readsOneCellAndReplicateAsRounds() throws Exception {
        Path log = file(row(0, "a", 0, 3, "0.25", true), row(0, "b", 0, 1, "1.0", false), row(1, "a", 0, 2, "0.25", false),
                row(0, "a", 1, 0, "0.3333333333333333", false));
        BanditLog a = LoopsimLog.read(log, "a", 0);
        assertThat(a.rows()).extracting(BanditLog.Row::action).containsExactly(3, 0);
        assertThat(a.rows()).extracting(BanditLog.Row::position).containsExactly(1, 2);
        assertThat(a.rows()).extracting(BanditLog.Row::reward).containsExactly(1.0, 0.0);
        assertThat(a.rows().get(1).propensity()).isEqualTo(1.0 / 3);
        assertThat(a.rows().get(0).context()).isEqualTo("genre:1");
        assertThat(a.actions()).isEqualTo(4);
        assertThat(LoopsimLog.read(log, "a", 1).rows()).hasSize(1);
        assertThat(LoopsimLog.locate(temp)).isEqualTo(log);
    }

    @Test
    void problemsNameTheFileAndLine() throws Exception {
        Path log = file(row(0, "a", 0, 3, "0.25", true), row(0, "a", 0, 1, "", false));
        assertThat(catchThrowableOfType(OpeException.class, () -> LoopsimLog.read(log, "a", 0)).getMessage())
                .startsWith(log + ":3: cell a has no propensity in (0, 1] here, found none");
        // A log of one cell needs no --cell: the same row is found.
        assertThat(catchThrowableOfType(OpeException.class, () -> LoopsimLog.read(log, null, 0)).getMessage())
                .startsWith(log + ":3: cell a has no propensity");
        Path twoCells = file(row(0, "a", 0, 3, "0.25", true), row(0, "b", 0, 1, "0.25", false));
        assertThat(catchThrowableOfType(OpeException.class, () -> LoopsimLog.read(twoCells, null, 0)).getMessage())
                .isEqualTo(twoCells + ": the log holds cells [a, b]; choose one with --cell");
        assertThat(catchThrowableOfType(OpeException.class, () -> LoopsimLog.read(twoCells, "c", 0)).getMessage())
                .isEqualTo(twoCells + ": no cell 'c' in the log; it holds [a, b]");
        Path badTitle = file(row(0, "a", 0, 3, "0.25", true), row(0, "a", 0, 1, "0.25", false).replace(",1,0,random", ",x1,0,random"));
        assertThat(catchThrowableOfType(OpeException.class, () -> LoopsimLog.read(badTitle, "a", 0)).getMessage())
                .startsWith(badTitle + ":3: Error when converting column \"title\"");
        for (int title : new int[] {-3, 99_999_999}) {
            Path outside = file(row(0, "a", 0, 3, "0.25", true), row(0, "a", 0, title, "0.25", false));
            assertThat(catchThrowableOfType(OpeException.class, () -> LoopsimLog.read(outside, "a", 0)).getMessage())
                    .isEqualTo(outside + ":3: title must be a catalog index in [0, 1000000), found " + title);
        }
        Path shortRow = file(row(0, "a", 0, 3, "0.25", true).replace(",false\n", "\n"));
        assertThat(catchThrowableOfType(OpeException.class, () -> LoopsimLog.read(shortRow, "a", 0)).getMessage())
                .startsWith(shortRow + ":2: Expected Number of Columns: 19 Found: 18").contains("expected the columns [replicate");
    }
}
