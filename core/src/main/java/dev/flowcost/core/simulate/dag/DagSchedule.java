package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.workload.WorkflowWorkload;

/**
 * One DAG hosted by an environment, with its workload and how often it runs, as the environment simulation needs it.
 * Runs are spread evenly over the month (cron alignment is not modelled).
 *
 * @param dag          the DAG
 * @param workload     its workload (durations, failures, items, branch weights)
 * @param runsPerMonth DAG runs a month; may be fractional, 0 for a DAG that never runs
 */
public record DagSchedule(Dag dag, WorkflowWorkload workload, double runsPerMonth) {

    public DagSchedule {
        workload = workload == null ? WorkflowWorkload.defaults() : workload;
        runsPerMonth = Double.isFinite(runsPerMonth) ? Math.max(0, runsPerMonth) : 0;
    }
}
