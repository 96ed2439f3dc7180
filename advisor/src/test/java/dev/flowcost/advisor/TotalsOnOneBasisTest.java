package dev.flowcost.advisor;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.Totals;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.advisor.price.PriceBook;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.flowcost.advisor.AdviseFixtures.input;
import static dev.flowcost.advisor.AdviseFixtures.machine;
import static dev.flowcost.advisor.AdviseFixtures.seedTrapWorkload;
import static dev.flowcost.advisor.AdviseFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The estate's totals are all after the free tiers: now and after each get the account's credits once, for the
 * estate they describe, so a saving priced before the free tiers is never subtracted from a total taken after them.
 */
class TotalsOnOneBasisTest {

    private static final StateMachineInput ORDERS = machine("orders", "map-inline-10000-items.asl.json");
    private static final StateMachineInput POLLER = machine("poller", "polling-loop-glue.asl.json");

    private static Analysis analysis(StateMachineInput sm, int items, double seconds, int executions) {
        String yaml = seedTrapWorkload(items, seconds, executions).replace("orders:", sm.name() + ":");
        return Advisor.analyze(input(List.of(sm), List.of(), workload(yaml), PriceBook.bundled()));
    }

    /** QT_SEED=2968930996086 of AdvisorLawsTest.costIsNeverNegative, shrunk: 1 item, 0 s, 1 execution. */
    @Test
    void aSavingInsideTheFreeTiersSavesNothing() {
        Analysis a = analysis(ORDERS, 1, 0, 1);
        assertThat(a.findings()).anyMatch(Finding::isSaving); // before the free tiers the change does save
        assertThat(a.totals().monthlyCostNow()).isZero();     // but the free tiers already cover all of it
        assertThat(a.totals().monthlyCostAfter()).isZero();   // was −0.0000969
        assertThat(a.totals().monthlySaving()).isZero();
        assertLaws(a);
    }

    /** glue-poller alone once said "after the changes −$0.05": a $0.11 saving off a $0.06 bill taken after credits. */
    @Test
    void theStandaloneGluePollerEndsAboveZero() {
        Analysis a = Advisor.analyze(input(List.of(POLLER), List.of(), workload("workflows: {}\n"), PriceBook.bundled()));
        WorkflowAnalysis w = a.workflows().get(0);
        BigDecimal credits = a.credits().stream().map(FreeTierCredit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(a.totals().monthlyCostNow()).isEqualByComparingTo(w.monthlyCost().add(credits));
        // after the change StartJob itself waits: its 2 transitions a run (2,000 a month) are inside the free tier,
        // so the estate ends at zero, never below
        assertThat(a.totals().monthlyCostAfter()).isNotNegative();
        assertThat(a.totals().monthlySaving()).isLessThan(a.findings().get(0).monthlySaving());
        assertLaws(a);
    }

    @Test
    void noTotalOrAfterIsEverNegative() {
        qt().withExamples(60).forAll(integers().between(1, 50_000), doubles().between(0.0, 20.0),
                        integers().between(0, 200_000), integers().between(0, 1))
                .checkAssert((items, seconds, executions, which) ->
                        assertLaws(analysis(which == 0 ? ORDERS : POLLER, items, seconds, executions)));
    }

    /** What every analysis's totals obey, whatever the volume. */
    static void assertLaws(Analysis a) {
        Totals t = a.totals();
        assertThat(t.monthlyCostNow()).isNotNegative();
        assertThat(t.monthlyCostAfter()).isNotNegative().isLessThanOrEqualTo(t.monthlyCostNow());
        assertThat(t.monthlySaving()).isEqualByComparingTo(t.monthlyCostNow().subtract(t.monthlyCostAfter()));
        t.creditsAfter().forEach(c -> assertThat(c.amount()).isNotPositive());
        a.environments().forEach(e -> assertThat(e.monthlyCostAfter()).isNotNegative());
        // after = the estate before the free tiers − the counted savings + the credits after (the workbook's formula)
        BigDecimal base = a.workflows().stream().filter(w -> w.kind() == WorkflowAnalysis.Kind.STATE_MACHINE)
                .map(WorkflowAnalysis::monthlyCost).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(a.environments().stream().map(EnvironmentAnalysis::monthlyCost).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal counted = t.countedFindings().stream().map(i -> a.findings().get(i).monthlySaving())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal creditsAfter = t.creditsAfter().stream().map(FreeTierCredit::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(t.monthlyCostAfter()).isEqualByComparingTo(base.subtract(counted).add(creditsAfter));
        for (Finding f : a.findings()) {
            assertThat(f.monthlyCostAfter()).isNotNegative();
            a.workflows().stream().filter(w -> w.name().equals(f.workflow())
                            && w.kind() == WorkflowAnalysis.Kind.STATE_MACHINE)
                    .forEach(w -> assertThat(f.monthlySaving()).as(f.rule()).isLessThanOrEqualTo(w.monthlyCost()));
        }
        for (int i : t.countedFindings()) {
            assertThat(a.findings().get(i).isSaving()).isTrue();
        }
    }
}
