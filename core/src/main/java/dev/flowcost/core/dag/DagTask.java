package dev.flowcost.core.dag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One task of a DAG.
 *
 * @param taskId                  the id Airflow gives it, TaskGroup prefix included ({@code group.task})
 * @param operator                operator class short name ("GlueJobOperator", "PythonOperator", "@task")
 * @param operatorModule          module the class came from, when known ("" otherwise)
 * @param family                  what kind of work it does
 * @param line                    1-based source line (0 when the format has none)
 * @param retries                 retries after the first attempt
 * @param retryDelaySeconds       retry_delay when set
 * @param retryExponentialBackoff whether retry delays double
 * @param maxRetryDelaySeconds    max_retry_delay when set
 * @param executionTimeoutSeconds execution_timeout when set
 * @param triggerRule             when it runs given its upstreams
 * @param pool                    pool name ("default_pool" unless set)
 * @param poolSlots               slots it takes in its pool
 * @param sensor                  how it waits, for sensors
 * @param mapped                  whether it is dynamically mapped (.expand / .expand_kwargs / .partial)
 * @param taskGroup               the TaskGroup it belongs to, if any
 * @param role                    SETUP, TEARDOWN or NORMAL
 * @param arguments               literal operator arguments as source text (job_name, function_name, ...), for migration
 * @param awsResource             the AWS resource it drives where the arguments say so ("glue:my-job")
 */
public record DagTask(String taskId, String operator, String operatorModule, OperatorFamily family, int line, int retries,
                      OptionalDouble retryDelaySeconds, boolean retryExponentialBackoff, OptionalDouble maxRetryDelaySeconds,
                      OptionalDouble executionTimeoutSeconds, TriggerRule triggerRule, String pool, int poolSlots,
                      Optional<SensorSettings> sensor, boolean mapped, Optional<String> taskGroup, Role role,
                      Map<String, String> arguments, Optional<String> awsResource) {

    public static final String DEFAULT_POOL = "default_pool";

    public enum Role { NORMAL, SETUP, TEARDOWN }

    public DagTask {
        operatorModule = operatorModule == null ? "" : operatorModule;
        triggerRule = triggerRule == null ? TriggerRule.ALL_SUCCESS : triggerRule;
        pool = pool == null || pool.isBlank() ? DEFAULT_POOL : pool;
        poolSlots = Math.max(1, poolSlots);
        role = role == null ? Role.NORMAL : role;
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /** A task with every setting at Airflow's default. */
    public static DagTask simple(String taskId, String operator, OperatorFamily family) {
        return new DagTask(taskId, operator, "", family, 0, 0, OptionalDouble.empty(), false, OptionalDouble.empty(),
                OptionalDouble.empty(), TriggerRule.ALL_SUCCESS, DEFAULT_POOL, 1, Optional.empty(), false,
                Optional.empty(), Role.NORMAL, Map.of(), Optional.empty());
    }
}
