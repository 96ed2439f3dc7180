package dev.flowcost.core.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The workload of one workflow.
 *
 * @param workflowType       STANDARD or EXPRESS when given (state machines default to STANDARD)
 * @param executionsPerMonth runs a month when given (DAGs default to what their schedule implies)
 * @param billedMemoryMb     Express billed memory when given (else estimated per PRICING.md)
 * @param states             per state, keyed by path ("Fan/Charge" for nested states)
 * @param tasks              per DAG task, keyed by task_id
 * @param lambdaArchitecture the architecture of every invoked Lambda whose state names none (else x86_64)
 */
public record WorkflowWorkload(Optional<WorkflowType> workflowType, OptionalDouble executionsPerMonth,
                               OptionalInt billedMemoryMb, Map<String, StepWorkload> states,
                               Map<String, StepWorkload> tasks, Optional<LambdaArchitecture> lambdaArchitecture) {

    public WorkflowWorkload {
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
        lambdaArchitecture = lambdaArchitecture == null ? Optional.empty() : lambdaArchitecture;
    }

    /** A workflow workload that names no Lambda architecture. */
    public WorkflowWorkload(Optional<WorkflowType> workflowType, OptionalDouble executionsPerMonth,
                            OptionalInt billedMemoryMb, Map<String, StepWorkload> states,
                            Map<String, StepWorkload> tasks) {
        this(workflowType, executionsPerMonth, billedMemoryMb, states, tasks, Optional.empty());
    }

    /**
     * The architecture of the Lambda a state invokes: the state's own, else the workflow's default, else x86_64.
     *
     * @param path the state path ("Fan/Charge" for nested states)
     */
    public LambdaArchitecture architecture(String path) {
        return state(path).flatMap(StepWorkload::architecture).or(() -> lambdaArchitecture)
                .orElse(LambdaArchitecture.DEFAULT);
    }

    public static WorkflowWorkload defaults() {
        return new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(), Map.of());
    }

    public Optional<StepWorkload> state(String path) {
        return Optional.ofNullable(states.get(path));
    }

    public Optional<StepWorkload> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    /**
     * The type this workflow is billed as: the workload's, else the type its source declared (CloudFormation, SAM,
     * Terraform, a describe-state-machine output), else STANDARD, the type CreateStateMachine gives when none is set
     * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html).
     */
    public WorkflowType resolvedType(Optional<WorkflowType> declared) {
        return workflowType.or(() -> declared).orElse(WorkflowType.STANDARD);
    }
}
