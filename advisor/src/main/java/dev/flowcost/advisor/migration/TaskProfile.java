package dev.flowcost.advisor.migration;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.TaskDurationDefaults;
import dev.flowcost.core.simulate.dag.TaskRunStats;
import dev.flowcost.core.usage.Resolved;
import dev.flowcost.core.usage.WorkflowUsage;
import dev.flowcost.core.workload.ItemCount;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;

import java.util.ArrayList;
import java.util.List;

/**
 * What the migration rules need to know of one task, from the workload and the DAG run simulation: how long an
 * attempt lasts, how long it may last (for platform limits), and how many instances and slot-seconds a run has.
 *
 * @param task                 the task
 * @param durationSeconds      mean seconds of one attempt, as {@link WorkflowUsage#taskSeconds} resolves it
 * @param longestSeconds       what platform limits are checked against: the workload's p95 when given, else the mean
 * @param instancesPerRun      expected task instances a run (retries and mapped instances included)
 * @param slotSecondsPerRun    expected worker-slot seconds a run
 * @param durationFromWorkload whether the duration came from the workload (false: a default)
 */
record TaskProfile(DagTask task, double durationSeconds, double longestSeconds, double instancesPerRun,
                   double slotSecondsPerRun, boolean durationFromWorkload) {

    static List<TaskProfile> of(Dag dag, WorkflowWorkload workload, DagRunResult run) {
        List<TaskProfile> out = new ArrayList<>();
        WorkflowUsage usage = WorkflowUsage.of(workload);
        for (DagTask t : dag.tasks()) {
            StepWorkload w = workload.task(t.taskId()).orElse(StepWorkload.empty());
            Resolved duration = usage.taskSeconds(t.taskId(), t.family());
            double mean = duration.value();
            double longest = Math.max(mean, w.p95Seconds().orElse(mean));
            TaskRunStats stats = run.perTask().get(t.taskId());
            double instances;
            double slotSeconds;
            if (stats != null) {
                instances = stats.expectedInstances();
                slotSeconds = stats.expectedSlotSeconds();
            } else {
                instances = t.mapped() ? w.items().map(ItemCount::mean).orElse((double) TaskDurationDefaults.MAPPED_ITEMS) : 1;
                slotSeconds = t.family() == OperatorFamily.EMPTY ? 0 : instances * mean;
            }
            out.add(new TaskProfile(t, Math.max(0, mean), Math.max(0, longest), Math.max(0, instances),
                    Math.max(0, slotSeconds), !duration.isDefault()));
        }
        return out;
    }

    String taskId() {
        return task.taskId();
    }

    OperatorFamily family() {
        return task.family();
    }

    /**
     * Whether the task's work runs on the Airflow worker today, so on Step Functions it needs compute of its own
     * (the converter maps it to a Lambda invoke, or ECS for long tasks): worker code, unknown/custom operators,
     * branch callables and operators that talk to non-AWS systems from the worker.
     */
    boolean runsOnWorker() {
        OperatorFamily f = task.family();
        return f == OperatorFamily.WORKER_CODE || f == OperatorFamily.UNKNOWN || f == OperatorFamily.BRANCH
                || f == OperatorFamily.OTHER_SERVICE;
    }

    /** Minutes, for sentences. */
    static String minutes(double seconds) {
        double m = seconds / 60.0;
        return m == Math.rint(m) ? String.valueOf((long) m) : String.format(java.util.Locale.ROOT, "%.1f", m);
    }
}
