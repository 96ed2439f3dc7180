package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.Diagnostic;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated month of one MWAA environment: what its extra-worker bill counts (worker-hours above the minimum), what
 * each DAG used of it (slot-seconds, for sharing the environment's cost by usage), how much work queued, and whether
 * the environment is sized right. Money is the advisor's job.
 *
 * @param environmentClass                the class simulated ("mw1.small")
 * @param minWorkers                      workers always present
 * @param maxWorkers                      most workers autoscaling could reach
 * @param hoursPerMonth                   the month's length
 * @param timeline                        per {@link EnvironmentSimulator#BUCKET_SECONDS}-second slice
 * @param workerHoursAboveMinimum         ∫ (workers − minWorkers) dt, in hours
 * @param slotSecondsByDag                worker-slot seconds per dag_id
 * @param taskInstancesByDag              task instances per dag_id
 * @param runsByDag                       runs started per dag_id
 * @param queuedTaskSeconds               ∫ queued attempts dt, whatever held them back (slots, pools, max_active_tasks)
 * @param queuedTaskSecondsAtMaxWorkers   ∫ attempts waiting for a worker slot while at the maximum workers (what
 *                                        more or larger workers would fix)
 * @param peakWorkers                     most workers at once
 * @param peakRunningTasks                most tasks holding slots at once
 * @param verdict                         the sizing verdict
 * @param verdictReason                   why, in numbers
 * @param defaultsUsed                    every default assumed (per DAG task, and the autoscaling model)
 * @param diagnostics                     problems met
 */
public record EnvironmentMonthResult(String environmentClass, int minWorkers, int maxWorkers, double hoursPerMonth,
                                     List<TimelineBucket> timeline, double workerHoursAboveMinimum,
                                     Map<String, Double> slotSecondsByDag, Map<String, Long> taskInstancesByDag,
                                     Map<String, Integer> runsByDag, double queuedTaskSeconds,
                                     double queuedTaskSecondsAtMaxWorkers, int peakWorkers, int peakRunningTasks,
                                     SizingVerdict verdict, String verdictReason, List<String> defaultsUsed,
                                     List<Diagnostic> diagnostics) {

    public EnvironmentMonthResult {
        timeline = List.copyOf(timeline);
        slotSecondsByDag = Collections.unmodifiableMap(new LinkedHashMap<>(slotSecondsByDag));
        taskInstancesByDag = Collections.unmodifiableMap(new LinkedHashMap<>(taskInstancesByDag));
        runsByDag = Collections.unmodifiableMap(new LinkedHashMap<>(runsByDag));
        defaultsUsed = List.copyOf(defaultsUsed);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Total worker-slot seconds of all DAGs. */
    public double totalSlotSeconds() {
        return slotSecondsByDag.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
