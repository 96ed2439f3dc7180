package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.workload.ItemCount;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static dev.flowcost.advisor.migration.MigrationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The priced "hybrid" alternative: MWAA keeps the outer loop, the mapped fan-out runs as a Distributed Map. */
class HybridAlternativeTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("1e-6");

    /** An S3 prefix sensor (no event flowcost knows: Airflow-only) before a PythonOperator mapped over {@code items}. */
    static Dag sensorThenFanOut() {
        return chain("fan", List.of(
                MigrationRulesTest.sensor("wait_prefix", "HttpSensor", SensorSettings.Mode.RESCHEDULE, false),
                MigrationRulesTest.mapped("score", "PythonOperator")));
    }

    static WorkflowWorkload fanOutWorkload(int items, double itemSeconds) {
        Map<String, StepWorkload> tasks = new LinkedHashMap<>();
        tasks.put("wait_prefix", new StepWorkload(Optional.empty(), Map.of(), Map.of(), OptionalDouble.of(600),
                OptionalDouble.empty(), OptionalInt.empty()));
        tasks.put("score", new StepWorkload(Optional.of(ItemCount.exactly(items)), Map.of(), Map.of(),
                OptionalDouble.of(itemSeconds), OptionalDouble.empty(), OptionalInt.empty()));
        return new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(), tasks);
    }

    /*
     * 30 runs a month, alone on mw1.small (730 h × $0.49 = $357.70). Slot-seconds a run: sensor 600, score
     * 1,000 × 60 = 60,000 → mapped share 60,000 / 60,600; 600 / 60,600 = 1/101 stays on the workers.
     *   MWAA part:            $357.70 / 101                                        = $3.5415842
     *   Standard transitions: (1 Map state + 1,000 children) × 30 = 30,030 × $0.000025 = $0.75075
     *   Express requests:     1,000 × 30 = 30,000 × $0.000001                      = $0.03
     *   Express duration:     1,000 × 60 s × 64/1024 GB / 3600 × 30 = 31.25 GB-h × $0.06 = $1.875
     *   Lambda requests:      30,000 × $0.0000002                                  = $0.006
     *   Lambda duration:      1,000 × 60 s × 1 GB × 30 = 1,800,000 GB-s × $0.0000166667 = $30.00006
     *   total                                                                      = $36.2033942
     * against $357.70 on MWAA.
     */
    @Test
    void airflowOnlySensorWithHeavyFanOutIsHybridAndPricedBelowMwaa() {
        DagMigration m = DagMigrationAdvisor.assess(input(sensorThenFanOut(), fanOutWorkload(1000, 60), 30,
                alone(smallEnvironment(0, 0))));

        assertThat(m.verdict()).isEqualTo(DagMigration.HYBRID);
        Alternative mwaa = m.alternative(DagMigration.MWAA).orElseThrow();
        Alternative hybrid = m.alternative(DagMigration.HYBRID_PLATFORM).orElseThrow();
        assertThat(mwaa.monthlyCost()).isEqualByComparingTo("357.70");

        BigDecimal mwaaPart = new BigDecimal("357.70").divide(BigDecimal.valueOf(101), java.math.MathContext.DECIMAL64);
        BigDecimal expected = mwaaPart.add(new BigDecimal("0.75075")).add(new BigDecimal("0.03"))
                .add(new BigDecimal("1.875")).add(new BigDecimal("0.006")).add(new BigDecimal("30.00006"));
        assertThat(hybrid.monthlyCost().subtract(expected).abs()).isLessThan(TOLERANCE);
        assertThat(hybrid.monthlyCost()).isLessThan(mwaa.monthlyCost());

        assertThat(sum(hybrid, "× non-mapped slot share").subtract(mwaaPart).abs()).isLessThan(TOLERANCE);
        assertClose(sum(hybrid, "Standard transitions"), "0.75075");
        assertClose(sum(hybrid, "Express child executions"), "0.03");
        assertClose(sum(hybrid, "Express child duration"), "1.875");
        assertClose(sum(hybrid, "Lambda requests: score"), "0.006");
        assertThat(sum(hybrid, "Lambda duration: score").subtract(new BigDecimal("30.00006")).abs()).isLessThan(TOLERANCE);
        // Per-run items carry the runs key so the curve and a spreadsheet can rescale them.
        assertThat(hybrid.costItems()).filteredOn(i -> !i.component().contains("non-mapped"))
                .allSatisfy(i -> assertThat(i.executionsKey()).isEqualTo("fan.executionsPerMonth"));

        assertThat(m.reasons()).anyMatch(r -> r.startsWith("hybrid costs $36.20") && r.contains("$357.70"));
        // The hybrid is no move: it never becomes the "cheapest alternative" of the verdict rule.
        assertThat(m.reasons()).noneMatch(r -> r.startsWith("cheapest alternative: hybrid"));
    }

    /* Shared on an environment, the MWAA part is the marginal extra-worker cost scaled the same way. */
    @Test
    void sharedDagKeepsOnlyTheNonMappedShareOfItsMarginalCost() {
        EnvironmentShare shared = EnvironmentShare.shared("prod-airflow", "mw1.small", new BigDecimal("500"),
                smallEnvironment(1000, 0), new BigDecimal("0.2"), 5, BigDecimal.valueOf(1000), new BigDecimal("0.055"));
        // marginal = 1,000 h × 0.2 × $0.055 = $11; MWAA part = $11 / 101
        DagMigration m = DagMigrationAdvisor.assess(input(sensorThenFanOut(), fanOutWorkload(1000, 60), 30, shared));
        assertClose(m.alternative(DagMigration.MWAA).orElseThrow().monthlyCost(), "11");
        Alternative hybrid = m.alternative(DagMigration.HYBRID_PLATFORM).orElseThrow();
        BigDecimal part = new BigDecimal("11").divide(BigDecimal.valueOf(101), java.math.MathContext.DECIMAL64);
        assertThat(sum(hybrid, "× non-mapped slot share").subtract(part).abs()).isLessThan(TOLERANCE);
    }

    @Test
    void dagWithoutMappedTasksHasNoHybridAlternative() {
        Dag dag = chain("plain", List.of(
                MigrationRulesTest.sensor("wait_prefix", "HttpSensor", SensorSettings.Mode.RESCHEDULE, false),
                task("load", "PythonOperator")));
        DagMigration m = DagMigrationAdvisor.assess(input(dag, WorkflowWorkload.defaults(), 30, alone(smallEnvironment(0, 0))));
        assertThat(m.alternative(DagMigration.HYBRID_PLATFORM)).isEmpty();
        assertThat(m.verdict()).isEqualTo(DagMigration.KEEP);
        assertThat(m.reasons()).noneMatch(r -> r.startsWith("hybrid costs"));
    }

    private static void assertClose(BigDecimal actual, String expected) {
        assertThat(actual.subtract(new BigDecimal(expected)).abs()).as(actual + " ≈ " + expected).isLessThan(TOLERANCE);
    }

    private static BigDecimal sum(Alternative a, String componentPart) {
        List<CostItem> items = a.costItems().stream().filter(i -> i.component().contains(componentPart)).toList();
        assertThat(items).as("items named like " + componentPart).isNotEmpty();
        return items.stream().map(CostItem::monthlyAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
