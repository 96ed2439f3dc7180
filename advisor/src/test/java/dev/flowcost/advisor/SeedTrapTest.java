package dev.flowcost.advisor;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Assumption;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.rule.InlineMapQuotaRisks;
import dev.flowcost.advisor.rule.InlineMapToDistributedMap;
import dev.flowcost.advisor.rule.LoopInsideLambda;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.flowcost.advisor.AdviseFixtures.input;
import static dev.flowcost.advisor.AdviseFixtures.machine;
import static dev.flowcost.advisor.AdviseFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

/** The seed trap: an inline Map over 10,000 orders, one Lambda per order, once an hour (720 runs a month). */
class SeedTrapTest {

    private static Analysis analysis;

    @BeforeAll
    static void analyse() {
        analysis = Advisor.analyze(input(List.of(machine("orders", "map-inline-10000-items.asl.json")), List.of(),
                workload(AdviseFixtures.seedTrapWorkload(10_000, 0.05, 720))));
    }

    private static Finding finding(String rule) {
        return analysis.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow(
                () -> new AssertionError("no " + rule + " finding in " + analysis.findings().stream()
                        .map(Finding::rule).toList()));
    }

    @Test
    void distributedMapFindingSavesAndGivesValidAsl() {
        Finding f = finding(InlineMapToDistributedMap.RULE);
        assertThat(f.targets()).containsExactly("ChargeEach");
        // now: 10,000 iteration transitions × 720 × $0.000025 = $180
        assertThat(f.monthlyCostNow()).isEqualByComparingTo("180");
        assertThat(f.monthlySaving()).isPositive();
        assertThat(f.monthlySaving()).isEqualByComparingTo(f.monthlyCostNow().subtract(f.monthlyCostAfter()));
        assertThat(f.change().kind()).isEqualTo(Change.Kind.ASL);
        assertThat(f.change().content()).contains("\"DISTRIBUTED\"").contains("\"EXPRESS\"").contains("MaxItemsPerBatch");
        assertThat(f.blockers()).anyMatch(b -> b.contains("Items"));
        AdviseFixtures.assertValidFragment(f.change().content());
        assertThat(f.curve()).isPresent();
        assertThat(f.curve().get().points()).hasSizeBetween(10, 12);
    }

    @Test
    void batchRespectsTimeAndPayloadLimits() {
        Finding f = finding(InlineMapToDistributedMap.RULE);
        int batch = Integer.parseInt(f.change().content().replaceAll("(?s).*\"MaxItemsPerBatch\": (\\d+).*", "$1"));
        // 0.05 s an item: time allows 4,800; 1 KiB items in a 240 KiB budget allow 240
        assertThat(batch).isBetween(1, 240);
    }

    @Test
    void loopInsideLambdaFindingSavesAndGivesValidAsl() {
        Finding f = finding(LoopInsideLambda.RULE);
        assertThat(f.targets()).containsExactly("ChargeEach");
        assertThat(f.monthlySaving()).isPositive();
        assertThat(f.change().content()).contains("lambda:invoke").contains("\"TimeoutSeconds\": 900");
        assertThat(f.blockers()).anyMatch(b -> b.contains("per-item retries"));
        AdviseFixtures.assertValidFragment(f.change().content());
    }

    @Test
    void historyQuotaRiskIsANoteWithoutSaving() {
        Finding f = finding(InlineMapQuotaRisks.RULE);
        assertThat(f.title()).contains("25,000");
        assertThat(f.isSaving()).isFalse();
        assertThat(f.monthlySaving()).isZero();
    }

    @Test
    void totalsCountOnlyTheBiggestFindingOnTheSameMap() {
        BigDecimal biggest = analysis.findings().stream().map(Finding::monthlySaving).max(BigDecimal::compareTo)
                .orElseThrow();
        // findings are ranked biggest first: only the first is counted; the totals are after the free tiers, so the
        // estate's saving is the biggest finding's (before the free tiers) less the free tier the change leaves unused
        assertThat(analysis.findings().get(0).monthlySaving()).isEqualByComparingTo(biggest);
        assertThat(analysis.totals().countedFindings()).containsExactly(0);
        assertThat(analysis.totals().monthlySaving()).isPositive().isLessThanOrEqualTo(biggest);
        assertThat(analysis.totals().monthlyCostAfter())
                .isEqualByComparingTo(analysis.totals().monthlyCostNow().subtract(analysis.totals().monthlySaving()));
        TotalsOnOneBasisTest.assertLaws(analysis);
    }

