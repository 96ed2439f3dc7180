package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.AdviseFixtures;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Distributed Maps whose children cost too much: where the rule must fire, what it proposes, and where it must not. */
class DistributedMapChildrenTest {

    private static String workload(String type, long items) {
        return "workflows:\n  fan:\n    workflowType: " + type + "\n    executionsPerMonth: 1\n    states:\n"
                + "      Fan: {items: " + items + "}\n      Fan/Work: {durationSeconds: 1}\n";
    }

    private static List<Finding> apply(String fixture, String workload) {
        return new DistributedMapChildren().apply(RulesTest.ctx("fan", fixture, workload));
    }

    /** MaxItemsPerBatch of a rewritten Map. */
    private static long batchOf(String asl) {
        Matcher m = Pattern.compile("\"MaxItemsPerBatch\"\\s*:\\s*(\\d+)").matcher(asl);
        assertThat(m.find()).as(asl).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** 10,000 items in batches of at most 240 (240 KiB of 1 KiB items, 240 s of 1 s items) need 42 children. */
    private static void assertFortyTwoChildren(String asl) {
        long batch = batchOf(asl);
        assertThat(batch).isBetween(1L, 240L);
        assertThat((10_000 + batch - 1) / batch).isEqualTo(42);
    }

    @Test
    void shortStandardChildrenBecomeBatchedExpressChildren() {
        List<Finding> f = apply("distributed-map-standard-children.asl.json",
                workload("STANDARD", 10_000).replace("durationSeconds: 1}", "durationSeconds: 0.1}"));
        assertThat(f).hasSize(1);
        Finding finding = f.get(0);
        assertThat(finding.rule()).isEqualTo("distributed-map-children");
        assertThat(finding.targets()).containsExactly("Fan");
        // now: 10,000 child starts + 10,000 children × 2 states = 30,000 transitions × $0.000025
        assertThat(finding.monthlyCostNow()).isEqualByComparingTo("0.75");
        // after: 42 batches: 42 starts × $0.000025 + 42 requests × $0.000001 + 42 × ≤ 24 s × 64 MB ≤ 63 GB-s
        // × $0.00001667 ≤ $0.00105 (batched STANDARD children would cost 42 × 3 × $0.000025 = $0.00315)
        assertThat(finding.monthlyCostAfter().doubleValue()).isCloseTo(0.00105 + 0.000042 + 0.00105, within(0.0001));
        assertThat(finding.monthlyCostAfter()).isLessThan(finding.monthlyCostNow());
        assertThat(finding.monthlySaving()).isPositive()
                .isEqualByComparingTo(finding.monthlyCostNow().subtract(finding.monthlyCostAfter()));
        assertThat(finding.curve()).isPresent();
        Change change = finding.change();
        assertThat(change.kind()).isEqualTo(Change.Kind.ASL);
        assertThat(change.content()).contains("\"DISTRIBUTED\"", "\"ExecutionType\": \"EXPRESS\"");
        assertFortyTwoChildren(change.content());
        AdviseFixtures.assertValidFragment(change.content());
        assertThat(finding.assumptions()).anyMatch(a -> a.contains("1024 bytes"))
                .anyMatch(a -> a.contains("{\"Items\": [...]}")).anyMatch(a -> a.contains("64 MB"));
        assertThat(finding.blockers()).anyMatch(b -> b.contains("at-most-once"))
                .anyMatch(b -> b.contains("loop over the batch"));
    }

    @Test
    void longerStandardChildrenAreCheaperBatchedAsStandard() {
        // 1 s an item: EXPRESS batches would bill 42 starts + 42 requests + 10,000 s × 64 MB ≈ $0.0116, STANDARD
        // batches 42 × (1 start + 2 states) = 126 transitions × $0.000025 = $0.00315
        List<Finding> f = apply("distributed-map-standard-children.asl.json", workload("STANDARD", 10_000));
        assertThat(f).hasSize(1);
        Finding finding = f.get(0);
        assertThat(finding.monthlyCostNow()).isEqualByComparingTo("0.75");
        assertThat(finding.monthlyCostAfter()).isEqualByComparingTo("0.00315");
        assertThat(finding.monthlySaving()).isEqualByComparingTo("0.74685");
        assertThat(finding.change().content()).contains("\"ExecutionType\": \"STANDARD\"")
                .doesNotContain("EXPRESS");
        assertThat(batchOf(finding.change().content())).isEqualTo(240);
        AdviseFixtures.assertValidFragment(finding.change().content());
    }

    @Test
    void expressChildrenWithoutBatcherGetOne() {
        List<Finding> f = apply("distributed-map-express-children.asl.json",
                workload("STANDARD", 10_000) + "    billedMemoryMb: 64\n");
        assertThat(f).hasSize(1);
        // now: 10,000 starts × $0.000025 + 10,000 requests × $0.000001 + 10,000 × 1 s × 64 MB = 625 GB-s
        assertThat(f.get(0).monthlyCostNow().doubleValue()).isCloseTo(0.25 + 0.01 + 0.0104, within(0.0002));
        assertThat(f.get(0).monthlyCostAfter().doubleValue()).isCloseTo(0.0116, within(0.0002));
        assertThat(f.get(0).monthlySaving()).isPositive();
        assertFortyTwoChildren(f.get(0).change().content());
        AdviseFixtures.assertValidFragment(f.get(0).change().content());
    }

    @Test
    void expressParentBillsNoChildStarts() {
        List<Finding> f = apply("distributed-map-standard-children.asl.json", workload("EXPRESS", 10_000));
        assertThat(f).hasSize(1);
        // now: only the 20,000 transitions inside the STANDARD children; after: 42 batches × 2 states
        assertThat(f.get(0).monthlyCostNow()).isEqualByComparingTo("0.5");
        assertThat(f.get(0).monthlyCostAfter()).isEqualByComparingTo("0.0021");
    }

    @Test
    void expressChildrenAlreadyBatchedAreLeftAlone() {
        assertThat(apply("distributed-map-express-children-batched.asl.json", workload("STANDARD", 10_000)))
                .isEmpty();
    }

    @Test
    void syncIterationIsOnlyBatchedAsStandardChildren() {
        List<Finding> f = apply("distributed-map-standard-children-sync.asl.json", workload("STANDARD", 10_000));
        assertThat(f).hasSize(1);
        String asl = f.get(0).change().content();
        assertThat(asl).contains("\"ExecutionType\": \"STANDARD\"").doesNotContain("EXPRESS");
        assertThat(batchOf(asl)).isEqualTo(240);
        // 42 batches × (1 start + 2 child states) = 126 transitions × $0.000025
        assertThat(f.get(0).monthlyCostAfter()).isEqualByComparingTo("0.00315");
        assertThat(f.get(0).monthlyCostNow()).isEqualByComparingTo("0.75");
        AdviseFixtures.assertValidFragment(asl);
    }

    @Test
    void syncIterationAlreadyInLargestBatchesHasNothingToClaim() {
        assertThat(apply("distributed-map-standard-children-sync-batched.asl.json", workload("STANDARD", 10_000)))
                .isEmpty();
    }

    @Test
    void threeItemsAreNotWorthARewrite() {
        assertThat(apply("distributed-map-standard-children.asl.json", workload("STANDARD", 3))).isEmpty();
        assertThat(apply("distributed-map-express-children.asl.json", workload("STANDARD", 3))).isEmpty();
    }

    @Test
    void inlineMapsAreNotThisRulesBusiness() {
        assertThat(apply("map-inline-10000-items.asl.json", AdviseFixtures.seedTrapWorkload(10_000, 0.05, 720)
                .replace("orders", "fan"))).isEmpty();
    }

    @Test
    void registeredAmongTheRules() {
        assertThat(Rules.all()).anyMatch(r -> r instanceof DistributedMapChildren);
    }
}
