package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.usage.UsageDefaults;

/**
 * The Airflow settings the DAG simulation falls back on when the workload does not say (Airflow's own configuration
 * defaults: retry delay, sensor timeout, pool and concurrency limits), and, for the simulation's callers, the usage
 * defaults it reads from the defaults table ({@link UsageDefaults}: attempt durations by operator family, poke
 * interval and poke time, mapped instances), where those values live.
 */
public final class TaskDurationDefaults {

    /** Airflow's default retry_delay: 300 s. */
    public static final double RETRY_DELAY_SECONDS = 300.0;
    /** Airflow's default poke_interval for sensors ({@link UsageDefaults#POKE_INTERVAL_SECONDS}). */
    public static final double POKE_INTERVAL_SECONDS = UsageDefaults.POKE_INTERVAL_SECONDS.value();
    /** Airflow's default sensor timeout: 7 days. */
    public static final double SENSOR_TIMEOUT_SECONDS = 7 * 24 * 3600.0;
    /** Slot time one poke of a reschedule-mode sensor, or one defer/resume, takes ({@link UsageDefaults#POKE_SECONDS}). */
    public static final double POKE_SECONDS = UsageDefaults.POKE_SECONDS.value();
    /** Items a mapped task fans out to when the workload does not say ({@link UsageDefaults#MAPPED_ITEMS}). */
    public static final long MAPPED_ITEMS = (long) UsageDefaults.MAPPED_ITEMS.value();
    /** Airflow's default_pool size: 128 slots (also assumed for any pool the settings do not size). */
    public static final int POOL_SLOTS = 128;
    /** Airflow's max_active_tasks_per_dag default: 16. */
    public static final int MAX_ACTIVE_TASKS_PER_DAG = 16;
    /** Airflow's max_active_runs_per_dag default: 16. */
    public static final int MAX_ACTIVE_RUNS_PER_DAG = 16;
    /** Airflow's core.parallelism default: 32. */
    public static final int PARALLELISM = 32;

    private TaskDurationDefaults() {
    }

    /**
     * Mean seconds of one attempt (for a sensor: its wait) when the workload gives no duration: the defaults table's
     * value for the operator family ({@link UsageDefaults#taskSeconds}).
     */
    public static double seconds(OperatorFamily family) {
        return UsageDefaults.taskSeconds(family).value();
    }
}
