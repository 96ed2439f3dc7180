package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.dag.EnvironmentClass;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The limits a DAG run meets in Airflow: worker slots (environment class tasks per worker × workers, or unlimited),
 * {@code core.parallelism}, {@code max_active_tasks} and {@code max_active_runs} per DAG (a DAG's own settings win),
 * and pool sizes. Pools the map does not name get {@link TaskDurationDefaults#POOL_SLOTS} slots.
 *
 * @param workerSlots          tasks the workers run at once; empty for unlimited
 * @param parallelism          tasks running at once across the environment
 * @param maxActiveTasksPerDag default max_active_tasks for DAGs that do not set it
 * @param maxActiveRunsPerDag  default max_active_runs for DAGs that do not set it
 * @param poolSizes            slots per pool name
 */
public record DagSimulationSettings(OptionalInt workerSlots, int parallelism, int maxActiveTasksPerDag,
                                    int maxActiveRunsPerDag, Map<String, Integer> poolSizes) {

    public DagSimulationSettings {
        parallelism = Math.max(1, parallelism);
        maxActiveTasksPerDag = Math.max(1, maxActiveTasksPerDag);
        maxActiveRunsPerDag = Math.max(1, maxActiveRunsPerDag);
        poolSizes = Collections.unmodifiableMap(new LinkedHashMap<>(poolSizes));
    }

    /** Unlimited worker slots with Airflow's defaults: parallelism 32, 16 active tasks and runs per DAG, pools of 128. */
    public static DagSimulationSettings airflowDefaults() {
        return new DagSimulationSettings(OptionalInt.empty(), TaskDurationDefaults.PARALLELISM,
                TaskDurationDefaults.MAX_ACTIVE_TASKS_PER_DAG, TaskDurationDefaults.MAX_ACTIVE_RUNS_PER_DAG, Map.of());
    }

    /** Nothing limits a run but its own DAG settings and pools: for measuring a DAG's shape. */
    public static DagSimulationSettings unlimited() {
        return new DagSimulationSettings(OptionalInt.empty(), Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                Map.of());
    }

    /**
     * The slots of an MWAA environment class with a given number of workers. Parallelism is left unlimited so that
     * worker slots are what binds (MWAA sizes Airflow's parallelism to its workers); Airflow's per-DAG defaults apply.
     */
    public static DagSimulationSettings forEnvironment(EnvironmentClass environmentClass, int workers) {
        return airflowDefaults().withWorkerSlots(environmentClass.slots(Math.max(1, workers)))
                .withParallelism(Integer.MAX_VALUE);
    }

    public DagSimulationSettings withWorkerSlots(int slots) {
        return new DagSimulationSettings(OptionalInt.of(Math.max(1, slots)), parallelism, maxActiveTasksPerDag,
                maxActiveRunsPerDag, poolSizes);
    }

    public DagSimulationSettings withParallelism(int p) {
        return new DagSimulationSettings(workerSlots, p, maxActiveTasksPerDag, maxActiveRunsPerDag, poolSizes);
    }

    public DagSimulationSettings withMaxActiveTasksPerDag(int n) {
        return new DagSimulationSettings(workerSlots, parallelism, n, maxActiveRunsPerDag, poolSizes);
    }

    public DagSimulationSettings withPool(String pool, int slots) {
        Map<String, Integer> m = new LinkedHashMap<>(poolSizes);
        m.put(pool, slots);
        return new DagSimulationSettings(workerSlots, parallelism, maxActiveTasksPerDag, maxActiveRunsPerDag, m);
    }

    /** Slots of the named pool. */
    public int poolSize(String pool) {
        return poolSizes.getOrDefault(pool, TaskDurationDefaults.POOL_SLOTS);
    }
}
