package dev.flowcost.core.dag;

import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.OptionalDouble;

/**
 * How many times a DAG runs a month, and why: the workload's {@code executionsPerMonth} when given, else what the
 * schedule implies. Dataset-triggered and timetable DAGs have no number without the workload.
 *
 * @param runsPerMonth runs a month, when known
 * @param source       "workload" or "schedule"
 * @param explanation  a sentence a person can check ("cron '0 * * * *': 730 runs/month")
 */
public record DagRuns(OptionalDouble runsPerMonth, String source, String explanation) {

    public static DagRuns of(Dag dag, WorkflowWorkload workload, double hoursPerMonth) {
        if (workload.executionsPerMonth().isPresent()) {
            double n = workload.executionsPerMonth().getAsDouble();
            return new DagRuns(OptionalDouble.of(n), "workload", "executionsPerMonth " + n + " from the workload file");
        }
        return new DagRuns(ScheduleCalculator.runsPerMonth(dag.schedule(), hoursPerMonth), "schedule",
                ScheduleCalculator.explain(dag.schedule(), hoursPerMonth));
    }
}
