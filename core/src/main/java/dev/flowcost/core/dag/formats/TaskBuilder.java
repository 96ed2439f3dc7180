package dev.flowcost.core.dag.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.OperatorCatalog;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.dag.TriggerRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Collects one task's settings as a reader finds them, then builds the {@link DagTask}, classifying the operator
 * through {@link OperatorCatalog} so every format means the same thing by the same operator.
 */
final class TaskBuilder {

    /** Operator arguments that name the AWS resource a task drives, in the order they are tried. */
    private static final List<String> RESOURCE_ARGUMENTS = List.of("job_name", "function_name", "state_machine_arn",
            "crawler_name", "cluster_identifier", "job_flow_id", "task_definition", "job_definition", "job_queue",
            "bucket_name", "bucket_key", "target_arn", "queue_url", "application_id", "config");

    String taskId;
    String operator = "";
    String module = "";
    int line;
    int retries;
    OptionalDouble retryDelay = OptionalDouble.empty();
    boolean exponentialBackoff;
    OptionalDouble maxRetryDelay = OptionalDouble.empty();
    OptionalDouble executionTimeout = OptionalDouble.empty();
    TriggerRule triggerRule = TriggerRule.ALL_SUCCESS;
    String pool = DagTask.DEFAULT_POOL;
    int poolSlots = 1;
    boolean mapped;
    Optional<String> taskGroup = Optional.empty();
    DagTask.Role role = DagTask.Role.NORMAL;
    String sensorMode = "";
    OptionalDouble pokeInterval = OptionalDouble.empty();
    OptionalDouble sensorTimeout = OptionalDouble.empty();
    boolean deferrable;
    final Map<String, String> arguments = new LinkedHashMap<>();
    /** Family to use when the operator name alone is not enough (e.g. a decorated task's "_PythonDecoratedOperator"). */
    OperatorFamily familyOverride;

    TaskBuilder(String taskId) {
        this.taskId = taskId;
    }

    /** Sets operator from a dotted path ("airflow.operators.bash.BashOperator") or a short name. */
    void operatorPath(String path) {
        if (path == null || path.isBlank()) {
            return;
        }
        String p = path.trim();
        int dot = p.lastIndexOf('.');
        if (dot > 0 && !p.startsWith("@")) {
            operator = p.substring(dot + 1);
            module = p.substring(0, dot);
        } else {
            operator = p;
        }
    }

    DagTask build() {
        String op = operator == null || operator.isBlank() ? "unknown" : operator;
        OperatorFamily family = familyOverride != null ? familyOverride : OperatorCatalog.classify(op);
        if (family == OperatorFamily.UNKNOWN && familyOverride == null && module != null && !module.isBlank()) {
            family = OperatorCatalog.classify(module + "." + op); // the provider package says what it drives
        }
        Optional<SensorSettings> sensor = Optional.empty();
        if (family == OperatorFamily.SENSOR) {
            SensorSettings.Mode mode = sensorMode.toLowerCase(Locale.ROOT).contains("reschedule")
                    ? SensorSettings.Mode.RESCHEDULE : SensorSettings.Mode.POKE;
            sensor = Optional.of(new SensorSettings(mode, pokeInterval, sensorTimeout, deferrable));
        }
        Optional<String> resource = Optional.empty();
        Optional<String> service = OperatorCatalog.awsService(op);
        if (service.isPresent()) {
            for (String key : RESOURCE_ARGUMENTS) {
                String v = arguments.get(key);
                if (v != null && !v.isBlank()) {
                    resource = Optional.of(service.get() + ":" + v);
                    break;
                }
            }
        }
        return new DagTask(taskId, op, module, family, line, Math.max(0, retries), retryDelay, exponentialBackoff,
                maxRetryDelay, executionTimeout, triggerRule, pool, poolSlots, sensor, mapped, taskGroup, role,
                arguments, resource);
    }

    /**
     * Reads the settings the REST task list and the serialized DAG spell alike — retries and their delays, timeout,
     * trigger rule, pool and whether the task is mapped (under {@code mappedKeys}) — from task object {@code t}.
     */
    void readRunSettings(JsonNode t, String file, String pointer, List<Diagnostic> diags, String... mappedKeys) {
        retries = JsonValues.integer(t, "retries").orElse(0);
        retryDelay = JsonValues.seconds(JsonValues.field(t, "retry_delay"));
        exponentialBackoff = JsonValues.bool(t, false, "retry_exponential_backoff");
        maxRetryDelay = JsonValues.seconds(JsonValues.field(t, "max_retry_delay"));
        executionTimeout = JsonValues.seconds(JsonValues.field(t, "execution_timeout"));
        String rule = JsonValues.text(t, "trigger_rule");
        if (rule != null) {
            Optional<TriggerRule> r = TriggerRule.parse(rule);
            if (r.isPresent()) {
                triggerRule = r.get();
            } else {
                diags.add(Diagnostic.warning(DiagnosticCode.DAG_TRIGGER_RULE, file, new SourceLocation(pointer + "/trigger_rule", 0, 0),
                        "unknown trigger_rule '" + rule + "'; all_success assumed"));
            }
        }
        String poolName = JsonValues.text(t, "pool");
        pool = poolName == null ? pool : poolName;
        poolSlots = JsonValues.integer(t, "pool_slots").orElse(1);
        mapped = JsonValues.bool(t, false, mappedKeys);
    }
}
