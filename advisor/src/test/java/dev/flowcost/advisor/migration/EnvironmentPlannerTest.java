package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.cost.Rate;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.SizingVerdict;
import dev.flowcost.core.simulate.dag.EnvironmentMonths;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.MigrationSettings;
import dev.flowcost.advisor.analysis.PlanOption;
import dev.flowcost.advisor.analysis.WorkItem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import static dev.flowcost.advisor.migration.MigrationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EnvironmentPlannerTest {

    /** A $5.00 alternative (Step Functions and MWAA Serverless alike): 100 units at $0.05, so the estate arithmetic is easy to follow. */
    private static final Alternative FIVE_DOLLARS = new Alternative(DagMigration.STEP_FUNCTIONS, new BigDecimal("5.00"),
            List.of(CostItems.fixedMonthly("test transitions", BigDecimal.valueOf(100), new Rate(new BigDecimal("0.05"),
                    "unit", "test"))), List.of());

    static DagMigration migration(String verdict) {
        List<Alternative> alts = new ArrayList<>();
        alts.add(new Alternative(DagMigration.MWAA, BigDecimal.ONE, List.of(), List.of()));
        alts.add(FIVE_DOLLARS);
        alts.add(new Alternative(DagMigration.MWAA_SERVERLESS, FIVE_DOLLARS.monthlyCost(), FIVE_DOLLARS.costItems(), List.of()));
        return new DagMigration(alts, verdict, List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    static DagRunResult runWithPeak(int peak) {
        return new DagRunResult(1, 1, 60, 60, peak, 60, 1, Map.of(), List.of(), List.of(), List.of());
    }

    static EnvironmentMonthResult month(String cls, double extraAboveMin, Map<String, Double> slots, int peak) {
        return new EnvironmentMonthResult(cls, 1, 5, 730, List.of(), extraAboveMin, new LinkedHashMap<>(slots), Map.of(),
                Map.of(), 0, 0, 2, peak, SizingVerdict.OK, "fits", List.of(), List.of());
    }

    /* mw1.medium, 100 extra-worker hours, 10 GB: 730 × $0.74 = $540.20 + 100 × $0.11 = $11.00 + $1.00 = $552.20. */
    static List<CostItem> mediumItems() {
        return List.of(
                CostItems.fixedMonthly("mw1.medium environment", BigDecimal.valueOf(730), rate("mwaa", "mw1.medium-environment")),
                CostItems.fixedMonthly("mw1.medium extra workers", BigDecimal.valueOf(100), rate("mwaa", "mw1.medium-worker")),
                CostItems.fixedMonthly("metadata storage", BigDecimal.TEN, rate("mwaa", "metadata-storage")));
    }

    static EnvironmentSpec spec(String cls) {
        return new EnvironmentSpec("prod-airflow", cls, 1, 5, 2, 2, 10, List.of("*"));
    }

    /** Months scripted per (DAGs that stay, class); anything else is a month the class cannot hold. */
    static final class ScriptedMonths implements EnvironmentMonths {
        private final Map<String, EnvironmentMonthResult> script = new LinkedHashMap<>();
        private int run;

        ScriptedMonths on(Set<String> staying, String cls, double extra, int peakWorkers) {
            script.put(new TreeSet<>(staying) + cls, new EnvironmentMonthResult(cls, 1, 5, 730, List.of(), extra,
                    Map.of(), Map.of(), Map.of(), 0, 0, peakWorkers, 3, SizingVerdict.OK, "fits", List.of(), List.of()));
            return this;
        }

        @Override
        public Optional<EnvironmentMonthResult> month(Set<String> staying, String cls, int min, int max) {
            run++;
            EnvironmentMonthResult m = script.get(new TreeSet<>(staying) + cls);
            return Optional.of(m != null ? m : new EnvironmentMonthResult(cls, min, max, 730, List.of(), 5000, Map.of(),
                    Map.of(), Map.of(), 0, 99999, max, 99, SizingVerdict.TOO_SMALL, "queues", List.of(), List.of()));
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

    /** Work of one DAG: its cutover only (3 h by default), and a hard blocker when given. */
    static DagWork work(String id, String... hard) {
        return new DagWork(id, List.of(new WorkItem("cutover", "cut over", 1, 3)), List.of(hard), Map.of());
    }

    static EnvironmentPlanInput.PlannedDag dag(String id, String verdict, DagWork work) {
        return new EnvironmentPlanInput.PlannedDag(id, migration(verdict), runWithPeak(3), work, BigDecimal.valueOf(30),
                id + ".executionsPerMonth");
    }

    static EnvironmentPlan plan(List<EnvironmentPlanInput.PlannedDag> dags, EnvironmentMonths months,
                                MigrationSettings settings) {
        List<CostItem> items = mediumItems();
        return EnvironmentPlanner.plan(new EnvironmentPlanInput(spec("mw1.medium"),
                month("mw1.medium", 100, Map.of("a", 900_000.0, "b", 100_000.0), 12), items, CostItems.total(items),
                dags, PRICES, REGION, months, settings, 730));
    }

    static PlanOption chosen(EnvironmentPlan p) {
        return p.options().stream().filter(PlanOption::chosen).findFirst().orElseThrow();
    }

    /*
     * Both DAGs movable, each $5.00 on Step Functions: now $552.20 (730 × $0.74 + 100 h × $0.11 + $1.00); after,
     * $10.00; saving $542.20. Work: 2 cutovers × 3 h + 1 decommission × 4 h = 10 h × $100 = $1,000, payback
     * 1,000 / 542.20 = 1.84 months.
     */
    @Test
    void everyDagLeavingDecommissions() {
        EnvironmentPlan p = plan(List.of(dag("a", DagMigration.KEEP, work("a")), dag("b", DagMigration.KEEP, work("b"))),
                new ScriptedMonths(), MigrationSettings.NONE);
        assertThat(p.verdict()).isEqualTo("decommission");
        PlanOption c = chosen(p);
        assertThat(c.name()).isEqualTo(PlanOption.MOVE_ALL);
        assertThat(c.dagsMoving()).containsExactly("a", "b");
        assertThat(c.monthlyCostAfter()).isEqualByComparingTo("10.00");
        assertThat(c.monthlySaving()).isEqualByComparingTo("542.20");
        assertThat(c.effortHours()).isEqualTo(10.0);
        assertThat(c.paybackMonths()).contains(new BigDecimal("1.84"));
        Finding f = p.finding().orElseThrow();
        assertThat(f.monthlySaving()).isEqualByComparingTo("542.20");
        assertThat(p.toAnalysis().verdict()).isEqualTo("decommission");
        assertThat(p.toAnalysis().plans()).hasSize(2);
    }

    /*
     * b has a hard blocker and stays; a moves. Re-simulated, b alone on mw1.small bills 20 extra-worker hours
     * (mw1.micro cannot hold it): 730 × $0.49 + 20 × $0.055 + $1.00 = $359.80, plus a's $5.00 = $364.80 after,
     * saving $552.20 − $364.80 = $187.40; 3 h of work ($300) pay back in 1.60 months.
     */
    @Test
    void hardBlockedDagStaysOnASmallerClass() {
        ScriptedMonths months = new ScriptedMonths().on(Set.of("b"), "mw1.small", 20, 1);
        EnvironmentPlan p = plan(List.of(dag("a", DagMigration.KEEP, work("a")),
                dag("b", DagMigration.KEEP, work("b", "task wait (SqlSensor) waits on state outside AWS"))),
                months, MigrationSettings.NONE);
        assertThat(p.verdict()).isEqualTo("downsize to mw1.small");
        PlanOption c = chosen(p);
        assertThat(c.dagsMoving()).containsExactly("a");
        assertThat(c.classAfter()).isEqualTo("mw1.small");
        assertThat(c.maxWorkersAfter()).isEqualTo(1);
        assertThat(c.environmentCostAfter()).isCloseTo(new BigDecimal("359.80"), within(new BigDecimal("1e-9")));
        assertThat(c.monthlySaving()).isCloseTo(new BigDecimal("187.40"), within(new BigDecimal("1e-9")));
        assertThat(c.paybackMonths()).contains(new BigDecimal("1.60"));
        assertThat(c.notes()).anyMatch(n -> n.contains("hard blocker") && n.contains("SqlSensor"));
        assertThat(p.conditions().decidingFeatures()).anyMatch(f -> f.startsWith("DAG b stays: "));
    }

    /* The same move at $100,000 an hour: 3 h cost $300,000, never repaid in 12 months by $187.40: keep. */
    @Test
    void aMoveThatDoesNotPayBackIsShownButNotChosen() {
        ScriptedMonths months = new ScriptedMonths().on(Set.of("b"), "mw1.small", 20, 1);
        MigrationSettings dear = new MigrationSettings(OptionalDouble.of(100_000), OptionalDouble.empty(), Map.of(),
                Map.of());
        EnvironmentPlan p = plan(List.of(dag("a", DagMigration.KEEP, work("a")),
                dag("b", DagMigration.KEEP, work("b", "hard"))), months, dear);
        assertThat(chosen(p).name()).isEqualTo(PlanOption.KEEP);
        assertThat(p.verdict()).isEqualTo("keep");
        assertThat(p.finding()).isEmpty();
        PlanOption move = p.options().stream().filter(o -> o.name().equals(PlanOption.MOVE_ALL)).findFirst().orElseThrow();
        assertThat(move.paysBack()).isFalse();
        assertThat(move.monthlySaving()).isPositive();
        assertThat(p.conditions().summary()).contains("beyond the 12-month horizon");
    }

    /* a is linked to b (an ExternalTaskSensor) and b cannot move: a cannot leave alone, so nothing moves. */
    @Test
    void aDagLinkedToOneThatStaysCannotMove() {
        DagWork linked = new DagWork("a", List.of(new WorkItem("cutover", "cut over", 1, 3)), List.of(),
                Map.of("b", "task wait_b (ExternalTaskSensor) links DAG a to DAG b"));
        EnvironmentPlan p = plan(List.of(dag("a", DagMigration.MOVE_TO_STEP_FUNCTIONS, linked),
                dag("b", DagMigration.KEEP, work("b", "hard"))), new ScriptedMonths(), MigrationSettings.NONE);
        assertThat(p.options()).extracting(PlanOption::name).containsExactly(PlanOption.KEEP);
        assertThat(p.notes()).anyMatch(n -> n.contains("dropped for links to DAGs that stay: a"));
    }

    /* Linked DAGs that both move are one unit: the link is work, not a blocker. */
    @Test
    void linkedDagsMovingTogetherAreWork() {
        DagWork linked = new DagWork("a", List.of(new WorkItem("dependency", "link", 1, 2),
                new WorkItem("cutover", "cut over", 1, 3)), List.of(), Map.of("b", "a waits on b"));
        EnvironmentPlan p = plan(List.of(dag("a", DagMigration.KEEP, linked), dag("b", DagMigration.KEEP, work("b"))),
                new ScriptedMonths(), MigrationSettings.NONE);
        PlanOption c = chosen(p);
        assertThat(c.dagsMoving()).containsExactlyInAnyOrder("a", "b");
        assertThat(c.workItems()).extracting(WorkItem::kind).contains("dependency", "cutover", "decommission");
    }
}
