package dev.flowcost.advisor.migration;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.simulate.dag.TaskDurationDefaults;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a DAG's simulated runs mostly fail, in words a user can act on: a sensor whose wait (its workload duration, or
 * the 600 s default) is longer than its own timeout, or the failure rates the workload gives.
 */
public final class SuccessRate {

    private SuccessRate() {
    }

    /** The likely reasons, e.g. "sensor wait_for_stack waits 600 s (default) but times out after 120 s: set ...". */
    public static String reason(Dag dag, WorkflowWorkload workload) {
        List<String> out = new ArrayList<>();
        for (DagTask t : dag.tasks()) {
            Optional<StepWorkload> w = workload.task(t.taskId());
            boolean given = w.isPresent() && w.get().durationSeconds().isPresent();
            double wait = given ? w.get().durationSeconds().getAsDouble() : TaskDurationDefaults.seconds(t.family());
            double timeout = Double.NaN;
            if (t.family() == OperatorFamily.SENSOR && t.sensor().isPresent() && t.sensor().get().timeoutSeconds().isPresent()) {
                timeout = t.sensor().get().timeoutSeconds().getAsDouble();
            } else if (t.executionTimeoutSeconds().isPresent()) {
                timeout = t.executionTimeoutSeconds().getAsDouble();
            }
            if (!Double.isNaN(timeout) && wait > timeout) {
                out.add(String.format(Locale.ROOT, "%s %s takes %.0f s (%s) but times out after %.0f s: %s",
                        t.family() == OperatorFamily.SENSOR ? "sensor" : "task", t.taskId(), wait,
                        given ? "workload" : "default", timeout, given ? "check its timeout"
                                : "set durationSeconds for " + t.taskId() + " in the workload"));
            }
            if (w.isPresent() && !w.get().errors().isEmpty()) {
                double p = w.get().errors().values().stream().mapToDouble(Double::doubleValue).sum();
                if (p >= 0.2) {
                    out.add(String.format(Locale.ROOT, "task %s fails %.0f %% of attempts by the workload", t.taskId(), p * 100));
                }
            }
        }
        return out.isEmpty() ? "the failure rates and trigger rules together; check the workload" : String.join("; ", out);
    }
}
