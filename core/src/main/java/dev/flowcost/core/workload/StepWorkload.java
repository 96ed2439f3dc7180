package dev.flowcost.core.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What the workload says of one state or task. Absent values mean "use the stated default"; the engines list
 * each default they used.
 *
 * @param items            Map items per execution (or a DAG mapped task's instances)
 * @param errors           probability that one attempt fails, per error name; a plain {@code failureRate} is kept
 *                         under {@code States.TaskFailed}
 * @param branches         Choice branch weights by rule index ("0", "1", ...) and "Default"; need not sum to 1
 * @param durationSeconds  mean duration of one attempt
 * @param p95Seconds       95th percentile duration of one attempt
 * @param memoryMb         Lambda memory when the state invokes Lambda
 * @param architecture     the invoked Lambda's architecture when given (else the workflow's default, else x86_64)
 */
public record StepWorkload(Optional<ItemCount> items, Map<String, Double> errors, Map<String, Double> branches,
                           OptionalDouble durationSeconds, OptionalDouble p95Seconds, OptionalInt memoryMb,
                           Optional<LambdaArchitecture> architecture) {

    public StepWorkload {
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        branches = Collections.unmodifiableMap(new LinkedHashMap<>(branches));
        architecture = architecture == null ? Optional.empty() : architecture;
    }

    /** A step workload that names no architecture. */
    public StepWorkload(Optional<ItemCount> items, Map<String, Double> errors, Map<String, Double> branches,
                        OptionalDouble durationSeconds, OptionalDouble p95Seconds, OptionalInt memoryMb) {
        this(items, errors, branches, durationSeconds, p95Seconds, memoryMb, Optional.empty());
    }

    public static StepWorkload empty() {
        return new StepWorkload(Optional.empty(), Map.of(), Map.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalInt.empty());
    }

    /** Probability that one attempt fails with any error. */
    public double failureProbability() {
        return Math.min(1.0, errors.values().stream().mapToDouble(Double::doubleValue).sum());
    }
}
