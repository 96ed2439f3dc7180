package dev.flowcost.advisor.laws;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.cost.Rate;
import dev.flowcost.advisor.migration.DagMigration;
import dev.flowcost.advisor.migration.DagMigrationAdvisor;
import dev.flowcost.advisor.migration.DagMigrationInput;
import dev.flowcost.advisor.migration.EnvironmentPlan;
import dev.flowcost.advisor.migration.EnvironmentPlanInput;
import dev.flowcost.advisor.migration.EnvironmentPlanner;
import dev.flowcost.advisor.migration.EnvironmentShare;
import dev.flowcost.advisor.migration.DagWork;
import dev.flowcost.advisor.analysis.PlanOption;
import dev.flowcost.advisor.analysis.WorkItem;
import dev.flowcost.advisor.cost.MwaaCost;
import dev.flowcost.advisor.estate.EnvironmentCosting;
import dev.flowcost.core.simulate.dag.EnvironmentMonths;
import dev.flowcost.core.workload.MigrationSettings;
import java.util.ArrayList;
import dev.flowcost.advisor.migration.VolumeCurve;
import dev.flowcost.advisor.price.Services;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.SizingVerdict;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.WorkflowWorkload;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

/** Laws of the migration advice for Airflow DAGs and of the environment plan, at the region's prices. */
public final class MigrationLaws {

    private MigrationLaws() {
    }

    public static List<Law> all() {
        return List.of(new SensorFindingSavingIsNowMinusAfter(), new RescheduleSensorHasNoFinding(),
                new CheaperOptionSwapsAtBreakEven(), new DagVerdictCostsSwapAtBreakEven(),
                new AlternativesNeverNegativeNorDecreasing(),
                new ChosenPlanNeverCostsMoreThanKeeping());
    }

    /** A sensor finding's saving is now − after, each its items' total, and it only ever claims a positive saving. */
    public static final class SensorFindingSavingIsNowMinusAfter implements Law {
        public String name() { return "dag-finding-saving-is-now-minus-after"; }
        public String description() { return "A DAG finding's saving is now − after (each its items' total) and is only ever a positive saving."; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(integers().between(1, 50_000), integers().between(0, 20_000), integers().between(0, 3),
                    integers().between(0, 3000)).checkAssert((runs, waitSeconds, flags, extraHours) -> {
                        boolean s3 = (flags & 1) != 0;
                        boolean alone = (flags & 2) != 0;
                        Dag dag = LawDags.sensorThenLoad(s3, true);
                        DagMigration m = DagMigrationAdvisor.assess(LawDags.input(dag,
                                LawDags.durations(Map.of("wait", (double) waitSeconds)), runs,
                                LawDags.share(ctx.prices(), ctx.region(), alone, extraHours, 50), ctx.prices(), ctx.region()));
                        for (Finding f : m.findings()) {
                            Expect.equal(f.monthlySaving(), f.monthlyCostNow().subtract(f.monthlyCostAfter()), f.rule() + " saving");
                            Expect.equal(f.monthlyCostNow(), CostItems.total(f.itemsNow()), f.rule() + " now");
                            Expect.equal(f.monthlyCostAfter(), CostItems.total(f.itemsAfter()), f.rule() + " after");
                            Expect.isTrue(f.isSaving() && f.monthlySaving().signum() > 0, f.rule() + " claims "
                                    + f.monthlySaving().toPlainString());
                        }
                        Expect.isTrue(waitSeconds != 0 || m.findings().isEmpty(), "a finding for a sensor that never waits");
                    });
        }
    }

    /** A sensor that releases its worker slot while waiting never gets a finding. */
    public static final class RescheduleSensorHasNoFinding implements Law {
        public String name() { return "reschedule-sensor-has-no-finding"; }
        public String description() { return "A sensor in reschedule mode (it frees its worker slot while waiting) never gets a finding, whatever the volume or wait."; }
        public int examples() { return 50; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(integers().between(1, 50_000), integers().between(0, 20_000), booleans().all())
                    .checkAssert((runs, wait, s3) -> Expect.isTrue(DagMigrationAdvisor.assess(LawDags.input(
                            LawDags.sensorThenLoad(s3, false), LawDags.durations(Map.of("wait", (double) wait)), runs,
                            LawDags.share(ctx.prices(), ctx.region(), false, 1000, 50), ctx.prices(), ctx.region()))
                            .findings().isEmpty(), "a finding for a reschedule sensor"));
        }
    }

