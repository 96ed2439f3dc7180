package dev.flowcost.report.html;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Graph;
import dev.flowcost.report.SampleAnalyses;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private final Analysis seed = SampleAnalyses.seedTrap();
    private final Document doc = Jsoup.parse(HtmlReport.render(seed));

    @Test
    void hasEverySection() {
        for (String id : List.of("summary", "findings", "workflows", "counts", "curves", "graphs", "assumptions",
                "prices")) {
            assertThat(doc.getElementById(id)).as(id).isNotNull();
        }
    }

    @Test
    void summaryShowsNowAfterAndSavingInDollars() {
        String summary = doc.getElementById("summary").text();
        // now: 361.494 + 357.70 - 0.10 - 0.20 = 718.894 (the DAG's 0.825 is its share, in the environment); saving 358.519 + 165.2985 = 523.8175
        assertThat(summary).contains("$718.89", "$195.08", "$523.82");
    }

    @Test
    void findingsAreRankedBySavingWithTheirChange() {
        Elements findings = doc.select("#findings article.finding");
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).text()).contains("nightly_etl", "$358.52");
        assertThat(findings.get(1).text()).contains("Distributed Map", "$165.30");
        Element code = findings.get(1).selectFirst("pre > code");
        assertThat(code).isNotNull();
        assertThat(code.text()).contains("\"Mode\": \"DISTRIBUTED\"");
    }

    @Test
    void workflowTablesListTheCostItems() {
        Element workflows = doc.getElementById("workflows");
        assertThat(workflows.select("table.costs")).hasSize(seed.workflows().size());
        assertThat(workflows.text()).contains("state transitions", "$360.02", "Lambda requests", "$1.44",
                "Standard state transitions free tier", "-$0.10");
        // the environment's costs are on its card
        Element environments = doc.getElementById("environments");
        assertThat(environments.select("table.costs")).hasSize(seed.environments().size());
        assertThat(environments.text()).contains("environment hours", "$357.70");
    }

    @Test
    void curvesHaveTwoSeriesAndAMarkedBreakEven() {
        Elements curves = doc.select("#curves svg.curve");
        assertThat(curves).hasSize(2);
        Element withBreakEven = doc.select("#curves svg.curve:has(circle.break-even)").first();
        assertThat(withBreakEven).isNotNull();
        assertThat(withBreakEven.select("polyline")).hasSize(2);
        assertThat(withBreakEven.select("text.break-even-label").text()).contains("break-even at 1,000");
    }

    @Test
    void graphsDrawABoxPerNodeAndAnArrowPerEdge() {
        Elements graphs = doc.select("#graphs svg.graph");
        assertThat(graphs).hasSize(2);
        Graph orders = seed.workflows().get(0).graph();
        assertThat(graphs.get(0).select("rect.node")).hasSize(orders.nodes().size());
        assertThat(graphs.get(0).select("line.edge")).hasSize(orders.edges().size());
        assertThat(graphs.get(0).select("text.node-label").eachText()).contains("Prepare", "Fan", "Charge", "Done");
        // longest-path layers: Prepare above Fan above Charge
        double prepare = y(graphs.get(0), 0);
        double fan = y(graphs.get(0), 1);
        double charge = y(graphs.get(0), 3);
        assertThat(prepare).isLessThan(fan);
        assertThat(fan).isLessThan(charge);
    }

    @Test
    void countsDrawABarPerState() {
        Elements bars = doc.select("#counts svg.bars");
        assertThat(bars).hasSize(2);
        assertThat(bars.get(0).select("rect.bar")).hasSize(seed.workflows().get(0).steps().size());
    }

    @Test
    void hostileNamesAreTextAndThePageRunsOnlyItsOwnScript() {
        // one script, ours: its text is the constant resource, and the page's policy allows it alone, by its hash
        assertThat(doc.select("script")).singleElement().satisfies(s -> {
            assertThat(s.data()).isEqualTo(HtmlReport.SCRIPT);
            assertThat(s.hasAttr("src")).isFalse();
        });
        assertThat(HtmlReport.SCRIPT).doesNotContain(SampleAnalyses.SCRIPT_STATE).doesNotContain("http");
        String policy = doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(policy).contains("default-src 'none'").contains("script-src '" + HtmlReport.sha256(
                doc.selectFirst("script").data()) + "'");
        assertThat(doc.getElementById("counts").text()).contains(SampleAnalyses.SCRIPT_STATE);
        assertThat(doc.getElementById("graphs").text()).contains(SampleAnalyses.SCRIPT_STATE)
                .contains("=HYPERLINK(\"http://x\")");
        assertThat(doc.select("[onload], [onerror], [onclick]")).isEmpty();
    }

    @Test
    void referencesNothingOnTheNetwork() {
        for (Element e : doc.select("[src], [href], link, img, iframe, object, embed")) {
            assertThat(e.attr("src")).doesNotContain("http");
            assertThat(e.attr("href")).doesNotContain("http").doesNotStartWith("//");
        }
        assertThat(doc.select("link, img, iframe")).isEmpty();
        assertThat(doc.select("style").html()).doesNotContain("url(http").doesNotContain("@import");
        assertThat(doc.select("style").html()).contains("@media print");
    }

    @Test
    void pricesShowSourcesDatesAndOverrides() {
        Element prices = doc.getElementById("prices");
        assertThat(prices.select("tr.overridden")).hasSize(1);
        assertThat(prices.select("tr.overridden").text()).contains("mw1.small environment", "overridden");
        assertThat(prices.text()).contains("$0.000025", "2026-01-01", "https://aws.amazon.com/step-functions/pricing/");
        assertThat(doc.getElementById("assumptions").text()).contains("orders.Fan.items", "10,000", "workload",
                "schedule", "default");
    }

    private static double y(Element svg, int node) {
        return Double.parseDouble(svg.select("rect.node").get(node).attr("y"));
    }

    @Test
    void tenThousandWorkflowsMakeAPageUnderTenMegabytesWithAllOfThemInTheTable() throws Exception {
        Analysis estate = SampleAnalyses.many(10_000);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        HtmlReport.write(estate, out);
        assertThat(out.size()).isLessThan(10_000_000);
        Document page = Jsoup.parse(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.select("#workflow-table tbody tr")).hasSize(10_000);
        // the costliest 50 inline, linked by anchor; the others link to their page in workflows/
        assertThat(page.select("#workflows article.workflow")).hasSize(HtmlReport.DEFAULT_INLINE_DETAILS);
        assertThat(page.select("#workflow-table a[href^=workflows/]")).hasSize(10_000 - HtmlReport.DEFAULT_INLINE_DETAILS);
        assertThat(page.select("#findings article.finding")).hasSizeLessThanOrEqualTo(HtmlReport.DEFAULT_INLINE_DETAILS);
    }
}
