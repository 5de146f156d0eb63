package dev.loopsim.results.rundir;

import java.util.List;
import java.util.Locale;

/**
 * Expectations as a JUnit XML report, the format CI systems (Jenkins, GitLab, GitHub's test
 * reporters) read: one test suite per scenario, one test case per expectation, a failure for each
 * that did not hold, with its detail as the message.
 */
public final class JunitReport {
    /** The report's name in a run directory. */
    public static final String FILE = "expectations.xml";

    /** One scenario's expectations. No times: a run's files are the same whatever the machine's speed. */
    public record Suite(String scenario, List<RunSummary.ExpectationSummary> expectations) { }

    private JunitReport() { }

    public static String xml(List<Suite> suites) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long tests = suites.stream().mapToLong(s -> s.expectations().size()).sum();
        long failures = suites.stream().flatMap(s -> s.expectations().stream()).filter(e -> !e.passed()).count();
        xml.append(String.format(Locale.ROOT, "<testsuites name=\"loopsim\" tests=\"%d\" failures=\"%d\" errors=\"0\">%n", tests, failures));
        for (Suite suite : suites) {
            long suiteFailures = suite.expectations().stream().filter(e -> !e.passed()).count();
            xml.append(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\">%n",
                    escape(suite.scenario()), suite.expectations().size(), suiteFailures));
            for (RunSummary.ExpectationSummary e : suite.expectations()) {
                xml.append("    <testcase classname=\"").append(escape(suite.scenario())).append("\" name=\"")
                        .append(escape(e.expectation())).append("\">");
                if (e.passed()) {
                    xml.append("<system-out>").append(escape(e.detail())).append("</system-out>");
                } else {
                    xml.append("<failure type=\"").append(escape(e.test().isEmpty() ? "expectation" : e.test())).append("\" message=\"")
                            .append(escape(e.detail())).append("\"/>");
                }
                xml.append("</testcase>\n");
            }
            xml.append("  </testsuite>\n");
        }
        return xml.append("</testsuites>\n").toString();
    }

    /** Text safe in XML content and attributes; characters XML 1.0 cannot hold at all become '?'. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                default -> {
                    boolean allowed = c == '\t' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c > 0xFFFF;
                    out.appendCodePoint(allowed ? c : '?');
                }
            }
        });
        return out.toString();
    }
}