    /** Around the break-even of two affine costs, the cheaper option is A on one side and B on the other. */
    public static final class CheaperOptionSwapsAtBreakEven implements Law {
        public String name() { return "cheaper-option-swaps-at-break-even"; }
        public String description() { return "Around a curve's break-even volume the cheaper option swaps; without one, the same option stays cheaper all along."; }
        public int examples() { return 200; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(integers().between(0, 100_000), integers().between(0, 1000), integers().between(0, 100_000),
                    integers().between(0, 1000)).checkAssert((fixedA, perA, fixedB, perB) -> {
                        Function<BigDecimal, BigDecimal> a = r -> BigDecimal.valueOf(fixedA).add(BigDecimal.valueOf(perA, 2).multiply(r));
                        Function<BigDecimal, BigDecimal> b = r -> BigDecimal.valueOf(fixedB).add(BigDecimal.valueOf(perB, 2).multiply(r));
                        CostCurve c = VolumeCurve.curve("runs per month", "a", "b", BigDecimal.valueOf(100), a, b);
                        if (c.breakEvenVolume().isPresent()) {
                            assertSwaps(c.breakEvenVolume().get(), a, b);
                        } else {
                            long signs = c.points().stream().map(p -> p.costA().compareTo(p.costB())).filter(s -> s != 0)
                                    .distinct().count();
                            Expect.isTrue(signs <= 1, "the cheaper option changes along a curve with no break-even");
                        }
                    });
        }

        static void assertSwaps(BigDecimal be, Function<BigDecimal, BigDecimal> a, Function<BigDecimal, BigDecimal> b) {
            BigDecimal below = be.multiply(new BigDecimal("0.9"));
            BigDecimal above = be.multiply(new BigDecimal("1.1"));
            int sBelow = a.apply(below).compareTo(b.apply(below));
            int sAbove = a.apply(above).compareTo(b.apply(above));
            Expect.isTrue(sBelow != 0, "a tie below the break-even " + be.toPlainString());
            Expect.isTrue(sAbove == -sBelow, "no swap at the break-even " + be.toPlainString());
        }
    }

    /** A DAG's own curve: at its break-even, MWAA and the best alternative (priced by the advisor itself) swap. */
    public static final class DagVerdictCostsSwapAtBreakEven implements Law {
        public String name() { return "dag-verdict-costs-swap-at-break-even"; }
        public String description() { return "At a DAG's break-even runs a month, its MWAA cost and its best alternative's, each priced by the advisor, swap order."; }
        public int examples() { return 40; }

        public void check(LawContext ctx) {
            Dag reflection = LawDags.reflection();
            ctx.qt().forAll(integers().between(1, 2000), integers().between(0, 3000)).checkAssert((runs, extra) -> {
                DagMigrationInput in = LawDags.input(reflection, WorkflowWorkload.defaults(), runs,
                        LawDags.share(ctx.prices(), ctx.region(), true, extra, 1000), ctx.prices(), ctx.region());
                CostCurve c = DagMigrationAdvisor.assess(in).curve().orElseThrow();
                c.breakEvenVolume().ifPresent(be -> CheaperOptionSwapsAtBreakEven.assertSwaps(be,
                        r -> cost(in.withRunsPerMonth(r), c.optionA()), r -> cost(in.withRunsPerMonth(r), c.optionB())));
            });
        }

        private static BigDecimal cost(DagMigrationInput in, String platform) {
            return DagMigrationAdvisor.assess(in).alternative(platform).orElseThrow().monthlyCost();
        }
    }

    /** On every platform a DAG costs at least $0, and more runs never cost less. */
    public static final class AlternativesNeverNegativeNorDecreasing implements Law {
        public String name() { return "alternatives-never-negative-nor-decreasing"; }
        public String description() { return "Every platform a DAG is priced on (Step Functions, MWAA Serverless, hybrid) costs at least $0, its items satisfy their formula, and more runs a month never cost less."; }
        public int examples() { return 40; }

        public void check(LawContext ctx) {
            Dag reflection = LawDags.reflection();
            ctx.qt().forAll(integers().between(0, 20_000), integers().between(0, 20_000), integers().between(1, 5000),
                    booleans().all()).checkAssert((r1, r2, seconds, alone) -> {
                        Map<String, Double> d = new LinkedHashMap<>();
                        for (DagTask t : reflection.tasks()) {
                            d.put(t.taskId(), (double) seconds);
                        }
                        EnvironmentShare env = LawDags.share(ctx.prices(), ctx.region(), alone, 500, 20);
                        check(ctx, reflection, LawDags.durations(d), env, r1, r2);
                        DagMigration fan = check(ctx, LawDags.sensorThenFanOut(),
                                LawDags.fanOutWorkload(1 + seconds % 2000, seconds), env, r1, r2);
                        Expect.isTrue(fan.alternative(DagMigration.HYBRID_PLATFORM).isPresent(), "no hybrid for a fan-out");
                    });
        }

