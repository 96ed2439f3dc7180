package dev.flowcost.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.dag.DagInputResult;
import dev.flowcost.core.dag.DagInputReader;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkloadMatching;
import dev.flowcost.core.workload.WorkloadReadResult;
import dev.flowcost.core.workload.WorkloadReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 5: each family of readers gives its problems the code docs/diagnostics.md says, so callers can act on
 * the code. One input per code, written to show exactly that problem.
 */
class DiagnosticCodesTest {

    private static Set<DiagnosticCode> codes(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::code).collect(Collectors.toSet());
    }

    private static AslReadResult asl(String json) {
        return new AslReader().read("m.asl.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void statesLanguageProblemsHaveTheirCodes() {
        AslReadResult noNext = asl("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\"}}}");
        assertThat(noNext.diagnostics()).filteredOn(Diagnostic::isError).extracting(Diagnostic::code)
                .contains(DiagnosticCode.ASL_NEXT_MISSING);
        AslReadResult dangling = asl("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"Bb\"},"
                + " \"B\": {\"Type\": \"Succeed\"}}}");
        assertThat(dangling.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.ASL_NEXT_UNKNOWN)
                .singleElement().satisfies(d -> {
                    assertThat(d.pointer()).isEqualTo("/States/A/Next");
                    assertThat(d.line()).isEqualTo(1);
                    assertThat(d.render()).contains("error [ASL-NEXT-UNKNOWN] ");
                });
        AslReadResult misspelt = asl("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Task\", \"Resource\":"
                + " \"arn:aws:lambda:us-east-1:123456789012:function:f\", \"Retyr\": [], \"End\": true}}}");
        assertThat(misspelt.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.ASL_FIELD_UNKNOWN)
                .singleElement().satisfies(d -> assertThat(d.message()).contains("Retry"));
        AslReadResult twice = asl("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Parallel\", \"Branches\": ["
                + "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}], \"End\": true}}}");
        assertThat(codes(twice.diagnostics())).contains(DiagnosticCode.ASL_NAME_DUPLICATE);
        assertThat(codes(asl("").diagnostics())).containsExactly(DiagnosticCode.INPUT_EMPTY);
        assertThat(codes(asl("{\"StartAt\": ").diagnostics())).containsExactly(DiagnosticCode.INPUT_SYNTAX);
        byte[] big = new byte[AslReader.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThat(codes(new AslReader().read("big.asl.json", big).diagnostics()))
                .containsExactly(DiagnosticCode.INPUT_TOO_LARGE);
    }

    @Test
    void dagProblemsHaveTheirCodes(@TempDir Path tmp) throws IOException {
        Path cycle = Files.writeString(tmp.resolve("cyc.py"), "from airflow import DAG\n"
                + "from airflow.operators.empty import EmptyOperator\n"
                + "with DAG('cyc', schedule='@daily') as dag:\n"
                + "    a = EmptyOperator(task_id='a')\n    b = EmptyOperator(task_id='b')\n    a >> b >> a\n");
        Path none = Files.writeString(tmp.resolve("helpers.py"), "def f():\n    return 1\n");
        Path missing = tmp.resolve("absent.py");
        DagInputResult r = new DagInputReader().read(List.of(cycle, none, missing));
        Map<String, Set<DiagnosticCode>> byFile = r.diagnostics().stream().collect(Collectors.groupingBy(
                d -> Path.of(d.file()).getFileName().toString(), Collectors.mapping(Diagnostic::code, Collectors.toSet())));
        assertThat(byFile.get("cyc.py")).contains(DiagnosticCode.DAG_CYCLE);
        assertThat(byFile.get("helpers.py")).containsExactly(DiagnosticCode.DAG_NONE_FOUND);
        assertThat(byFile.get("absent.py")).containsExactly(DiagnosticCode.INPUT_UNREADABLE);
    }

    @Test
    void workloadProblemsHaveTheirCodes() {
        WorkloadReadResult read = new WorkloadReader().read("w.yaml", ("workflows:\n  orders:\n"
                + "    executionsPerMonht: 10\n  ordres:\n    executionsPerMonth: 5\n").getBytes(StandardCharsets.UTF_8));
        assertThat(codes(read.diagnostics())).containsExactly(DiagnosticCode.WORKLOAD_FIELD_UNKNOWN);
        Workload w = read.workload().orElseThrow();
        WorkloadMatching.Result matched = WorkloadMatching.match(w, Map.of("orders", List.of("Load")), Map.of());
        assertThat(matched.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.WORKLOAD_NO_MATCH)
                .singleElement().satisfies(d -> {
                    assertThat(d.message()).contains("ordres");
                    assertThat(d.file()).isEqualTo("w.yaml");
                    assertThat(d.line()).isEqualTo(4);
                });
        WorkloadReadResult bad = new WorkloadReader().read("w.yaml",
                "workflows:\n  orders:\n    workflowType: STANDART\n".getBytes(StandardCharsets.UTF_8));
        assertThat(codes(bad.diagnostics())).containsExactly(DiagnosticCode.WORKLOAD_INVALID);
    }
}
