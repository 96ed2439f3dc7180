package dev.flowcost.advisor;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.PriceUsed;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.PriceRow;
import dev.flowcost.advisor.price.Services;
import dev.flowcost.core.workload.Workload;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static dev.flowcost.advisor.AdviseFixtures.input;
import static dev.flowcost.advisor.AdviseFixtures.machine;
import static dev.flowcost.advisor.AdviseFixtures.seedTrapWorkload;
import static dev.flowcost.advisor.AdviseFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

/** Laws every analysis obeys, whatever the volume, item count or durations. */
class AdvisorLawsTest {

    private static final StateMachineInput ORDERS = machine("orders", "map-inline-10000-items.asl.json");
    private static final StateMachineInput FOUR = machine("four", "standard-four-pass-states.asl.json");

    private static List<Finding> findings(int items, double seconds, int executions) {
        Workload w = workload(seedTrapWorkload(items, seconds, executions));
        return Advisor.stateMachineFindings(Advisor.context(ORDERS, w, PriceBook.bundled(), "us-east-1"));
    }

    private static Analysis analysis(StateMachineInput sm, int items, double seconds, int executions, PriceBook prices) {
        String yaml = seedTrapWorkload(items, seconds, executions).replace("orders:", sm.name() + ":");
        return Advisor.analyze(input(List.of(sm), List.of(), workload(yaml), prices));
    }

    @Test
    void findingSavingEqualsNowMinusAfter() {
        qt().withExamples(100).forAll(integers().between(1, 50_000), doubles().between(0.001, 20.0),
                        integers().between(1, 200_000))
                .checkAssert((items, seconds, executions) -> {
                    for (Finding f : findings(items, seconds, executions)) {
                        assertThat(f.monthlyCostNow()).isEqualByComparingTo(CostItems.total(f.itemsNow()));
                        assertThat(f.monthlyCostAfter()).isEqualByComparingTo(CostItems.total(f.itemsAfter()));
                        assertThat(f.monthlySaving())
                                .isEqualByComparingTo(f.monthlyCostNow().subtract(f.monthlyCostAfter()));
                    }
                });
    }

    @Test
    void findingIsNeverClaimedWhenNotPositive() {
        qt().withExamples(100).forAll(integers().between(1, 50_000), doubles().between(0.001, 20.0),
                        integers().between(1, 200_000))
                .checkAssert((items, seconds, executions) -> {
                    for (Finding f : findings(items, seconds, executions)) {
                        assertThat(f.isSaving()).isEqualTo(f.monthlySaving().signum() > 0);
                        // a rule reports a priced change only when it saves; notes carry no cost at all
                        if (!f.isSaving()) {
                            assertThat(f.itemsNow()).isEmpty();
                            assertThat(f.itemsAfter()).isEmpty();
                        }
                    }
                });
    }

    @Test
    void totalSavingNeverExceedsTheSumOfClaimedSavings() {
        qt().withExamples(50).forAll(integers().between(1, 50_000), doubles().between(0.001, 20.0),
                        integers().between(1, 200_000))
                .checkAssert((items, seconds, executions) -> {
                    Analysis a = analysis(ORDERS, items, seconds, executions, PriceBook.bundled());
                    BigDecimal claimed = a.findings().stream().filter(Finding::isSaving).map(Finding::monthlySaving)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(a.totals().monthlySaving()).isLessThanOrEqualTo(claimed).isGreaterThanOrEqualTo(BigDecimal.ZERO);
                    assertThat(a.totals().monthlySaving())
                            .isEqualByComparingTo(a.totals().monthlyCostNow().subtract(a.totals().monthlyCostAfter()));
                });
    }

    @Test
    void costIsNeverNegative() {
        qt().withExamples(50).forAll(integers().between(1, 50_000), doubles().between(0.0, 20.0),
                        integers().between(0, 200_000))
                .checkAssert((items, seconds, executions) -> {
                    Analysis a = analysis(ORDERS, items, seconds, executions, PriceBook.bundled());
                    a.workflows().forEach(w -> w.costItems().forEach(i -> assertThat(i.monthlyAmount()).isNotNegative()));
                    assertThat(a.totals().monthlyCostNow()).isNotNegative();
                    assertThat(a.totals().monthlyCostAfter()).isNotNegative();
                });
    }

