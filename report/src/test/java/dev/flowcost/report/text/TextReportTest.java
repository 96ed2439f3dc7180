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
    void noColoursUnlessAsked() {
        assertThat(TextReport.render(seed)).doesNotContain("\u001b[");
        assertThat(TextReport.render(seed, true)).contains("\u001b[1m");
    }

    @Test
    void controlCharactersInNamesAreDropped() {
        assertThat(TextReport.clean("a\u001b[31mb\nc\u202e")).isEqualTo("a\\u001b[31mb\\u000ac\\u202e");
    }
}
