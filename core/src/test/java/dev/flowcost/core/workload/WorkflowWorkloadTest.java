package dev.flowcost.core.workload;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** How a workflow's type (workload, then source, then STANDARD) and Lambda architecture (workflow's, then x86_64) resolve. */
class WorkflowWorkloadTest {

    private static WorkflowWorkload typed(Optional<WorkflowType> type) {
        return new WorkflowWorkload(type, OptionalDouble.empty(), OptionalInt.empty(), Map.of(), Map.of());
    }

    @Test
    void theWorkloadsTypeWinsOverTheDeclaredOne() {
        assertThat(typed(Optional.of(WorkflowType.EXPRESS)).resolvedType(Optional.of(WorkflowType.STANDARD)))
                .isEqualTo(WorkflowType.EXPRESS);
        assertThat(typed(Optional.of(WorkflowType.STANDARD)).resolvedType(Optional.of(WorkflowType.EXPRESS)))
                .isEqualTo(WorkflowType.STANDARD);
    }

    @Test
    void theDeclaredTypeIsUsedWhenTheWorkloadSaysNone() {
        assertThat(typed(Optional.empty()).resolvedType(Optional.of(WorkflowType.EXPRESS))).isEqualTo(WorkflowType.EXPRESS);
    }

    @Test
    void standardWhenNothingSaysATypeAsCreateStateMachineDoes() {
        assertThat(typed(Optional.empty()).resolvedType(Optional.empty())).isEqualTo(WorkflowType.STANDARD);
    }

    @Test
    void theWorkflowsArchitectureElseX86() {
        assertThat(typed(Optional.empty()).architecture("Fan/Charge")).isEqualTo(LambdaArchitecture.X86_64);
        WorkflowWorkload arm = new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                Map.of(), Map.of(), Optional.of(LambdaArchitecture.ARM64));
        assertThat(arm.architecture("Fan/Charge")).isEqualTo(LambdaArchitecture.ARM64);
    }
}
