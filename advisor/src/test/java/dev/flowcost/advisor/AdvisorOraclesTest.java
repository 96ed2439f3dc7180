package dev.flowcost.advisor;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.advisor.price.UnknownRegionException;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.flowcost.advisor.AdviseFixtures.input;
import static dev.flowcost.advisor.AdviseFixtures.machine;
import static dev.flowcost.advisor.AdviseFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PRICING.md's worked examples, through the whole advisor. */
class AdvisorOraclesTest {

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void standardFreeTierExample7CostsNineNinety() {
        Analysis a = Advisor.analyze(input(List.of(machine("four", "standard-four-pass-states.asl.json")), List.of(),
                workload("region: us-east-1\nworkflows:\n  four:\n    executionsPerMonth: 100000\n")));
        assertThat(a.workflows().get(0).monthlyCost()).isEqualByComparingTo("10.00");
        assertThat(a.credits()).hasSize(1);
        assertThat(a.credits().get(0).amount()).isEqualByComparingTo("-0.10");
        assertThat(cents(a.totals().monthlyCostNow())).isEqualByComparingTo("9.90");
    }

    @Test
    void standardInUsWest1Example7CostsTwoSeventyEightEightyNine() {
        // 2,500,000 executions × 4 transitions = 10,000,000 transitions at $0.0279 per 1,000, after 4,000 free
        Analysis a = Advisor.analyze(input(List.of(machine("four", "standard-four-pass-states.asl.json")), List.of(),
                workload("region: us-west-1\nworkflows:\n  four:\n    executionsPerMonth: 2500000\n")));
        assertThat(cents(a.totals().monthlyCostNow())).isEqualByComparingTo("278.89");
    }

    @Test
    void expressExample1CostsFourEightyTwoNinetySeven() {
        Analysis a = Advisor.analyze(input(List.of(machine("pub", "express-one-task.asl.json")), List.of(),
                workload("workflows:\n  pub:\n    workflowType: EXPRESS\n    executionsPerMonth: 100000000\n"
                        + "    billedMemoryMb: 64\n    states:\n      Publish: {durationSeconds: 10}\n")));
        WorkflowAnalysis w = a.workflows().get(0);
        assertThat(w.workflowType()).isEqualTo("EXPRESS");
        assertThat(cents(w.monthlyCost())).isEqualByComparingTo("482.97");
        assertThat(cents(a.totals().monthlyCostNow())).isEqualByComparingTo("482.97");
    }

