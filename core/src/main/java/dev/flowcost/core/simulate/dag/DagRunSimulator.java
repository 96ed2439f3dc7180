package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulates runs of one Airflow DAG, each on its own in an otherwise idle environment, to learn what a run costs the
 * MWAA bill and its sizing: task instances, worker-slot seconds, makespan and peak concurrency. Seeded: the same DAG,
 * workload, settings, runs and seed give the same result.
 *
 * <p>Semantics follow Airflow: trigger rules decide as soon as upstream states allow (see {@link TriggerRules});
 * a branch operator (family BRANCH) picks one direct downstream by the workload's branch weights (keyed by downstream
 * task id, or by "0", "1", ... in edge order; equal when absent) and skips the others; an attempt fails with the
 * workload's failure probability and is retried after retry_delay (× 2^(n−1), capped by max_retry_delay, with
 * exponential backoff); mapped tasks fan out to the workload's items. Durations and other defaults are in
 * {@link TaskDurationDefaults} and each one used is listed in the result.
 */
public final class DagRunSimulator {

    /** Simulates {@code runs} runs (at least 1) of the DAG and summarises them. */
    public DagRunResult simulate(Dag dag, WorkflowWorkload workload, DagSimulationSettings settings, int runs,
                                 long seed) {
        int n = Math.max(1, runs);
        CompiledDag cd = new CompiledDag(dag, workload, settings, 0);
        List<Diagnostic> diagnostics = new ArrayList<>(cd.diagnostics);
        SplittableRandom rng = new SplittableRandom(seed);
        int slots = settings.workerSlots().orElse(Integer.MAX_VALUE);
        int tasks = cd.size();
        double[] instances = new double[tasks];
        double[] slotSeconds = new double[tasks];
        int[] ranCount = new int[tasks];
        int[] skipCount = new int[tasks];
        double[] makespans = new double[n];
        double totalInstances = 0;
        double totalSlotSeconds = 0;
        int successes = 0;
        int peak = 0;
        int unfinished = 0;
        List<TaskAttempt> firstSchedule = List.of();
        for (int r = 0; r < n; r++) {
            DagRunEngine engine = new DagRunEngine(List.of(cd), settings, slots, rng, r == 0);
            engine.scheduleRun(0, 0.0);
            engine.runToEnd();
            DagRunEngine.Run run = engine.lastStarted();
            if (!run.finished()) {
                unfinished++;
            }
            makespans[r] = Double.isNaN(run.end) ? engine.now() : run.end - run.start;
            totalInstances += run.instances;
            totalSlotSeconds += run.slotSeconds;
            peak = Math.max(peak, run.peakRunning);
            if (run.succeeded()) {
                successes++;
            }
            for (int t = 0; t < tasks; t++) {
                instances[t] += run.taskInstances[t];
                slotSeconds[t] += run.taskSlotSeconds[t];
                if (run.taskInstances[t] > 0) {
                    ranCount[t]++;
                }
                if (run.state[t] == DagRunEngine.SKIPPED) {
                    skipCount[t]++;
                }
            }
            if (r == 0) {
                List<TaskAttempt> trace = new ArrayList<>(run.trace);
                trace.sort(Comparator.comparingDouble(TaskAttempt::startSeconds));
                firstSchedule = trace;
            }
        }
        if (unfinished > 0) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.SIM_UNCOUNTABLE, dag.file(),
                    SourceLocation.ofLine(dag.line()), "DAG " + dag.dagId() + ": "
                    + unfinished + " of " + n + " simulated runs never finished (a cycle, or a task that can never get"
                    + " a slot); counted as failed"));
        }
        Map<String, TaskRunStats> perTask = new LinkedHashMap<>();
        for (int t = 0; t < tasks; t++) {
            perTask.put(cd.plans[t].taskId, new TaskRunStats(instances[t] / n, slotSeconds[t] / n,
                    (double) ranCount[t] / n, (double) skipCount[t] / n));
        }
        double[] sorted = makespans.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(makespans).average().orElse(0);
        return new DagRunResult(n, totalInstances / n, mean, percentile(sorted, 0.95), peak, totalSlotSeconds / n,
                (double) successes / n, perTask, cd.defaultsUsed, diagnostics, firstSchedule);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
