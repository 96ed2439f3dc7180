package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.cost.Rate;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.SizingVerdict;
import dev.flowcost.core.workload.EnvironmentSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    @Test
    void everyDagLeavingDecommissions() {
        List<CostItem> items = mediumItems();
        EnvironmentPlan p = EnvironmentPlanner.plan(new EnvironmentPlanInput(spec("mw1.medium"),
                month("mw1.medium", 100, Map.of("a", 900_000.0, "b", 100_000.0), 12), items, CostItems.total(items),
                List.of(new EnvironmentPlanInput.PlannedDag("a", migration(DagMigration.MOVE_TO_STEP_FUNCTIONS), runWithPeak(10)),
                        new EnvironmentPlanInput.PlannedDag("b", migration(DagMigration.MOVE_TO_SERVERLESS), runWithPeak(3))),
                PRICES, REGION));
        assertThat(p.verdict()).isEqualTo("decommission");
        assertThat(p.monthlyCostAfter()).isEqualByComparingTo("0");
        assertThat(p.itemsAfter()).isEmpty();
        // estate: $552.20 now; after, the two DAGs on their new platforms at $5.00 each → saving $542.20
        Finding f = p.finding().orElseThrow();
        assertThat(f.monthlyCostNow()).isEqualByComparingTo("552.20");
        assertThat(f.monthlyCostAfter()).isEqualByComparingTo("10.00");
        assertThat(f.monthlySaving()).isEqualByComparingTo("542.20");
        assertThat(p.toAnalysis().verdict()).isEqualTo("decommission");
    }

    /*
     * DAG a (90 % of slot-seconds) moves; b stays with its own peak of 3 running tasks. Extra-worker hours above the
     * minimum scale to 100 × 0.1 = 10 on mw1.medium. 3 tasks fit mw1.small at 1 worker (5 slots) and 1 DAG fits its
     * capacity of 50; mw1.micro also holds 3 slots but cannot add workers while 10 × 10/3 > 0 extra hours remain, so
     * mw1.small it is: extra hours there 10 × 10/5 = 20 → 730 × $0.49 + 20 × $0.055 + 10 GB × $0.10 = $359.80.
     * maxWorkers: ceil(3 / 5) = 1. Estate after: $359.80 + $5.00 = $364.80; saving $552.20 − $364.80 = $187.40.
     */
    @Test
    void smallerRemainderDownsizesToTheNextClass() {
        List<CostItem> items = mediumItems();
        EnvironmentPlan p = EnvironmentPlanner.plan(new EnvironmentPlanInput(spec("mw1.medium"),
                month("mw1.medium", 100, Map.of("a", 900_000.0, "b", 100_000.0), 12), items, CostItems.total(items),
                List.of(new EnvironmentPlanInput.PlannedDag("a", migration(DagMigration.MOVE_TO_STEP_FUNCTIONS), runWithPeak(10)),
                        new EnvironmentPlanInput.PlannedDag("b", migration(DagMigration.KEEP), runWithPeak(3))),
                PRICES, REGION));
        assertThat(p.verdict()).isEqualTo("downsize to mw1.small");
        assertThat(p.classAfter()).isEqualTo("mw1.small");
        assertThat(p.monthlyCostAfter()).isCloseTo(new BigDecimal("359.80"), within(new BigDecimal("1e-9")));
        assertThat(p.maxWorkersAfter()).isEqualTo(1);
        assertThat(p.notes()).anyMatch(n -> n.contains("maxWorkers can drop from 5 to 1"));
        assertThat(p.movingDags()).containsExactly("a");
        assertThat(p.finding().orElseThrow().monthlySaving()).isCloseTo(new BigDecimal("187.40"), within(new BigDecimal("1e-9")));
    }

    /* The remaining DAG peaks at 8 running tasks: more than mw1.small's 5 slots at 1 worker → stays mw1.medium. */
    @Test
    void remainderTooBusyForASmallerClassKeepsTheClass() {
        List<CostItem> items = mediumItems();
        EnvironmentPlan p = EnvironmentPlanner.plan(new EnvironmentPlanInput(spec("mw1.medium"),
                month("mw1.medium", 100, Map.of("a", 500_000.0, "b", 500_000.0), 12), items, CostItems.total(items),
                List.of(new EnvironmentPlanInput.PlannedDag("a", migration(DagMigration.MOVE_TO_STEP_FUNCTIONS), runWithPeak(10)),
                        new EnvironmentPlanInput.PlannedDag("b", migration(DagMigration.HYBRID), runWithPeak(8))),
                PRICES, REGION));
        assertThat(p.verdict()).isEqualTo("keep");
        assertThat(p.classAfter()).isEqualTo("mw1.medium");
        // 730 × $0.74 + 50 h × $0.11 + $1.00 = $546.70
        assertThat(p.monthlyCostAfter()).isCloseTo(new BigDecimal("546.70"), within(new BigDecimal("1e-9")));
    }

    @Test
    void noDagLeavingKeepsTheEnvironmentAsItIs() {
        List<CostItem> items = mediumItems();
        EnvironmentPlan p = EnvironmentPlanner.plan(new EnvironmentPlanInput(spec("mw1.medium"),
                month("mw1.medium", 100, Map.of("a", 1.0), 12), items, CostItems.total(items),
                List.of(new EnvironmentPlanInput.PlannedDag("a", migration(DagMigration.KEEP), runWithPeak(10))),
                PRICES, REGION));
        assertThat(p.verdict()).isEqualTo("keep");
        assertThat(p.monthlyCostAfter()).isEqualByComparingTo(p.monthlyCost());
        assertThat(p.finding()).isEmpty();
    }
}
