package dev.flowcost.report.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.report.SampleAnalyses;
import dev.flowcost.report.json.AnalysisJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisDiffTest {

    private final Analysis inline = SampleAnalyses.seedTrap();
    private final Analysis distributed = SampleAnalyses.afterDistributedMap();

    @Test
    void replacingTheInlineMapByADistributedMapShowsTheSaving() {
        // read back from JSON, as flowcost diff does
        DiffResult diff = AnalysisDiff.diff(AnalysisJson.read(AnalysisJson.write(inline)),
                AnalysisJson.read(AnalysisJson.write(distributed)));
        DiffResult.WorkflowChange orders = diff.workflows().get(0);
        assertThat(orders.name()).isEqualTo("orders");
        assertThat(orders.status()).isEqualTo(DiffResult.Status.CHANGED);
        // Map now 360.018; after 180.018 + 7.20 + 7.5015 = 194.7195; saving 165.2985
        assertThat(orders.change()).isEqualByComparingTo("-165.2985");
        assertThat(diff.workflows().get(1).status()).isEqualTo(DiffResult.Status.UNCHANGED);
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        // the free-tier credits do not change: the Standard one is capped at 4,000 either way
        assertThat(diff.totalChange()).isEqualByComparingTo("-165.2985");
        assertThat(diff.exceeds(BigDecimal.ZERO)).isFalse();
        assertThat(AnalysisDiff.diff(distributed, inline).exceeds(new BigDecimal("100"))).isTrue();
        assertThat(AnalysisDiff.diff(distributed, inline).exceeds(new BigDecimal("200"))).isFalse();
    }

    @Test
    void addedAndRemovedWorkflows() {
        Analysis many = SampleAnalyses.many(2);
        DiffResult diff = AnalysisDiff.diff(inline, many);
        assertThat(diff.added()).containsExactly("orders0", "orders1");
        assertThat(diff.removed()).containsExactly("orders", "nightly_etl");
        assertThat(diff.workflows()).extracting(DiffResult.WorkflowChange::status).containsExactly(
                DiffResult.Status.REMOVED, DiffResult.Status.REMOVED, DiffResult.Status.ADDED, DiffResult.Status.ADDED);
        assertThat(diff.workflows().get(0).change()).isEqualByComparingTo(inline.workflows().get(0).monthlyCost().negate());
    }

    @Test
    void rendersJsonAndText() throws Exception {
        DiffResult diff = AnalysisDiff.diff(inline, distributed);
        JsonNode json = new ObjectMapper().readTree(diff.toJson());
        assertThat(json.get("workflows").get(0).get("name").textValue()).isEqualTo("orders");
        for (String field : List.of("before", "after", "change")) {
            assertThat(json.get("workflows").get(0).has(field)).isTrue();
        }
        assertThat(json.get("totalChange").decimalValue()).isEqualByComparingTo("-165.2985");
        assertThat(json.get("totalBefore").decimalValue()).isEqualByComparingTo(inline.totals().monthlyCostNow());
        assertThat(diff.toText()).contains("orders", "-$165.30", "total (estate)");
    }
}
