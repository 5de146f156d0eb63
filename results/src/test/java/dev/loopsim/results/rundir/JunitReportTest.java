package dev.loopsim.results.rundir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitReportTest {

    @Test
    void oneTestCasePerExpectationAndAFailureForEachThatDidNotHold() throws Exception {
        var held = new RunSummary.ExpectationSummary("a.m > b.m", true, "paired-t", 2, 0.85, Double.POSITIVE_INFINITY, 0.95,
                0.004, "holds: margin 2");
        var failed = new RunSummary.ExpectationSummary("a.take_fraction < 0.5 & \"quoted\" <tag>", false, "binomial", 0.9, 0.7, 1,
                0.95, 0.6, "not shown: 3 of 3 replicates\u0001");
        String xml = JunitReport.xml(List.of(new JunitReport.Suite("quickstart", List.of(held, failed)),
                new JunitReport.Suite("cold-start", List.of(held))));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("3");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        Element second = (Element) doc.getElementsByTagName("testcase").item(1);
        assertThat(second.getAttribute("name")).isEqualTo("a.take_fraction < 0.5 & \"quoted\" <tag>");
        Element failure = (Element) second.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("binomial");
        assertThat(failure.getAttribute("message")).isEqualTo("not shown: 3 of 3 replicates?");
    }
}
