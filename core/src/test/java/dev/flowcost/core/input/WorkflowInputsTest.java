package dev.flowcost.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.dag.Dag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowInputsTest {

    @TempDir
    Path dir;

    @Test
    void readsStateMachinesAndDagsOfADirectoryAndSkipsTheWorkload() throws IOException {
        WorkflowInputs in = WorkflowInputs.read(List.of(Path.of("..", "examples")));
        assertThat(in.stateMachines()).extracting(LoadedStateMachine::name)
                .containsExactly("enrich-event", "glue-poller", "orders-inline-map");
        assertThat(in.dags()).extracting(Dag::dagId)
                .containsExactlyInAnyOrder("etl_glue_s3", "marketing_attribution", "daily_reporting");
        assertThat(in.files()).noneMatch(p -> p.getFileName().toString().equals("workload.yaml"));
        assertThat(in.stateMachines().get(2).definitionBytes()).isGreaterThan(500);
    }

    @Test
    void anInvalidStateMachineIsLeftOutWithItsErrorsKept() throws IOException {
        Files.writeString(dir.resolve("good.asl.json"), "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}");
        Files.writeString(dir.resolve("bad.asl.json"), "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"}}}");
        WorkflowInputs in = WorkflowInputs.read(List.of(dir));
        assertThat(in.stateMachines()).extracting(LoadedStateMachine::name).containsExactly("good");
        assertThat(in.diagnostics()).filteredOn(Diagnostic::isError).isNotEmpty()
                .allSatisfy(d -> assertThat(d.file()).endsWith("bad.asl.json"))
                .anySatisfy(d -> assertThat(d.pointer()).isEqualTo("/States/A/Next"));
        assertThat(in.isEmpty()).isFalse();
    }

    @Test
    void aDirectoryWithNothingFlowcostReadsIsEmpty() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThat(WorkflowInputs.read(List.of(dir)).isEmpty()).isTrue();
    }

    @Test
    void stemsDropTheDefinitionExtensions() {
        assertThat(WorkflowNames.stem(Path.of("a/orders.asl.json"))).isEqualTo("orders");
        assertThat(WorkflowNames.stem(Path.of("etl.asl.yaml"))).isEqualTo("etl");
        assertThat(WorkflowNames.stem(Path.of("flow.yml"))).isEqualTo("flow");
        assertThat(WorkflowNames.stem(Path.of("x.json"))).isEqualTo("x");
    }
}
