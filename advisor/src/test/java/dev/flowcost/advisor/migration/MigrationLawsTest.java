package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.workload.WorkflowWorkload;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.flowcost.advisor.migration.MigrationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

/** Laws of the migration rules, checked with QuickTheories (replay with -DQT_SEED=...). */
class MigrationLawsTest {

    private static final Dag REFLECTION = fixture("reflection-15-tasks-hourly.py");

    private static Dag sensorDag(boolean s3, boolean poke) {
        return chain("sensed", List.of(MigrationRulesTest.sensor("wait", s3 ? "S3KeySensor" : "SqlSensor",
                poke ? SensorSettings.Mode.POKE : SensorSettings.Mode.RESCHEDULE, false), task("load", "PythonOperator")));
    }

    private static EnvironmentShare share(boolean alone, int extraWorkerHours, int sharePermille) {
        List<CostItem> env = smallEnvironment(extraWorkerHours, 10);
        return alone ? alone(env) : EnvironmentShare.shared("prod-airflow", "mw1.small", CostItems.total(env), env,
                BigDecimal.valueOf(sharePermille, 3), 20, BigDecimal.valueOf(extraWorkerHours), new BigDecimal("0.055"));
    }

    /** Every finding's saving is now − after, its amounts are its items' totals, and it claims only a positive saving. */
    @Test
    void findingSavingIsNowMinusAfterAndNeverClaimedWhenNotPositive() {
        qt().withExamples(100).forAll(integers().between(1, 50_000), integers().between(0, 20_000), integers().between(0, 3),
                integers().between(0, 3000)).checkAssert((runs, waitSeconds, flags, extraHours) -> {
                    boolean s3 = (flags & 1) != 0;
                    boolean alone = (flags & 2) != 0;
                    Dag dag = sensorDag(s3, true);
                    WorkflowWorkload wl = durations(Map.of("wait", (double) waitSeconds));
                    DagMigration m = DagMigrationAdvisor.assess(input(dag, wl, runs, share(alone, extraHours, 50)));
                    for (Finding f : m.findings()) {
                        assertThat(f.monthlySaving()).isEqualByComparingTo(f.monthlyCostNow().subtract(f.monthlyCostAfter()));
                        assertThat(f.monthlyCostNow()).isEqualByComparingTo(CostItems.total(f.itemsNow()));
                        assertThat(f.monthlyCostAfter()).isEqualByComparingTo(CostItems.total(f.itemsAfter()));
                        assertThat(f.isSaving()).isTrue();
                        assertThat(f.monthlySaving()).isPositive();
                    }
                    if (waitSeconds == 0) {
                        assertThat(m.findings()).isEmpty();
                    }
                });
    }

    /** A sensor that releases its slot never gets a finding, whatever the volume or wait. */
    @Test
    void rescheduleSensorNeverGetsAFinding() {
        qt().withExamples(50).forAll(integers().between(1, 50_000), integers().between(0, 20_000), booleans().all())
                .checkAssert((runs, wait, s3) -> assertThat(DagMigrationAdvisor.assess(input(sensorDag(s3, false),
                        durations(Map.of("wait", (double) wait)), runs, share(false, 1000, 50))).findings()).isEmpty());
    }