    @Test
    void seedTrapExecutionCostsAQuarterExample3() {
        // 10,000 iterations + LoadOrders + ChargeEach + Report = 10,003 transitions: $0.25 an execution, 30 a month
        Analysis a = Advisor.analyze(input(List.of(machine("orders", "map-inline-10000-items.asl.json")), List.of(),
                workload(AdviseFixtures.seedTrapWorkload(10_000, 0.05, 30))));
        BigDecimal transitions = a.workflows().get(0).costItems().stream()
                .filter(i -> i.unit().equals("transition")).map(i -> i.monthlyAmount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(cents(transitions)).isEqualByComparingTo("7.50");
    }

    @Test
    void distributedMapWithStandardChildrenExample8CostsSixtyFive() {
        // 3 + 10,000 child starts + 20,000 child transitions = 30,003 → (30,003 − 4,000) × $0.000025 = $0.65.
        // PRICING.md prints "= 20,003 → $0.40": its sum is a typo (see PricingWorkedExamplesTest.example8DistributedMap)
        Analysis a = Advisor.analyze(input(List.of(machine("fan", "distributed-map-standard-children.asl.json")),
                List.of(), workload("workflows:\n  fan:\n    executionsPerMonth: 1\n    states:\n"
                        + "      Fan: {items: 10000}\n      Fan/Work: {durationSeconds: 1}\n")));
        assertThat(cents(a.totals().monthlyCostNow())).isEqualByComparingTo("0.65");
    }

    @Test
    void distributedMapWithExpressChildrenExample8CostsSeventeenCents() {
        // parent 10,003 transitions → $0.150075 after the free tier; 10,000 requests $0.01; 625 GB-s $0.0104
        Analysis a = Advisor.analyze(input(List.of(machine("fan", "distributed-map-express-children.asl.json")),
                List.of(), workload("workflows:\n  fan:\n    executionsPerMonth: 1\n    billedMemoryMb: 64\n"
                        + "    states:\n      Fan: {items: 10000}\n      Fan/Work: {durationSeconds: 1}\n")));
        assertThat(cents(a.totals().monthlyCostNow())).isEqualByComparingTo("0.17");
        assertThat(a.workflows().get(0).costItems()).anyMatch(i -> i.component().startsWith("EXPRESS children of Fan")
                && i.unit().equals("request") && i.monthlyQuantity().compareTo(BigDecimal.valueOf(10_000)) == 0);
    }

    @Test
    void mwaaSmallEnvironmentExample5CostsThreeFiftySevenSeventy() {
        Analysis a = Advisor.analyze(input(List.of(), List.of(hourlyDag("etl")), workload(
                "environments:\n  prod:\n    environmentClass: mw1.small\n    minWorkers: 1\n    maxWorkers: 1\n"
                        + "    schedulers: 2\n    dags: [\"*\"]\n")));
        assertThat(a.environments()).hasSize(1);
        EnvironmentAnalysis env = a.environments().get(0);
        assertThat(env.monthlyCost()).isEqualByComparingTo("357.70");
        assertThat(env.dags()).containsExactly("etl");
        WorkflowAnalysis dag = a.workflows().get(0);
        assertThat(dag.kind()).isEqualTo(WorkflowAnalysis.Kind.DAG);
        assertThat(dag.workflowType()).isEqualTo("MWAA");
        assertThat(dag.executionsPerMonth()).isEqualByComparingTo("730");
        assertThat(cents(dag.monthlyCost())).isEqualByComparingTo("357.70");
        // the DAG's share is not added again
        assertThat(a.totals().monthlyCostNow()).isEqualByComparingTo("357.70");
    }

    @Test
    void mwaaLargeWithSchedulersAndStorageExample10() {
        Analysis a = Advisor.analyze(input(List.of(), List.of(hourlyDag("etl")), workload(
                "environments:\n  big:\n    environmentClass: mw1.large\n    minWorkers: 1\n    maxWorkers: 1\n"
                        + "    schedulers: 5\n    metadataStorageGb: 1000\n    dags: [\"etl\"]\n")));
        // 722.70 + 3 extra schedulers × 730 h × $0.22 (481.80) + 1,000 GB × $0.10 (100.00)
        assertThat(a.environments().get(0).monthlyCost()).isEqualByComparingTo("1304.50");
    }

    @Test
    void dagWithoutEnvironmentGoesToTheDefaultSmallEnvironment() {
        Analysis a = Advisor.analyze(input(List.of(), List.of(hourlyDag("lonely")), workload("region: us-east-1\n")));
        assertThat(a.environments()).hasSize(1);
        assertThat(a.environments().get(0).name()).isEqualTo("default");
        assertThat(a.environments().get(0).environmentClass()).isEqualTo("mw1.small");
        assertThat(a.environments().get(0).notes()).anyMatch(n -> n.contains("mw1.small"));
        assertThat(a.assumptions()).anyMatch(x -> x.key().equals("lonely.executionsPerMonth")
                && x.source().equals("schedule") && x.value().compareTo(BigDecimal.valueOf(730)) == 0);
    }

    @Test
    void unknownRegionPropagatesThePriceBookError() {
        AdvisorInput in = new AdvisorInput(List.of(machine("four", "standard-four-pass-states.asl.json")), List.of(),
                workload("region: us-east-1\n"), dev.flowcost.advisor.price.PriceBook.bundled(), Optional.of("mars-north-1"),
                List.of(), List.of());
        assertThatThrownBy(() -> Advisor.analyze(in)).isInstanceOf(UnknownRegionException.class)
                .hasMessageContaining("mars-north-1");
    }

    @Test
    void defaultExecutionsAreListedAsAnAssumption() {
        Analysis a = Advisor.analyze(input(List.of(machine("four", "standard-four-pass-states.asl.json")), List.of(),
                workload("region: us-east-1\n")));
        assertThat(a.workflows().get(0).executionsPerMonth()).isEqualByComparingTo("1000");
        assertThat(a.workflows().get(0).defaultsUsed()).anyMatch(d -> d.contains("executionsPerMonth 1000"));
        assertThat(a.assumptions()).anyMatch(x -> x.key().equals("four.executionsPerMonth") && x.source().equals("default"));
    }

    static Dag hourlyDag(String id) {
        return new Dag(id, id + ".py", 1, new Schedule(Schedule.Kind.CRON, "0 * * * *"), Optional.empty(), false,
                OptionalInt.empty(), OptionalInt.empty(), Map.of(), List.of(),
                List.of(DagTask.simple("extract", "PythonOperator", OperatorFamily.WORKER_CODE)), List.of());
    }
}
