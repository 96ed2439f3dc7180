package dev.flowcost.core.usage;

import dev.flowcost.core.dag.OperatorFamily;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The defaults table: every usage key each kind of step declares, with the value assumed when neither the workload
 * nor a calibration gives it. The one place a workload default lives; the engines, the advisor's rules and the DAG
 * migration read their defaults here (through {@link WorkflowUsage}, which also says where each value came from), so
 * a default cannot differ between two classes, and a report can list them all.
 */
public final class UsageDefaults {

    /** Hours in the month that always-on MWAA environments are billed for (the workload's {@code hoursPerMonth}). */
    public static final UsageKey HOURS_PER_MONTH = new UsageKey(StepKind.ESTATE, "hoursPerMonth", 730, "h",
            "the month AWS's pricing pages and calculator bill (365 x 24 / 12)");
    /** Executions a month of a state machine. */
    public static final UsageKey EXECUTIONS_PER_MONTH = new UsageKey(StepKind.WORKFLOW, "executionsPerMonth", 1000,
            "execution", "a round volume to compare options at; give the real one");
    /** Mean seconds of one attempt of a Task state. */
    public static final UsageKey TASK_SECONDS = new UsageKey(StepKind.TASK, "durationSeconds", 1.0, "s",
            "a short call; give the real one");
    /** Memory of the Lambda function a Task state invokes. */
    public static final UsageKey LAMBDA_MEMORY_MB = new UsageKey(StepKind.LAMBDA_TASK, "memoryMb", 128, "MB",
            "Lambda's smallest memory");
    // Lambda memory runs from 128 MB to 10,240 MB: https://aws.amazon.com/lambda/pricing/ (PRICING.md)
    /** Seconds a Pass, Choice or other flow state takes by itself. */
    public static final UsageKey STATE_SECONDS = new UsageKey(StepKind.OTHER_STATE, "durationSeconds", 0, "s",
            "a flow state does no work of its own");
    /** Seconds a Wait state waits when its time is read at run time. */
    public static final UsageKey WAIT_SECONDS = new UsageKey(StepKind.WAIT, "durationSeconds", 0, "s",
            "the wait time is read at run time");
    /** Items a Map state iterates per entry. */
    public static final UsageKey MAP_ITEMS = new UsageKey(StepKind.MAP, "items", 1, "item",
            "one item, the smallest list that runs the iteration");
    /** Execution data per Map or Parallel step in the Express memory estimate (50 MB + definition + data × steps). */
    public static final UsageKey EXPRESS_EXECUTION_DATA_BYTES = new UsageKey(StepKind.WORKFLOW, "executionDataBytes",
            32_000, "byte", "the Step Functions pricing page's memory-estimate example (32 KB a step)");
    /** Size of one Map item's JSON, for the payload limit of a batch. */
    public static final UsageKey MAP_ITEM_BYTES = new UsageKey(StepKind.MAP, "itemBytes", 1024, "byte",
            "a small JSON record");
    /** Billed memory of an EXPRESS child execution. */
    public static final UsageKey EXPRESS_CHILD_MEMORY_MB = new UsageKey(StepKind.EXPRESS_CHILD, "billedMemoryMb", 64,
            "MB", "Express bills memory in 64 MB chunks; a child's is the smallest chunk");
    /** Seconds between two pokes of a sensor. */
    public static final UsageKey POKE_INTERVAL_SECONDS = new UsageKey(StepKind.SENSOR, "pokeIntervalSeconds", 60, "s",
            "Airflow's default poke_interval");
    /** Worker-slot seconds one poke of a reschedule-mode sensor (or one defer/resume) takes. */
    public static final UsageKey POKE_SECONDS = new UsageKey(StepKind.SENSOR, "pokeSeconds", 1, "s",
            "a poke is one short call");
    /** Seconds between a failed attempt of a DAG task and its retry. */
    public static final UsageKey RETRY_DELAY_SECONDS = new UsageKey(StepKind.DAG_TASK, "retryDelaySeconds", 300, "s",
            "Airflow's default retry_delay");
    /** Seconds a sensor waits before it fails. */
    public static final UsageKey SENSOR_TIMEOUT_SECONDS = new UsageKey(StepKind.SENSOR, "timeoutSeconds",
            7 * 24 * 3600, "s", "Airflow's default sensor timeout (7 days)");
    /** Slots of a pool the settings do not size (Airflow's default_pool). */
    public static final UsageKey POOL_SLOTS = new UsageKey(StepKind.AIRFLOW_SETTINGS, "poolSlots", 128, "slot",
            "Airflow's default_pool_task_slot_count");
    /** Task instances of one DAG running at once. */
    public static final UsageKey MAX_ACTIVE_TASKS_PER_DAG = new UsageKey(StepKind.AIRFLOW_SETTINGS,
            "maxActiveTasksPerDag", 16, "task", "Airflow's default max_active_tasks_per_dag");
    /** Runs of one DAG active at once. */
    public static final UsageKey MAX_ACTIVE_RUNS_PER_DAG = new UsageKey(StepKind.AIRFLOW_SETTINGS,
            "maxActiveRunsPerDag", 16, "run", "Airflow's default max_active_runs_per_dag");
    /** Task instances running at once across the environment's scheduler. */
    public static final UsageKey PARALLELISM = new UsageKey(StepKind.AIRFLOW_SETTINGS, "parallelism", 32, "task",
            "Airflow's default core.parallelism");
    /** Instances a mapped task fans out to. */
    public static final UsageKey MAPPED_ITEMS = new UsageKey(StepKind.MAPPED_TASK, "items", 1, "instance",
            "one instance, the smallest expansion");
    /** Memory of the Lambda function that replaces worker code. */
    public static final UsageKey CONVERTED_LAMBDA_MEMORY_MB = new UsageKey(StepKind.CONVERTED_WORKER_CODE, "memoryMb",
            1024, "MB", "a mid-size function for code that ran on an Airflow worker");
    /** vCPU of the Fargate task that replaces worker code longer than Lambda's 15 minutes. */
    public static final UsageKey CONVERTED_FARGATE_VCPU = new UsageKey(StepKind.CONVERTED_WORKER_CODE, "fargateVcpu", 1,
            "vCPU", "a small task size for one task's code");
    /** Memory of that Fargate task. */
    public static final UsageKey CONVERTED_FARGATE_MEMORY_GB = new UsageKey(StepKind.CONVERTED_WORKER_CODE,
            "fargateMemoryGb", 2, "GB", "the smallest memory Fargate allows with 1 vCPU");
    // Fargate task sizes: 1 vCPU takes 2 to 8 GB,
    // https://docs.aws.amazon.com/AmazonECS/latest/userguide/task-cpu-memory-error.html

