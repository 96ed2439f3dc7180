package dev.flowcost.advisor.estate;

import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.AdviseFixtures;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.advisor.cost.MwaaCost;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.SizingVerdict;
import dev.flowcost.core.workload.EnvironmentSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** MWAA environments as cost items, DAG placement and each DAG's share. */
class EnvironmentCostingTest {

    private static Dag dag(String id, Schedule schedule) {
        return new Dag(id, id + ".py", 3, schedule, Optional.empty(), false, OptionalInt.empty(), OptionalInt.empty(),
                Map.of(), List.of(), List.of(DagTask.simple("a", "PythonOperator", OperatorFamily.WORKER_CODE),
                DagTask.simple("b", "PythonOperator", OperatorFamily.WORKER_CODE)), List.of(new Edge("a", "b")));
    }

    private static EnvironmentMonthResult month(double workerHoursAboveMinimum) {
        return new EnvironmentMonthResult("mw1.small", 2, 5, 730, List.of(), workerHoursAboveMinimum, Map.of(),
                Map.of(), Map.of(), 0, 0, 2, 1, SizingVerdict.LARGER_THAN_NEEDED, "peak 1 slot", List.of(), List.of());
    }

    @Test
    void extraWorkersCountAutoscalingAndTheMinimumAboveOne() {
        EnvironmentSpec env = new EnvironmentSpec("prod", "mw1.small", 2, 5, 3, 2, 10, List.of("*"));
        List<String> notes = new ArrayList<>();
        List<CostItem> items = EnvironmentCosting.items(env, month(100), MwaaCost.Prices.from(PriceBook.bundled(),
                "us-east-1", "mw1.small"), 730, notes);
        // 357.70 + (100 + 1 × 730) worker-hours × 0.055 + 1 × 730 scheduler-hours × 0.055 + 10 GB × 0.10
        assertThat(notes).isEmpty();
        assertThat(items).extracting(CostItem::fixedMonthlyQuantity).map(BigDecimal::stripTrailingZeros)
                .map(BigDecimal::toPlainString).containsExactly("730", "830", "730", "10");
        assertThat(CostItems.total(items)).isEqualByComparingTo(new BigDecimal("357.70").add(new BigDecimal("45.65"))
                .add(new BigDecimal("40.15")).add(new BigDecimal("1.00")));
    }

    @Test
    void largerThanNeededNamesTheSmallerClass() {
        EnvironmentSpec env = new EnvironmentSpec("prod", "mw1.medium", 1, 5, 2, 2, 0, List.of("*"));
        assertThat(EnvironmentCosting.verdict(month(0), env)).isEqualTo("larger than needed: consider mw1.small");
    }

    @Test
    void dagsGoToTheFirstMatchingEnvironmentElseTheDefault() {
        var w = AdviseFixtures.workload("environments:\n  a:\n    dags: [\"etl_*\"]\n  b:\n    dags: [\"*_daily\", \"etl_x\"]\n");
        Dag etl = dag("etl_x", Schedule.none());
        Dag daily = dag("report_daily", Schedule.none());
        Dag other = dag("misc", Schedule.none());
        Map<EnvironmentSpec, List<Dag>> placed = DagPlacement.place(List.of(etl, daily, other), w);
        List<String> names = placed.keySet().stream().map(EnvironmentSpec::name).toList();
        assertThat(names).containsExactly("a", "b", "default");
        assertThat(placed.get(w.environments().get("a"))).containsExactly(etl);
        assertThat(placed.get(w.environments().get("b"))).containsExactly(daily);
    }

    @Test
    void dagSharesAddUpToTheEnvironmentAndAreNotCountedTwice() {
        Analysis a = Advisor.analyze(AdviseFixtures.input(List.of(), List.of(
                        dag("hourly", new Schedule(Schedule.Kind.CRON, "0 * * * *")),
                        dag("daily", new Schedule(Schedule.Kind.CRON, "0 3 * * *"))),
                AdviseFixtures.workload("workflows:\n  hourly:\n    tasks:\n      a: {durationSeconds: 60}\n"
                        + "  daily:\n    tasks:\n      a: {durationSeconds: 60}\n"
                        + "environments:\n  prod:\n    environmentClass: mw1.small\n    maxWorkers: 2\n"
                        + "    metadataStorageGb: 10\n    dags: [\"*\"]\n")));
        EnvironmentAnalysis env = a.environments().get(0);
        BigDecimal shares = a.workflows().stream().map(WorkflowAnalysis::monthlyCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(shares.doubleValue()).isCloseTo(env.monthlyCost().doubleValue(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(a.totals().monthlyCostNow()).isEqualByComparingTo(env.monthlyCost());
        // the hourly DAG runs 24× as often as the daily one with the same tasks: it carries the larger share
        assertThat(a.workflows().get(0).monthlyCost()).isGreaterThan(a.workflows().get(1).monthlyCost());
        assertThat(a.workflows().get(0).steps()).extracting(s -> s.path()).containsExactly("a", "b");
        assertThat(a.workflows().get(0).graph().edges()).hasSize(1);
    }

    @Test
    void datasetTriggeredDagWithoutRunsIsPricedAtZeroRunsWithADiagnostic() {
        Analysis a = Advisor.analyze(AdviseFixtures.input(List.of(), List.of(
                dag("on_data", new Schedule(Schedule.Kind.DATASET, "[Dataset('s3://x')]"))),
                AdviseFixtures.workload("region: us-east-1\n")));
        assertThat(a.workflows().get(0).executionsPerMonth()).isZero();
        assertThat(a.diagnostics()).anyMatch(d -> d.render().contains("on_data") && d.render().contains("executionsPerMonth"));
        assertThat(a.assumptions()).anyMatch(x -> x.key().equals("on_data.executionsPerMonth")
                && x.source().equals("default"));
    }
}
