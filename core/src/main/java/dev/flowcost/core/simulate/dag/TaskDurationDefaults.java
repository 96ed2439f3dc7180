package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.usage.UsageDefaults;

/**
 * The defaults the DAG simulation falls back on when the DAG file and the workload do not say, as the simulation
 * names them; every value is a row of the defaults table ({@link UsageDefaults}: attempt durations by operator
 * family, retry delay, poke interval and time, sensor timeout, mapped instances, and Airflow's pool and concurrency
 * limits), where those values live.
 */
public final class TaskDurationDefaults {

    /** Airflow's default retry_delay: 300 s. */
    public static final double RETRY_DELAY_SECONDS = UsageDefaults.RETRY_DELAY_SECONDS.value();
    /** Airflow's default poke_interval for sensors ({@link UsageDefaults#POKE_INTERVAL_SECONDS}). */
    public static final double POKE_INTERVAL_SECONDS = UsageDefaults.POKE_INTERVAL_SECONDS.value();
    /** Airflow's default sensor timeout: 7 days. */
    public static final double SENSOR_TIMEOUT_SECONDS = UsageDefaults.SENSOR_TIMEOUT_SECONDS.value();
    /** Slot time one poke of a reschedule-mode sensor, or one defer/resume, takes ({@link UsageDefaults#POKE_SECONDS}). */
    public static final double POKE_SECONDS = UsageDefaults.POKE_SECONDS.value();
    /** Items a mapped task fans out to when the workload does not say ({@link UsageDefaults#MAPPED_ITEMS}). */
    public static final long MAPPED_ITEMS = (long) UsageDefaults.MAPPED_ITEMS.value();
    /** Airflow's default_pool size: 128 slots (also assumed for any pool the settings do not size). */
    public static final int POOL_SLOTS = UsageDefaults.POOL_SLOTS.intValue();
    /** Airflow's max_active_tasks_per_dag default: 16. */
    public static final int MAX_ACTIVE_TASKS_PER_DAG = UsageDefaults.MAX_ACTIVE_TASKS_PER_DAG.intValue();
    /** Airflow's max_active_runs_per_dag default: 16. */
    public static final int MAX_ACTIVE_RUNS_PER_DAG = UsageDefaults.MAX_ACTIVE_RUNS_PER_DAG.intValue();
    /** Airflow's core.parallelism default: 32. */
    public static final int PARALLELISM = UsageDefaults.PARALLELISM.intValue();

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
