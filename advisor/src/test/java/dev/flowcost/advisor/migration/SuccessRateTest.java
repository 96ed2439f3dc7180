package dev.flowcost.advisor.migration;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.workload.WorkflowWorkload;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowcost.advisor.migration.MigrationFixtures.chain;
import static org.assertj.core.api.Assertions.assertThat;

/** Why a DAG's runs mostly fail, named so the user can act: a cycle, or failure rates. */
class SuccessRateTest {

    @Test
    void aCycleIsNamedAndAChainIsNot() {
        Dag line = chain("line", List.of(DagTask.simple("a", "PythonOperator", OperatorFamily.WORKER_CODE),
                DagTask.simple("b", "PythonOperator", OperatorFamily.WORKER_CODE)));
        assertThat(SuccessRate.cyclic(line)).isFalse();
        List<Edge> loop = List.of(new Edge("a", "b"), new Edge("b", "a"));
        Dag cyc = new Dag("cyc", "cyc.py", 1, line.schedule(), line.startDate(), false, line.maxActiveRuns(),
                line.maxActiveTasks(), line.defaultArgs(), line.tags(), line.tasks(), loop);
        assertThat(SuccessRate.cyclic(cyc)).isTrue();
        assertThat(SuccessRate.reason(cyc, WorkflowWorkload.defaults())).contains("has a cycle");
        assertThat(SuccessRate.reason(line, WorkflowWorkload.defaults())).doesNotContain("cycle");
    }
}
