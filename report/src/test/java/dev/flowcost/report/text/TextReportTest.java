package dev.flowcost.report.text;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.report.SampleAnalyses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {

    private final Analysis seed = SampleAnalyses.seedTrap();

    @Test
    void tablesPerWorkflowFindingsBiggestFirstAndTotals() {
        String text = TextReport.render(seed);
        assertThat(text).contains("orders", "state transitions", "14,400,720 transition", "$360.02", "$361.49",
                "nightly_etl", "prod-airflow", "$357.70", "Free tiers", "-$0.10");
        int dag = text.indexOf("Move nightly_etl to Step Functions");
        int map = text.indexOf("Run Map Fan as a Distributed Map");
        assertThat(dag).isPositive();
        assertThat(map).isGreaterThan(dag);
        assertThat(text).contains("saves $358.52/month", "change: Set ItemProcessor.ProcessorConfig");
        assertThat(text).contains("monthly cost now", "$718.89", "$195.08", "$523.82");
    }

    @Test
    void aLargeEstatesTerminalSummaryListsTheCostliestAndTheBiggestAndSaysHowManyMore() {
        assertThat(seed.workflows()).hasSizeGreaterThan(1);
        assertThat(seed.findings()).hasSizeGreaterThan(1);
        // within the limit the summary is the whole text
        assertThat(TextReport.summary(seed, 1000)).isEqualTo(TextReport.render(seed));
        String one = TextReport.summary(seed, 1);
        dev.flowcost.advisor.analysis.WorkflowAnalysis costliest = seed.workflows().stream()
                .max(java.util.Comparator.comparing(dev.flowcost.advisor.analysis.WorkflowAnalysis::monthlyCost))
                .orElseThrow();
        assertThat(one).contains("the 1 costliest of " + seed.workflows().size() + " workflows");
        assertThat(one).contains("the 1 biggest of " + seed.findings().size() + " findings");
        for (dev.flowcost.advisor.analysis.WorkflowAnalysis w : seed.workflows()) {
            boolean listed = one.contains(w.name() + "  (");
            assertThat(listed).as(w.name()).isEqualTo(w == costliest);
        }
        assertThat(one).contains("Move nightly_etl to Step Functions").doesNotContain("Run Map Fan as a Distributed Map");
        assertThat(one).contains("monthly cost now", "$718.89"); // totals stay whole
    }

    @Test
    void noColoursUnlessAsked() {
        assertThat(TextReport.render(seed)).doesNotContain("\u001b[");
        assertThat(TextReport.render(seed, true)).contains("\u001b[1m");
    }

    @Test
    void controlCharactersInNamesAreDropped() {
        assertThat(TextReport.clean("a\u001b[31mb\nc\u202e")).isEqualTo("a\\u001b[31mb\\u000ac\\u202e");
    }
}
