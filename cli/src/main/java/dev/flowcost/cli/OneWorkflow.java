package dev.flowcost.cli;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.workload.WorkflowWorkload;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkloadMatching;
import java.io.PrintWriter;
import java.util.List;

/** The workload of the one DAG a command reads, its task entries matched (bare ids resolved, the rest warned about). */
final class OneWorkflow {

    private OneWorkflow() {
    }

    static WorkflowWorkload tasksMatched(Workload workload, Dag dag, PrintWriter err) {
        WorkloadMatching.Result matched = WorkloadMatching.matchOne(workload, dag.dagId(), List.of(),
                dag.tasks().stream().map(DagTask::taskId).toList());
        matched.diagnostics().forEach(d -> err.println(d.render()));
        return matched.workload().workflowOrDefault(dag.dagId());
    }
}