    /** The environment plan's finding: saving = now − after; claimed exactly when positive. */
    @Test
    void environmentFindingSavingIsNowMinusAfter() {
        qt().withExamples(100).forAll(integers().between(0, 5000), integers().between(0, 100), integers().between(1, 40),
                integers().between(0, 200_000)).checkAssert((extra, movingShare, peak, altCents) -> {
                    Alternative alt = new Alternative(DagMigration.STEP_FUNCTIONS, BigDecimal.valueOf(altCents, 2),
                            List.of(CostItems.fixedMonthly("x", BigDecimal.valueOf(altCents), new dev.flowcost.advisor.cost.Rate(
                                    new BigDecimal("0.01"), "unit", "test"))), List.of());
                    DagMigration move = new DagMigration(List.of(alt), DagMigration.MOVE_TO_STEP_FUNCTIONS, List.of(),
                            List.of(), List.of(), Optional.empty(), Optional.empty());
                    DagMigration keep = EnvironmentPlannerTest.migration(DagMigration.KEEP);
                    List<CostItem> items = EnvironmentPlannerTest.mediumItems();
                    Map<String, Double> slots = new LinkedHashMap<>();
                    slots.put("a", (double) movingShare);
                    slots.put("b", (double) (100 - movingShare));
                    EnvironmentPlan p = EnvironmentPlanner.plan(new EnvironmentPlanInput(EnvironmentPlannerTest.spec("mw1.medium"),
                            EnvironmentPlannerTest.month("mw1.medium", extra, slots, peak), items, CostItems.total(items),
                            List.of(new EnvironmentPlanInput.PlannedDag("a", move, EnvironmentPlannerTest.runWithPeak(peak)),
                                    new EnvironmentPlanInput.PlannedDag("b", keep, EnvironmentPlannerTest.runWithPeak(peak))),
                            PRICES, REGION));
                    Finding f = p.finding().orElseThrow();
                    assertThat(f.monthlySaving()).isEqualByComparingTo(f.monthlyCostNow().subtract(f.monthlyCostAfter()));
                    assertThat(f.monthlyCostAfter()).isEqualByComparingTo(CostItems.total(f.itemsAfter()));
                    assertThat(f.isSaving()).isEqualTo(f.monthlySaving().signum() > 0);
                    assertThat(p.monthlyCostAfter()).isNotNegative();
                });
    }

    /** Around a break-even of two affine costs, the cheaper option is A on one side and B on the other. */
    @Test
    void cheaperOptionSwapsAtTheBreakEven() {
        qt().withExamples(200).forAll(integers().between(0, 100_000), integers().between(0, 1000), integers().between(0, 100_000),
                integers().between(0, 1000)).checkAssert((fixedA, perA, fixedB, perB) -> {
                    Function<BigDecimal, BigDecimal> a = r -> BigDecimal.valueOf(fixedA).add(BigDecimal.valueOf(perA, 2).multiply(r));
                    Function<BigDecimal, BigDecimal> b = r -> BigDecimal.valueOf(fixedB).add(BigDecimal.valueOf(perB, 2).multiply(r));
                    CostCurve c = VolumeCurve.curve("runs per month", "a", "b", BigDecimal.valueOf(100), a, b);
                    c.breakEvenVolume().ifPresent(be -> assertSwaps(be, a, b));
                    if (c.breakEvenVolume().isEmpty()) {
                        // no swap anywhere in the curve
                        long signs = c.points().stream().map(p -> p.costA().compareTo(p.costB())).filter(s -> s != 0)
                                .distinct().count();
                        assertThat(signs).isLessThanOrEqualTo(1);
                    }
                });
    }

    /** The DAG's own curve: at its break-even MWAA and the best alternative swap, priced by assess itself. */
    @Test
    void dagVerdictCostsSwapAtTheirBreakEven() {
        qt().withExamples(40).forAll(integers().between(1, 2000), integers().between(0, 3000)).checkAssert((runs, extra) -> {
            DagMigrationInput in = input(REFLECTION, WorkflowWorkload.defaults(), runs, share(true, extra, 1000));
            DagMigration m = DagMigrationAdvisor.assess(in);
            CostCurve c = m.curve().orElseThrow();
            c.breakEvenVolume().ifPresent(be -> assertSwaps(be,
                    r -> cost(in.withRunsPerMonth(r), c.optionA()), r -> cost(in.withRunsPerMonth(r), c.optionB())));
        });
    }

