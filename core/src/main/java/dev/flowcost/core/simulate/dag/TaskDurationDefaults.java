package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.dag.OperatorFamily;

/**
 * Every default the DAG simulation falls back on when the workload does not say, in one place so a report can list
 * them and a reviewer can challenge them. Durations are the mean of one attempt; for sensors the duration is the time
 * the sensor waits until its condition holds.
 *
 * <table>
 *   <caption>Default attempt duration by operator family</caption>
 *   <tr><th>family</th><th>seconds</th></tr>
 *   <tr><td>EMPTY</td><td>0</td></tr>
 *   <tr><td>WORKER_CODE</td><td>60</td></tr>
 *   <tr><td>AWS_SERVICE</td><td>300</td></tr>
 *   <tr><td>SENSOR (wait)</td><td>600</td></tr>
 *   <tr><td>BRANCH</td><td>5</td></tr>
 *   <tr><td>CROSS_DAG</td><td>60</td></tr>
 *   <tr><td>OTHER_SERVICE</td><td>120</td></tr>
 *   <tr><td>UNKNOWN</td><td>60</td></tr>
 * </table>
 */
public final class TaskDurationDefaults {

    /** Airflow's default retry_delay: 300 s. */
    public static final double RETRY_DELAY_SECONDS = 300.0;
    /** Airflow's default poke_interval for sensors: 60 s. */
    public static final double POKE_INTERVAL_SECONDS = 60.0;
    /** Airflow's default sensor timeout: 7 days. */
    public static final double SENSOR_TIMEOUT_SECONDS = 7 * 24 * 3600.0;
    /** Slot time one poke of a reschedule-mode sensor, or one defer/resume of a deferrable task, takes: 1 s. */
    public static final double POKE_SECONDS = 1.0;
    /** Items a mapped task fans out to when the workload does not say: 1. */
    public static final long MAPPED_ITEMS = 1;
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

    /** Mean seconds of one attempt (for a sensor: its wait) when the workload gives no duration. */
    public static double seconds(OperatorFamily family) {
        switch (family) {
            case EMPTY:
                return 0;
            case WORKER_CODE:
                return 60;
            case AWS_SERVICE:
                return 300;
            case SENSOR:
                return 600;
            case BRANCH:
                return 5;
            case CROSS_DAG:
                return 60;
            case OTHER_SERVICE:
                return 120;
            case UNKNOWN:
            default:
                return 60;
        }
    }
}
