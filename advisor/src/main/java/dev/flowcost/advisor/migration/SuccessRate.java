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
        if (cyclic(dag)) {
            out.add("the DAG has a cycle (its DAG-CYCLE error), so the tasks on it never run");
        }
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

    /** Whether the DAG's edges close a cycle (Kahn's algorithm leaves tasks unvisited). */
    static boolean cyclic(Dag dag) {
        java.util.Map<String, Integer> indegree = new java.util.HashMap<>();
        java.util.Map<String, List<String>> next = new java.util.HashMap<>();
        dag.tasks().forEach(t -> indegree.put(t.taskId(), 0));
        for (dev.flowcost.core.dag.Edge e : dag.edges()) {
            if (indegree.containsKey(e.upstream()) && indegree.containsKey(e.downstream())) {
                next.computeIfAbsent(e.upstream(), k -> new ArrayList<>()).add(e.downstream());
                indegree.merge(e.downstream(), 1, Integer::sum);
            }
        }
        java.util.ArrayDeque<String> ready = new java.util.ArrayDeque<>();
        indegree.forEach((k, v) -> {
            if (v == 0) {
                ready.add(k);
            }
        });
        int seen = 0;
        while (!ready.isEmpty()) {
            String t = ready.poll();
            seen++;
            for (String d : next.getOrDefault(t, List.of())) {
                if (indegree.merge(d, -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        return seen < indegree.size();
    }
}