    /**
     * Alternatives' costs are never negative and never decrease as runs a month grow: on a DAG without mapped tasks and
     * on one whose fan-out makes it hybrid (so the "hybrid" alternative is checked too).
     */
    @Test
    void alternativesNeverNegativeAndNeverDecreaseWithRuns() {
        qt().withExamples(40).forAll(integers().between(0, 20_000), integers().between(0, 20_000), integers().between(1, 5000),
                booleans().all()).checkAssert((r1, r2, seconds, alone) -> {
                    Map<String, Double> d = new LinkedHashMap<>();
                    for (DagTask t : REFLECTION.tasks()) {
                        d.put(t.taskId(), (double) seconds);
                    }
                    EnvironmentShare env = share(alone, 500, 20);
                    neverNegativeNorDecreasing(REFLECTION, durations(d), env, r1, r2);
                    DagMigration fan = neverNegativeNorDecreasing(HybridAlternativeTest.sensorThenFanOut(),
                            HybridAlternativeTest.fanOutWorkload(1 + seconds % 2000, seconds), env, r1, r2);
                    assertThat(fan.alternative(DagMigration.HYBRID_PLATFORM)).isPresent();
                });
    }

    private static DagMigration neverNegativeNorDecreasing(Dag dag, WorkflowWorkload wl, EnvironmentShare env, int r1, int r2) {
        DagMigration low = DagMigrationAdvisor.assess(input(dag, wl, Math.min(r1, r2), env));
        DagMigration high = DagMigrationAdvisor.assess(input(dag, wl, Math.max(r1, r2), env));
        for (Alternative a : low.alternatives()) {
            assertThat(a.monthlyCost()).isNotNegative();
            a.costItems().forEach(MigrationLawsTest::satisfiesItsFormula);
            if (!a.costItems().isEmpty()) {
                assertThat(a.monthlyCost()).isEqualByComparingTo(CostItems.total(a.costItems()));
            }
            if (!a.platform().equals(DagMigration.MWAA)) {
                assertThat(high.alternative(a.platform()).orElseThrow().monthlyCost())
                        .isGreaterThanOrEqualTo(a.monthlyCost());
            }
        }
        return low;
    }

    /** CostItem's Javadoc formula, recomputed from its parts (runs come from the item's own quantity and per-run parts). */
    private static void satisfiesItsFormula(CostItem i) {
        assertThat(i.quantityPerItem().signum()).isZero();
        BigDecimal runs = i.executionsKey().isEmpty() ? BigDecimal.ZERO
                : i.quantityPerExecution().signum() == 0 ? BigDecimal.ZERO
                : i.monthlyQuantity().subtract(i.fixedMonthlyQuantity()).divide(i.quantityPerExecution(), java.math.MathContext.DECIMAL128);
        BigDecimal monthly = i.quantityPerExecution().multiply(runs).add(i.fixedMonthlyQuantity());
        assertThat(monthly.subtract(i.monthlyQuantity()).abs()).isLessThan(new BigDecimal("1e-20"));
        BigDecimal above = i.monthlyQuantity().subtract(i.tierStart()).max(BigDecimal.ZERO);
        BigDecimal billed = i.tierEnd().map(e -> above.min(e.subtract(i.tierStart()))).orElse(above);
        assertThat(i.monthlyAmount()).isEqualByComparingTo(billed.multiply(i.unitPrice()));
    }

    private static BigDecimal cost(DagMigrationInput in, String platform) {
        return DagMigrationAdvisor.assess(in).alternative(platform).orElseThrow().monthlyCost();
    }

    private static void assertSwaps(BigDecimal be, Function<BigDecimal, BigDecimal> a, Function<BigDecimal, BigDecimal> b) {
        BigDecimal below = be.multiply(new BigDecimal("0.9"));
        BigDecimal above = be.multiply(new BigDecimal("1.1"));
        int sBelow = a.apply(below).compareTo(b.apply(below));
        int sAbove = a.apply(above).compareTo(b.apply(above));
        assertThat(sBelow).as("below %s", be).isNotZero();
        assertThat(sAbove).as("above %s", be).isEqualTo(-sBelow);
    }
}
