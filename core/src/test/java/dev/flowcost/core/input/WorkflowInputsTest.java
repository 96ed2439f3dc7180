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
    void aLargeEstatesMachinesAreReadAgainFromTheirFilesAndEqualThoseKeptInMemory() throws IOException {
        List<Path> examples = List.of(Path.of("..", "examples"));
        WorkflowInputs kept = WorkflowInputs.read(examples, ReferencedFiles.Allowed.REFERRING_FOLDER_ONLY, 1000);
        WorkflowInputs stored = WorkflowInputs.read(examples, ReferencedFiles.Allowed.REFERRING_FOLDER_ONLY, 0);
        assertThat(kept.stateMachines()).isNotInstanceOf(WorkflowInputs.StoredStateMachines.class);
        assertThat(stored.stateMachines()).isInstanceOf(WorkflowInputs.StoredStateMachines.class);
        assertThat(stored.stateMachines()).containsExactlyElementsOf(kept.stateMachines());
        assertThat(stored.diagnostics()).containsExactlyElementsOf(kept.diagnostics());
        assertThat(stored.files()).containsExactlyElementsOf(kept.files());
        WorkflowInputs.StoredStateMachines names = (WorkflowInputs.StoredStateMachines) stored.stateMachines();
        assertThat(names.name(1)).isEqualTo(kept.stateMachines().get(1).name());
    }

    @Test
    void aStoredMachineWhoseFileChangedSaysSoNamingTheFile() throws IOException {
        Path file = dir.resolve("m.asl.json");
        Files.writeString(file, "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}");
        WorkflowInputs in = WorkflowInputs.read(List.of(dir), ReferencedFiles.Allowed.REFERRING_FOLDER_ONLY, 0);
        assertThat(in.stateMachines().get(0).name()).isEqualTo("m");
        Files.writeString(file, "{\"StartAt\":\"A\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> in.stateMachines().get(0))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("m.asl.json")
                .hasMessageContaining("changed");
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
