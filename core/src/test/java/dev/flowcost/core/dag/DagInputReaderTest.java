package dev.flowcost.core.dag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DagInputReaderTest {

    @TempDir
    Path dir;

    private void copy(String fixture, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = getClass().getResourceAsStream("/dag/formats/" + fixture)) {
            Files.write(to, in.readAllBytes());
        }
    }

    private static List<Diagnostic> about(DagInputResult r, Path file) {
        return r.diagnostics().stream().filter(d -> d.file().equals(file.toString())).toList();
    }

    @Test
    void readsMixedDirectoryChoosingFormatByExtensionAndContent() throws IOException {
        copy("rest-v1-mapped-trigger-rules.tasks.json", dir.resolve("exports/orders.tasks.json"));
        copy("serialized-v1-airflow2-task-group-mapped.json", dir.resolve("exports/sales_daily.json"));
        copy("dot-task-group-cluster-chains.dot", dir.resolve("graphs/report_weekly.dot"));
        copy("dag-factory-list-form-groups.yaml", dir.resolve("factory/inventory.yaml"));
        Path stateMachine = dir.resolve("sfn/orders.asl.json");
        Files.createDirectories(stateMachine.getParent());
        Files.writeString(stateMachine, "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
        Path workload = dir.resolve("workload.yaml");
        Files.writeString(workload, "workflows:\n  orders:\n    executionsPerMonth: 720\n");
        Path binary = dir.resolve("graphs/picture.dot");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        Path latin1 = dir.resolve("factory/legacy.yml");
        Files.write(latin1, "d:\n  description: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path helper = dir.resolve("dags/helpers.py");
        Files.createDirectories(helper.getParent());
        Files.writeString(helper, "def helper():\n    return 1\n");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/HEAD.json"), "{\"tasks\": [{\"task_id\": \"x\", \"downstream_task_ids\": []}]}");
        Files.createDirectories(dir.resolve("dags/__pycache__"));
        Files.writeString(dir.resolve("dags/__pycache__/x.json"), "{\"tasks\": [{\"task_id\": \"x\", \"downstream_task_ids\": []}]}");
        Files.writeString(dir.resolve("README.md"), "# not a DAG");

        DagInputResult r = new DagInputReader().read(dir);

        assertThat(r.dags()).extracting(Dag::dagId)
                .containsExactlyInAnyOrder("orders", "sales_daily", "inventory_sync", "report_weekly");
        assertThat(r.filesRead()).containsExactlyInAnyOrder(dir.resolve("exports/orders.tasks.json"),
                dir.resolve("exports/sales_daily.json"), dir.resolve("graphs/report_weekly.dot"),
                dir.resolve("factory/inventory.yaml"), stateMachine, workload, helper);
        assertThat(about(r, binary)).singleElement().satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR));
        assertThat(about(r, latin1)).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.message()).contains("UTF-8");
        });
        assertThat(about(r, stateMachine)).singleElement().satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.INFO));
        assertThat(about(r, workload)).singleElement().satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.INFO));
        assertThat(about(r, helper)).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.message()).startsWith("no DAG found");
        });
        assertThat(r.diagnostics()).noneMatch(d -> d.file().contains(".git") || d.file().contains("__pycache__"));
        assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).hasSize(2);
    }

    @Test
    void duplicateDagIdAcrossFilesIsAWarningAndTheFirstIsKept() throws IOException {
        copy("serialized-v1-airflow2-task-group-mapped.json", dir.resolve("a.json"));
        copy("serialized-v1-airflow2-task-group-mapped.json", dir.resolve("b.json"));
        DagInputResult r = new DagInputReader().read(dir);
        assertThat(r.dags()).hasSize(1);
        assertThat(r.dags().get(0).file()).isEqualTo(dir.resolve("a.json").toString());
        assertThat(about(r, dir.resolve("b.json"))).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("sales_daily").contains(dir.resolve("a.json").toString());
        });
    }

    @Test
    void fileOverTwentyMegabytesIsAnErrorAndSkipped() throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(DagInputReader.MAX_FILE_BYTES + 1);
        }
        copy("dag-factory-list-form-groups.yaml", dir.resolve("ok.yaml"));
        DagInputResult r = new DagInputReader().read(List.of(big, dir.resolve("ok.yaml")));
        assertThat(r.dags()).extracting(Dag::dagId).containsExactly("inventory_sync");
        assertThat(r.filesRead()).containsExactly(dir.resolve("ok.yaml"));
        assertThat(about(r, big)).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.message()).contains("20 MB");
        });
    }

    @Test
    void missingPathAndUnsupportedExtensionAreReported() {
        DagInputResult r = new DagInputReader().read(List.of(dir.resolve("nope"), dir));
        assertThat(r.dags()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void invalidJsonInADagDirectoryIsAWarningNotAnAbort() throws IOException {
        Files.writeString(dir.resolve("half.json"), "{\"tasks\": [");
        copy("dot-task-group-cluster-chains.dot", dir.resolve("g.dot"));
        DagInputResult r = new DagInputReader().read(dir);
        assertThat(r.dags()).extracting(Dag::dagId).containsExactly("report_weekly");
        assertThat(about(r, dir.resolve("half.json"))).singleElement()
                .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
    }
}
