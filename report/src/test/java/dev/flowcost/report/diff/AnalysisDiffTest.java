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

    @Test
    void breaksAChangeDownByBilledComponentPerRun() {
        DiffResult diff = AnalysisDiff.diff(inline, distributed);
        DiffResult.WorkflowChange orders = diff.workflows().get(0);
        assertThat(orders.components()).isNotEmpty();
        // every component's amounts add up to the workflow's change
        BigDecimal sum = orders.components().stream().map(DiffResult.ComponentChange::change)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(orders.change());
        // the unchanged DAG has no components listed and is not among the moved
        assertThat(diff.workflows().get(1).components()).isEmpty();
        assertThat(diff.moved()).extracting(DiffResult.WorkflowChange::name).containsExactly("orders");
        assertThat(diff.unchangedCount()).isEqualTo(diff.workflows().size() - 1);
        // a per-run quantity is the monthly quantity over the executions of its side
        DiffResult.ComponentChange first = orders.components().stream().filter(DiffResult.ComponentChange::perRun)
                .findFirst().orElseThrow();
        dev.flowcost.advisor.analysis.CostItem item = inline.workflows().get(0).costItems().stream()
                .filter(i -> i.component().equals(first.component())).findFirst().orElse(null);
        if (item != null && item.tierStart().signum() == 0) {
            assertThat(first.quantityBefore().multiply(inline.workflows().get(0).executionsPerMonth()))
                    .isCloseTo(item.monthlyQuantity(), org.assertj.core.api.Assertions.within(new BigDecimal("0.0001")));
        }
    }

    @Test
    void jsonAmountsHaveAFixedScaleAndTheFileEndsWithANewline() throws Exception {
        DiffResult diff = AnalysisDiff.diff(inline, distributed);
        String text = diff.toJson();
        assertThat(text).endsWith("}\n");
        JsonNode json = new ObjectMapper().readTree(text);
        for (String field : List.of("totalBefore", "totalAfter", "totalChange", "freeTierCreditsBefore",
                "freeTierCreditsAfter", "before", "after", "change")) {
            // as written: a plain decimal with exactly six places
            assertThat(text).as(field).containsPattern("\"" + field + "\" : -?\\d+\\.\\d{6}[,\\n]")
                    .doesNotContainPattern("\"" + field + "\" : -?\\d+(\\.\\d{0,5}|\\.\\d{7,})?[,\\n]");
        }
        JsonNode orders = json.get("workflows").get(0);
        assertThat(orders.get("components").size()).isEqualTo(diff.workflows().get(0).components().size());
        assertThat(json.get("unchanged").intValue()).isEqualTo(diff.unchangedCount());
        // no 30-digit decimals anywhere
        assertThat(text).doesNotContainPattern("\\d\\.\\d{7,}");
    }

    @Test
    void markdownPutsTheBudgetVerdictFirstListsOnlyChangesAndExplainsTheCredits() {
        DiffResult rise = AnalysisDiff.diff(distributed, inline);
        String over = rise.toMarkdown(new BigDecimal("50"));
        String[] lines = over.split("\n");
        assertThat(lines[0]).startsWith("### flowcost: monthly cost +$165.30");
        assertThat(lines[2]).startsWith("**Over budget:**").contains("$165.30", "$50.00");
        assertThat(rise.toMarkdown(new BigDecimal("500"))).contains("**Within budget**");
        assertThat(rise.toMarkdown(null)).contains("No budget set");
        assertThat(over).contains("| orders |").doesNotContain("| nightly\\_etl |");
        assertThat(over).contains(rise.unchangedCount() + " workflow");
        assertThat(over).contains("<details><summary>What changed in orders</summary>", " a run (");
        if (rise.creditsBefore().signum() != 0) {
            assertThat(over).contains("Free-tier credits");
        }
        assertThat(over).contains("**Estate total:**");
    }

    @Test
    void markdownEscapesNamesSoTheyCannotInjectLinksOrHtml() {
        assertThat(DiffMarkdown.escape("a|b<script>[x](http://e)`c`*d*_e_\u001b"))
                .isEqualTo("a\\|b&lt;script&gt;\\[x\\](http://e)\\`c\\`\\*d\\*\\_e\\_ ");
    }
}
