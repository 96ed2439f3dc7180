package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.AdviseFixtures;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.Graph;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a state machine's month is split into items. */
class StateMachineCostingTest {

    private static final StateMachineContext ORDERS = RulesTest.ctx("orders", "map-inline-10000-items.asl.json",
            AdviseFixtures.seedTrapWorkload(10_000, 0.05, 720));

    @Test
    void inlineMapIterationsArePricedPerItem() {
        List<CostItem> items = StateMachineCosting.cost(ORDERS).items();
        CostItem iterations = items.stream().filter(i -> i.component().contains("ChargeEach iterations")).findFirst()
                .orElseThrow();
        assertThat(iterations.quantityPerItem()).isEqualByComparingTo("1");
        assertThat(iterations.itemsKey()).isEqualTo("orders.ChargeEach.items");
        assertThat(iterations.monthlyQuantity()).isEqualByComparingTo(BigDecimal.valueOf(10_000L * 720));
        // LoadOrders, ChargeEach, Report: 3 transitions per execution outside the iterations
        CostItem rest = items.get(0);
        assertThat(rest.quantityPerExecution()).isEqualByComparingTo("3");
        assertThat(rest.itemsKey()).isEmpty();
    }

    @Test
    void lambdaTasksBillRequestsAndGbSecondsWithDefaults() {
        StateMachineCosting.Costed c = StateMachineCosting.cost(ORDERS);
        // Charge: 10,000 attempts × 0.05 s × 256 MB / 1024 = 125 GB-s per execution
        CostItem charge = c.items().stream().filter(i -> i.component().equals("ChargeEach/Charge Lambda duration (tier 1)"))
                .findFirst().orElseThrow();
        assertThat(charge.quantityPerExecution()).isEqualByComparingTo("125");
        // LoadOrders has no memory in the workload: 128 MB, stated
        assertThat(c.defaultsUsed()).anyMatch(d -> d.contains("LoadOrders") && d.contains("128 MB"));
        // Report publishes to SNS: no Lambda items
        assertThat(c.items()).noneMatch(i -> i.component().startsWith("Report"));
    }

    @Test
    void graphNestsStatesUnderTheirMap() {
        Analysis a = Advisor.analyze(AdviseFixtures.input(List.of(AdviseFixtures.machine("orders",
                "map-inline-10000-items.asl.json")), List.of(), ordersWorkload()));
        Graph g = a.workflows().get(0).graph();
        assertThat(g.nodes()).extracting(Graph.Node::id)
                .containsExactly("LoadOrders", "ChargeEach", "ChargeEach/Charge", "Report");
        assertThat(g.edges()).contains(new Graph.Edge("LoadOrders", "ChargeEach"),
                new Graph.Edge("ChargeEach", "ChargeEach/Charge"), new Graph.Edge("ChargeEach", "Report"));
        assertThat(a.workflows().get(0).steps()).anyMatch(s -> s.path().equals("ChargeEach/Charge")
                && s.entries() == 10_000);
    }

    private static dev.flowcost.core.workload.Workload ordersWorkload() {
        return AdviseFixtures.workload(AdviseFixtures.seedTrapWorkload(10_000, 0.05, 720));
    }
}