        private static DagMigration check(LawContext ctx, Dag dag, WorkflowWorkload wl, EnvironmentShare env, int r1, int r2) {
            DagMigration low = DagMigrationAdvisor.assess(LawDags.input(dag, wl, Math.min(r1, r2), env, ctx.prices(), ctx.region()));
            DagMigration high = DagMigrationAdvisor.assess(LawDags.input(dag, wl, Math.max(r1, r2), env, ctx.prices(), ctx.region()));
            for (Alternative a : low.alternatives()) {
                Expect.notNegative(a.monthlyCost(), a.platform() + " cost");
                a.costItems().forEach(MigrationLaws::satisfiesItsFormula);
                if (!a.costItems().isEmpty()) {
                    Expect.equal(a.monthlyCost(), CostItems.total(a.costItems()), a.platform() + " cost");
                }
                if (!a.platform().equals(DagMigration.MWAA)) {
                    Expect.atLeast(high.alternative(a.platform()).orElseThrow().monthlyCost(), a.monthlyCost(),
                            a.platform() + " cost at more runs");
                }
            }
            return low;
        }
    }

    /** CostItem's formula recomputed from its parts. */
    static void satisfiesItsFormula(CostItem i) {
        Expect.zero(i.quantityPerItem(), i.component() + " quantity per item");
        BigDecimal runs = i.executionsKey().isEmpty() || i.quantityPerExecution().signum() == 0 ? BigDecimal.ZERO
                : i.monthlyQuantity().subtract(i.fixedMonthlyQuantity()).divide(i.quantityPerExecution(), MathContext.DECIMAL128);
        BigDecimal monthly = i.quantityPerExecution().multiply(runs).add(i.fixedMonthlyQuantity());
        Expect.isTrue(monthly.subtract(i.monthlyQuantity()).abs().compareTo(new BigDecimal("1e-20")) < 0,
                i.component() + " monthly quantity " + i.monthlyQuantity() + " against " + monthly);
        BigDecimal above = i.monthlyQuantity().subtract(i.tierStart()).max(BigDecimal.ZERO);
        BigDecimal billed = i.tierEnd().map(e -> above.min(e.subtract(i.tierStart()))).orElse(above);
        Expect.equal(i.monthlyAmount(), billed.multiply(i.unitPrice()), i.component() + " amount");
    }

