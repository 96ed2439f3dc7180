package dev.flowcost.core.calibrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a record export holds, told by its content (first bytes), not its name: the files people save from the AWS
 * CLI and Airflow's REST API carry no telling extension.
 */
public enum ExportKind {
    /** {@code aws stepfunctions get-execution-history}: {"events": [...]} */
    EXECUTION_HISTORY,
    /** {@code aws stepfunctions list-executions}: {"executions": [...]} */
    EXECUTION_LIST,
    /** {@code aws stepfunctions describe-map-run}: {"mapRunArn": ..., "itemCounts": ...} */
    MAP_RUN,
    /** Airflow REST taskInstances list (v1 or v2, also the batch {@code ~} endpoints): {"task_instances": [...]} */
    TASK_INSTANCES,
    /** Airflow REST dagRuns list: {"dag_runs": [...]} */
    DAG_RUNS,
    /** CSV export of Airflow's metadata table {@code task_instance} */
    TASK_INSTANCE_CSV,
    /** CSV export of Airflow's metadata table {@code dag_run} */
    DAG_RUN_CSV,
    /** None of these (a definition, a DAG file, a workload, or something else). */
    NONE;

    private static final int HEAD = 8 * 1024;
    private static final Pattern EVENTS = Pattern.compile("\"events\"\\s*:\\s*\\[");
    private static final Pattern EXECUTIONS = Pattern.compile("\"executions\"\\s*:\\s*\\[");
    private static final Pattern TASK_INSTANCES_KEY = Pattern.compile("\"task_instances\"\\s*:\\s*\\[");
    private static final Pattern DAG_RUNS_KEY = Pattern.compile("\"dag_runs\"\\s*:\\s*\\[");

    public boolean isStepFunctions() {
        return this == EXECUTION_HISTORY || this == EXECUTION_LIST || this == MAP_RUN;
    }

    public boolean isAirflow() {
        return this == TASK_INSTANCES || this == DAG_RUNS || this == TASK_INSTANCE_CSV || this == DAG_RUN_CSV;
    }

    public static ExportKind of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".py") || name.endsWith(".dot") || name.endsWith(".gv") || name.endsWith(".yaml")
                || name.endsWith(".yml") || name.endsWith(".gz") || name.endsWith(".parquet")) {
            return NONE;
        }
        String head;
        try (InputStream in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(HEAD), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return NONE;
        }
        return ofContent(name, head);
    }

    static ExportKind ofContent(String name, String head) {
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("{")) {
            if (head.contains("\"StartAt\"") && head.contains("\"States\"")) {
                return NONE;
            }
            if (EVENTS.matcher(head).find()) {
                return EXECUTION_HISTORY;
            }
            if (EXECUTIONS.matcher(head).find()) {
                return EXECUTION_LIST;
            }
            if (head.contains("\"mapRunArn\"") && (head.contains("\"itemCounts\"") || head.contains("\"executionCounts\""))) {
                return MAP_RUN;
            }
            if (TASK_INSTANCES_KEY.matcher(head).find()) {
                return TASK_INSTANCES;
            }
            if (DAG_RUNS_KEY.matcher(head).find()) {
                return DAG_RUNS;
            }
            return NONE;
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            int nl = head.indexOf('\n');
            String header = (nl < 0 ? head : head.substring(0, nl)).toLowerCase(Locale.ROOT);
            boolean dagId = header.contains("dag_id");
            boolean runId = header.contains("run_id");
            if (dagId && header.contains("task_id") && header.contains("try_number")) {
                return TASK_INSTANCE_CSV;
            }
            if (dagId && runId && !header.contains("task_id")) {
                return DAG_RUN_CSV;
            }
        }
        return NONE;
    }
}