    @Test
    void costNeverDecreasesAsExecutionsGrow() {
        qt().withExamples(50).forAll(integers().between(1, 50_000), doubles().between(0.0, 20.0),
                        integers().between(0, 100_000), integers().between(1, 100_000))
                .checkAssert((items, seconds, executions, more) -> {
                    Analysis low = analysis(ORDERS, items, seconds, executions, PriceBook.bundled());
                    Analysis high = analysis(ORDERS, items, seconds, executions + more, PriceBook.bundled());
                    assertThat(high.workflows().get(0).monthlyCost())
                            .isGreaterThanOrEqualTo(low.workflows().get(0).monthlyCost());
                    assertThat(high.totals().monthlyCostNow()).isGreaterThanOrEqualTo(low.totals().monthlyCostNow());
                });
    }

    @Test
    void ruleCurvesNeverDecreaseAsExecutionsGrow() {
        qt().withExamples(50).forAll(integers().between(1, 50_000), doubles().between(0.001, 20.0),
                        integers().between(1, 200_000))
                .checkAssert((items, seconds, executions) -> {
                    for (Finding f : findings(items, seconds, executions)) {
                        if (f.curve().isEmpty()) {
                            continue;
                        }
                        List<CostCurve.Point> p = f.curve().get().points();
                        for (int i = 1; i < p.size(); i++) {
                            assertThat(p.get(i).costA()).isGreaterThanOrEqualTo(p.get(i - 1).costA()).isNotNegative();
                            assertThat(p.get(i).costB()).isGreaterThanOrEqualTo(p.get(i - 1).costB()).isNotNegative();
                        }
                    }
                });
    }

    @Test
    void overriddenPricesChangeExactlyTheItemsUsingThem() {
        qt().withExamples(50).forAll(integers().between(1, 1000), integers().between(1, 50_000))
                .checkAssert((millionths, executions) -> {
                    BigDecimal price = BigDecimal.valueOf(millionths, 6);
                    PriceBook base = PriceBook.bundled();
                    PriceRow bundled = base.row("us-east-1", Services.STATES_STANDARD, Services.TRANSITION);
                    PriceBook user = base.overriddenBy(List.of(PriceRow.flat("us-east-1", Services.STATES_STANDARD,
                            Services.TRANSITION, "transition", price, LocalDate.of(2026, 1, 1), "negotiated")));
                    Analysis a = analysis(ORDERS, 10_000, 0.05, executions, base);
                    Analysis b = analysis(ORDERS, 10_000, 0.05, executions, user);
                    List<CostItem> ia = a.workflows().get(0).costItems();
                    List<CostItem> ib = b.workflows().get(0).costItems();
                    assertThat(ib).hasSameSizeAs(ia);
                    for (int i = 0; i < ia.size(); i++) {
                        CostItem x = ia.get(i);
                        CostItem y = ib.get(i);
                        assertThat(y.monthlyQuantity()).isEqualByComparingTo(x.monthlyQuantity());
                        if (x.priceKey().equals(bundled.key())) {
                            assertThat(y.unitPrice()).isEqualByComparingTo(price);
                            assertThat(y.monthlyAmount()).isEqualByComparingTo(y.monthlyQuantity().multiply(price));
                        } else {
                            assertThat(y.monthlyAmount()).isEqualByComparingTo(x.monthlyAmount());
                        }
                    }
                    for (PriceUsed p : b.prices()) {
                        assertThat(p.overridden()).isEqualTo(p.key().equals(bundled.key()));
                    }
                });
    }

    @Test
    void standardCostIsZeroWithinTheFreeTier() {
        qt().withExamples(100).forAll(integers().between(0, 1000)).checkAssert(executions -> {
            // 4 transitions each: at most 4,000 a month are free
            Analysis a = analysis(FOUR, 1, 0, executions, PriceBook.bundled());
            assertThat(a.totals().monthlyCostNow()).isZero();
        });
    }
}