    /**
     * The plans for an mw1.medium hosting a DAG whose own advice moves it and one that stays (counterfactual months
     * from a stand-in that keeps the staying DAGs' share of the extra-worker hours): the chosen plan never costs more
     * a month than keeping the environment, every plan's saving is now − after, no plan cheaper than the chosen one
     * pays back, and the chosen plan's finding (when any DAG moves) agrees with its items.
     */
    public static final class ChosenPlanNeverCostsMoreThanKeeping implements Law {
        public String name() { return "chosen-plan-never-costs-more-than-keeping"; }
        public String description() { return "The environment plan chosen never costs more than keeping, every plan's saving is now − after, no cheaper plan pays back, and nothing after is negative."; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(integers().between(0, 5000), integers().between(0, 100), integers().between(1, 40),
                    integers().between(0, 200_000)).checkAssert((extra, movingShare, peak, altCents) -> {
                        Alternative alt = new Alternative(DagMigration.STEP_FUNCTIONS, BigDecimal.valueOf(altCents, 2),
                                List.of(CostItems.fixedMonthly("x", BigDecimal.valueOf(altCents), new Rate(new BigDecimal("0.01"),
                                        "unit", "law"))), List.of());
                        DagMigration move = new DagMigration(List.of(alt), DagMigration.MOVE_TO_STEP_FUNCTIONS, List.of(),
                                List.of(), List.of(), Optional.empty(), Optional.empty());
                        DagMigration keep = new DagMigration(List.of(new Alternative(DagMigration.MWAA, BigDecimal.ONE,
                                List.of(), List.of()), alt), DagMigration.KEEP, List.of(), List.of(), List.of(), Optional.empty(),
                                Optional.empty());
                        EnvironmentSpec spec = new EnvironmentSpec("prod-airflow", "mw1.medium", 1, 5, 2, 2, 10, List.of("*"));
                        Map<String, Double> slots = new LinkedHashMap<>();
                        slots.put("a", (double) movingShare);
                        slots.put("b", (double) (100 - movingShare));
                        DagRunResult run = new DagRunResult(1, 1, 60, 60, peak, 60, 1, Map.of(), List.of(), List.of(), List.of());
                        EnvironmentMonthResult month = new EnvironmentMonthResult("mw1.medium", 1, 5, 730, List.of(), extra,
                                slots, Map.of(), Map.of(), 0, 0, 2, peak, SizingVerdict.OK, "fits", List.of(), List.of());
                        MwaaCost.Prices prices = MwaaCost.Prices.from(ctx.prices(), ctx.region(), "mw1.medium");
                        List<CostItem> items = EnvironmentCosting.items(spec, month, prices, 730, new ArrayList<>());
                        EnvironmentMonths months = new ShareMonths(month);
                        EnvironmentPlan p = EnvironmentPlanner.plan(new EnvironmentPlanInput(spec, month, items,
                                CostItems.total(items), List.of(planned("a", move, run), planned("b", keep, run)),
                                ctx.prices(), ctx.region(), months, MigrationSettings.NONE, 730));
                        BigDecimal now = CostItems.total(items);
                        PlanOption chosen = p.options().stream().filter(PlanOption::chosen).findFirst().orElseThrow();
                        Expect.atMost(chosen.monthlyCostAfter(), now, "chosen plan '" + chosen.name() + "' against keep");
                        for (PlanOption o : p.options()) {
                            Expect.equal(o.monthlySaving(), now.subtract(o.monthlyCostAfter()), o.name() + " saving");
                            Expect.equal(o.monthlyCostAfter(), CostItems.total(o.itemsAfter()), o.name() + " after");
                            Expect.notNegative(o.environmentCostAfter(), o.name() + " environment after");
                            Expect.isTrue(!o.paysBack() || o.monthlyCostAfter().compareTo(chosen.monthlyCostAfter()) >= 0,
                                    "plan '" + o.name() + "' pays back and is cheaper than the chosen one");
                        }
                        p.finding().ifPresent(f -> {
                            Expect.equal(f.monthlySaving(), f.monthlyCostNow().subtract(f.monthlyCostAfter()), "plan saving");
                            Expect.equal(f.monthlyCostAfter(), CostItems.total(f.itemsAfter()), "plan after");
                            Expect.isTrue(f.isSaving() == (f.monthlySaving().signum() > 0), "plan claims " + f.monthlySaving());
                        });
                    });
        }

        private static EnvironmentPlanInput.PlannedDag planned(String id, DagMigration m, DagRunResult run) {
            DagWork work = new DagWork(id, List.of(new WorkItem("cutover", "cut over", 1, 4)), List.of(), Map.of());
            return new EnvironmentPlanInput.PlannedDag(id, m, run, work, BigDecimal.valueOf(30), id + ".executionsPerMonth");
        }

        /** Months of the staying DAGs: their slot-seconds, and the extra-worker hours scaled by their share. */
        private static final class ShareMonths implements EnvironmentMonths {
            private final EnvironmentMonthResult all;
            private int run;

            ShareMonths(EnvironmentMonthResult all) {
                this.all = all;
            }

            @Override
            public Optional<EnvironmentMonthResult> month(java.util.Set<String> staying, String environmentClass,
                                                          int minWorkers, int maxWorkers) {
                run++;
                Map<String, Double> kept = new LinkedHashMap<>();
                all.slotSecondsByDag().forEach((k, v) -> {
                    if (staying.contains(k)) {
                        kept.put(k, v);
                    }
                });
                double total = all.totalSlotSeconds();
                double share = total > 0 ? kept.values().stream().mapToDouble(Double::doubleValue).sum() / total
                        : staying.size() / (double) Math.max(1, all.slotSecondsByDag().size());
                return Optional.of(new EnvironmentMonthResult(environmentClass, minWorkers, maxWorkers, 730, List.of(),
                        all.workerHoursAboveMinimum() * share, kept, Map.of(), Map.of(), 0, 0, minWorkers,
                        all.peakRunningTasks(), SizingVerdict.OK, "stand-in month", List.of(), List.of()));
            }

            @Override
            public int simulationsRun() {
                return run;
            }

            @Override
            public int refused() {
                return 0;
            }
        }

        private static Rate rate(LawContext ctx, String dimension) {
            return Rate.from(ctx.prices(), ctx.region(), Services.MWAA, dimension);
        }
    }
}