    private static final Map<OperatorFamily, UsageKey> TASK_SECONDS_BY_FAMILY = byFamily();

    private UsageDefaults() {
    }

    private static Map<OperatorFamily, UsageKey> byFamily() {
        Map<OperatorFamily, UsageKey> m = new EnumMap<>(OperatorFamily.class);
        m.put(OperatorFamily.EMPTY, family(OperatorFamily.EMPTY, 0, "an EmptyOperator does no work"));
        m.put(OperatorFamily.WORKER_CODE, family(OperatorFamily.WORKER_CODE, 60, "a minute of code on the worker"));
        m.put(OperatorFamily.AWS_SERVICE, family(OperatorFamily.AWS_SERVICE, 300, "a five-minute AWS job"));
        m.put(OperatorFamily.SENSOR, family(OperatorFamily.SENSOR, 600, "a ten-minute wait until the condition holds"));
        m.put(OperatorFamily.BRANCH, family(OperatorFamily.BRANCH, 5, "a branch decides quickly"));
        m.put(OperatorFamily.CROSS_DAG, family(OperatorFamily.CROSS_DAG, 60, "a minute waiting on another DAG"));
        m.put(OperatorFamily.OTHER_SERVICE, family(OperatorFamily.OTHER_SERVICE, 120, "two minutes of another service"));
        m.put(OperatorFamily.UNKNOWN, family(OperatorFamily.UNKNOWN, 60, "as worker code"));
        for (OperatorFamily f : OperatorFamily.values()) {
            m.putIfAbsent(f, family(f, 60, "as worker code"));
        }
        return Collections.unmodifiableMap(m);
    }

    private static UsageKey family(OperatorFamily f, double seconds, String why) {
        return new UsageKey(StepKind.DAG_TASK, "durationSeconds[" + f.name() + "]", seconds, "s", why);
    }

    /** The default attempt duration of an Airflow task of this operator family (for a sensor, its wait). */
    public static UsageKey taskSeconds(OperatorFamily family) {
        return TASK_SECONDS_BY_FAMILY.get(family);
    }

    /** Every row of the table, grouped by kind of step. */
    public static List<UsageKey> table() {
        List<UsageKey> out = new ArrayList<>(List.of(HOURS_PER_MONTH, EXECUTIONS_PER_MONTH, EXPRESS_EXECUTION_DATA_BYTES, TASK_SECONDS,
                LAMBDA_MEMORY_MB, STATE_SECONDS, WAIT_SECONDS, MAP_ITEMS, MAP_ITEM_BYTES, EXPRESS_CHILD_MEMORY_MB));
        out.addAll(TASK_SECONDS_BY_FAMILY.values());
        out.addAll(List.of(RETRY_DELAY_SECONDS, POKE_INTERVAL_SECONDS, POKE_SECONDS, SENSOR_TIMEOUT_SECONDS,
                MAPPED_ITEMS, CONVERTED_LAMBDA_MEMORY_MB, CONVERTED_FARGATE_VCPU, CONVERTED_FARGATE_MEMORY_GB,
                POOL_SLOTS, MAX_ACTIVE_TASKS_PER_DAG, MAX_ACTIVE_RUNS_PER_DAG, PARALLELISM));
        return List.copyOf(out);
    }
}
