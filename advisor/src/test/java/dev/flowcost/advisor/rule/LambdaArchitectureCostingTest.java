package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.AdviseFixtures;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Task's Lambda priced on the architecture the workload names (x86 by default, Arm for arm64), and Lambda's
 * GB-seconds free tier shared by both architectures. Bundled us-east-1 first-tier prices: x86 $0.0000166667/GB-s,
 * Arm $0.0000133334/GB-s; 400,000 free GB-s a month.
 */
class LambdaArchitectureCostingTest {

    private static final String FIXTURE = "standard-two-lambda-tasks.asl.json";

    /** 1,000,000 executions a month; each Task 1 s at 1024 MB unless the state says otherwise. */
    private static String workload(String workflowLine, String resize, String charge) {
        return "workflows:\n  pay:\n    executionsPerMonth: 1000000\n" + workflowLine
                + "    states:\n"
                + "      Resize: {durationSeconds: 1, memoryMb: 1024" + resize + "}\n"
                + "      Charge: {durationSeconds: 1, memoryMb: 1024" + charge + "}\n";
    }

    private static List<CostItem> duration(List<CostItem> items, String task) {
        return items.stream().filter(i -> i.component().startsWith(task + " Lambda duration")).toList();
    }

    private static CostItem tier1(List<CostItem> items) {
        return items.stream().filter(i -> i.component().endsWith("(tier 1)")).findFirst().orElseThrow();
    }

    private static BigDecimal sum(List<CostItem> items) {
        return items.stream().map(CostItem::monthlyAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void arm64TaskIsPricedAtArmFirstTierAndX86AtX86() {
        StateMachineContext c = RulesTest.ctx("pay", FIXTURE, workload("", "", ", architecture: arm64"));
        List<CostItem> items = StateMachineCosting.cost(c).items();
        // 1,000,000 invocations × 1 s × 1024 MB / 1024 = 1,000,000 GB-s a month each
        // x86 (Resize, the default): 1,000,000 × 0.0000166667 = $16.6667
        List<CostItem> resize = duration(items, "Resize");
        // tiered: three items, only tier 1 billed
        assertThat(resize).hasSize(3);
        assertThat(tier1(resize)).satisfies(i -> {
            assertThat(i.monthlyQuantity()).isEqualByComparingTo("1000000");
            assertThat(i.unitPrice()).isEqualByComparingTo("0.0000166667");
            assertThat(i.priceKey()).contains("duration-x86");
        });
        assertThat(sum(resize)).isEqualByComparingTo("16.6667");
        // Arm (Charge): 1,000,000 × 0.0000133334 = $13.3334
        List<CostItem> charge = duration(items, "Charge");
        assertThat(tier1(charge)).satisfies(i -> {
            assertThat(i.unitPrice()).isEqualByComparingTo("0.0000133334");
            assertThat(i.priceKey()).contains("duration-arm");
        });
        assertThat(sum(charge)).isEqualByComparingTo("13.3334");
        // requests cost the same on both: 1,000,000 × $0.0000002 = $0.20
        assertThat(items.stream().filter(i -> i.component().equals("Charge Lambda requests")).findFirst()
                .orElseThrow().monthlyAmount()).isEqualByComparingTo("0.20");
    }

    @Test
    void workflowDefaultAppliesToStatesThatNameNone() {
        StateMachineContext c = RulesTest.ctx("pay", FIXTURE,
                workload("    lambdaArchitecture: graviton\n", ", architecture: x86_64", ""));
        List<CostItem> items = StateMachineCosting.cost(c).items();
        assertThat(tier1(duration(items, "Resize")).unitPrice()).isEqualByComparingTo("0.0000166667");
        assertThat(tier1(duration(items, "Charge")).unitPrice()).isEqualByComparingTo("0.0000133334");
    }

    @Test
    void gbSecondsFreeTierIsOneAllowanceAcrossArchitecturesX86First() {
        // Resize (x86): 0.3 s × 1024 MB / 1024 = 0.3 GB-s × 1,000,000 = 300,000 GB-s; Charge (Arm): 1,000,000 GB-s
        Analysis a = Advisor.analyze(AdviseFixtures.input(List.of(AdviseFixtures.machine("pay", FIXTURE)), List.of(),
                AdviseFixtures.workload("workflows:\n  pay:\n    executionsPerMonth: 1000000\n    states:\n"
                        + "      Resize: {durationSeconds: 0.3, memoryMb: 1024}\n"
                        + "      Charge: {durationSeconds: 1, memoryMb: 1024, architecture: arm}\n")));
        List<FreeTierCredit> gbs = a.credits().stream().filter(c -> c.component().startsWith("Lambda GB-seconds"))
                .toList();
        assertThat(gbs).hasSize(2);
        // x86 first: all its 300,000 GB-s are free, at x86's price: −300,000 × 0.0000166667 = −$5.00001
        FreeTierCredit x86 = gbs.get(0);
        assertThat(x86.priceKey()).contains("duration-x86");
        assertThat(x86.usedQuantity()).isEqualByComparingTo("300000");
        assertThat(x86.amount()).isEqualByComparingTo("-5.00001");
        // Arm gets what is left of the 400,000: 100,000 × 0.0000133334 = −$1.33334
        FreeTierCredit arm = gbs.get(1);
        assertThat(arm.priceKey()).contains("duration-arm");
        assertThat(arm.freeQuantity()).isEqualByComparingTo("100000");
        assertThat(arm.usedQuantity()).isEqualByComparingTo("100000");
        assertThat(arm.amount()).isEqualByComparingTo("-1.33334");
        // the spreadsheet formula of every credit: −min(free, SUM of its price key's items) × unit price
        List<CostItem> all = a.workflows().stream().flatMap(w -> w.costItems().stream()).toList();
        for (FreeTierCredit c : a.credits()) {
            BigDecimal used = all.stream().filter(i -> i.priceKey().equals(c.priceKey()))
                    .map(CostItem::monthlyQuantity).reduce(BigDecimal.ZERO, BigDecimal::add).min(c.freeQuantity());
            assertThat(c.amount()).as(c.component()).isEqualByComparingTo(used.multiply(c.unitPrice()).negate());
        }
        // the free tier's allowance row is listed with the prices used
        assertThat(a.prices()).anyMatch(p -> p.dimension().equals("free-gb-seconds"));
        // the workflow total is its items' sum (credits apply to the estate)
        WorkflowAnalysis w = a.workflows().get(0);
        assertThat(w.monthlyCost()).isEqualByComparingTo(sum(w.costItems()));
    }

    @Test
    void armOnlyUsageGetsTheWholeAllowanceAtArmPrice() {
        Analysis a = Advisor.analyze(AdviseFixtures.input(List.of(AdviseFixtures.machine("pay", FIXTURE)), List.of(),
                AdviseFixtures.workload(workload("    lambdaArchitecture: ARM64\n", "", ""))));
        List<FreeTierCredit> gbs = a.credits().stream().filter(c -> c.component().startsWith("Lambda GB-seconds"))
                .toList();
        // 2,000,000 Arm GB-s, no x86: 400,000 × 0.0000133334 = −$5.33336
        assertThat(gbs).singleElement().satisfies(c -> {
            assertThat(c.priceKey()).contains("duration-arm");
            assertThat(c.freeQuantity()).isEqualByComparingTo("400000");
            assertThat(c.amount()).isEqualByComparingTo("-5.33336");
        });
    }
}
