package dev.flowcost.core.usage;

import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkloadReadResult;
import dev.flowcost.core.workload.WorkloadReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One resolution of a workflow's usage: the workload's value with its file and line, else the table's default. */
class WorkflowUsageTest {

    private static final String FILE = "src/test/resources/usage/orders-some-values-given.workload.yaml";

    private static WorkflowUsage orders() {
        WorkloadReadResult read = new WorkloadReader().read(Path.of(FILE));
        assertThat(read.hasErrors()).as(read.diagnostics().toString()).isFalse();
        Workload w = read.workload().orElseThrow();
        return WorkflowUsage.of("orders", w);
    }

    @Test
    void givenValuesCarryTheirFileAndLine() {
        WorkflowUsage u = orders();
        Resolved executions = u.executionsPerMonth();
        assertThat(executions.value()).isEqualTo(720);
        assertThat(executions.source().describe()).isEqualTo("workload " + FILE + ":5"); // the value's own line
        Resolved charge = u.stateSeconds("Fan/Charge", "Task");
        assertThat(charge.value()).isEqualTo(2.5);
        assertThat(charge.unit()).isEqualTo("s");
        assertThat(charge.source().describe()).isEqualTo("workload " + FILE + ":8");
        assertThat(u.lambdaMemoryMb("Fan/Charge").intValue()).isEqualTo(512);
        assertThat(u.items("Fan").value()).isEqualTo(40);
        assertThat(u.items("Fan").source().describe()).endsWith(":11");
        assertThat(u.taskSeconds("load_orders", OperatorFamily.WORKER_CODE).source().describe()).endsWith(":16");
    }

    @Test
    void missingValuesComeFromTheTable() {
        WorkflowUsage u = orders();
        Resolved notify = u.stateSeconds("Notify", "Task");
        assertThat(notify.isDefault()).isTrue();
        assertThat(notify.value()).isEqualTo(UsageDefaults.TASK_SECONDS.value()).isEqualTo(1.0);
        assertThat(notify.source().describe()).isEqualTo("default");
        assertThat(u.lambdaMemoryMb("Notify").intValue()).isEqualTo(128);
        assertThat(u.stateSeconds("Done", "Pass").value()).isZero();
        assertThat(u.expressChildMemoryMb().intValue()).isEqualTo(64);
        assertThat(u.taskSeconds("extract", OperatorFamily.SENSOR).value()).isEqualTo(600);
        assertThat(u.convertedLambdaMemoryMb("extract").intValue()).isEqualTo(1024);
        assertThat(WorkflowUsage.of("unknown", new WorkloadReader().read(Path.of(FILE)).workload().orElseThrow())
                .executionsPerMonth().isDefault()).isTrue();
    }

    @Test
    void calibratedValuesSayHowManyExecutionsTheyCameFrom() {
        WorkflowUsage u = orders().withCalibration(Map.of("orders.states.Fan.items", "1,204 executions"));
        assertThat(u.items("Fan").source()).isInstanceOf(Provenance.Calibrated.class);
        assertThat(u.items("Fan").source().describe()).isEqualTo("calibrated from 1,204 executions");
        assertThat(u.stateSeconds("Fan/Charge", "Task").source()).isInstanceOf(Provenance.FromWorkload.class);
    }
}