    @Test
    void everyCostItemSatisfiesItsFormula() {
        Map<String, BigDecimal> values = analysis.assumptions().stream()
                .collect(Collectors.toMap(Assumption::key, Assumption::value));
        List<CostItem> items = new ArrayList<>();
        analysis.workflows().forEach(w -> items.addAll(w.costItems()));
        analysis.findings().forEach(f -> {
            items.addAll(f.itemsNow());
            items.addAll(f.itemsAfter());
        });
        assertThat(items).isNotEmpty();
        for (CostItem i : items) {
            BigDecimal executions = i.executionsKey().isEmpty() ? BigDecimal.ZERO : values.get(i.executionsKey());
            BigDecimal itemsValue = i.itemsKey().isEmpty() ? BigDecimal.ZERO : values.get(i.itemsKey());
            assertThat(executions).as("assumption " + i.executionsKey()).isNotNull();
            assertThat(itemsValue).as("assumption " + i.itemsKey()).isNotNull();
            BigDecimal q = i.quantityPerExecution().add(i.quantityPerItem().multiply(itemsValue)).multiply(executions)
                    .add(i.fixedMonthlyQuantity());
            BigDecimal above = q.subtract(i.tierStart()).max(BigDecimal.ZERO);
            BigDecimal billed = i.tierEnd().map(e -> above.min(e.subtract(i.tierStart()))).orElse(above);
            assertThat(billed.multiply(i.unitPrice()).setScale(2, RoundingMode.HALF_UP))
                    .as(i.component()).isEqualByComparingTo(i.monthlyAmount().setScale(2, RoundingMode.HALF_UP));
        }
    }

    @Test
    void everyPriceKeyUsedIsListed() {
        List<String> listed = analysis.prices().stream().map(p -> p.key()).toList();
        analysis.workflows().forEach(w -> w.costItems().forEach(i -> assertThat(listed).contains(i.priceKey())));
        analysis.credits().stream().map(FreeTierCredit::priceKey).forEach(k -> assertThat(listed).contains(k));
        assertThat(listed).contains("us-east-1/states-standard/free-transitions");
    }

    @Test
    void noLambdaLoopWhenTheWholeLoopOutrunsLambda() {
        // 10 s × 10,000 items is 100,000 s: far beyond 900 s
        Analysis slow = Advisor.analyze(input(List.of(machine("orders", "map-inline-10000-items.asl.json")), List.of(),
                workload(AdviseFixtures.seedTrapWorkload(10_000, 10, 720))));
        assertThat(slow.findings()).noneMatch(f -> f.rule().equals(LoopInsideLambda.RULE));
    }

    @Test
    void slowerChargesLoopInsideLambdaInChunks() {
        // 0.2 s × 10,000 items = 2,000 s: three invocations of at most 720 s, each over a chunk
        Analysis chunked = Advisor.analyze(input(List.of(machine("orders", "map-inline-10000-items.asl.json")), List.of(),
                workload(AdviseFixtures.seedTrapWorkload(10_000, 0.2, 720))));
        Finding f = chunked.findings().stream().filter(x -> x.rule().equals(LoopInsideLambda.RULE)).findFirst()
                .orElseThrow();
        assertThat(f.title()).contains("3 invocations");
        assertThat(f.monthlySaving()).isPositive();
        // after: 3 chunk transitions and 3 Lambda requests a run instead of 10,000 of each
        assertThat(f.itemsAfter()).anyMatch(i -> i.unit().equals("transition")
                && i.quantityPerExecution().compareTo(BigDecimal.valueOf(3)) == 0);
        assertThat(f.change().content()).contains("$.chunks").contains("LoopOverChunk");
        AdviseFixtures.assertValidFragment(f.change().content());
    }

    @Test
    void noDistributedMapForFiveItems() {
        Analysis small = Advisor.analyze(input(List.of(machine("orders", "map-inline-10000-items.asl.json")), List.of(),
                workload(AdviseFixtures.seedTrapWorkload(5, 0.05, 720))));
        assertThat(small.findings()).noneMatch(f -> f.rule().equals(InlineMapToDistributedMap.RULE));
        assertThat(small.findings()).noneMatch(f -> f.rule().equals(InlineMapQuotaRisks.RULE));
    }


}
