package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 5: diagnostics reach the CLI as data. Whether an engine's diagnostic stops the run is decided on its
 * severity, not by parsing its text, every message shows its code, and analysis.json carries each one with its code.
 */
class DiagnosticPlumbingTest {

    private static final String LOOP = CliRun.fixture("choice-loop-no-exit.asl.json");
    private static final String LOOP_WORKLOAD = CliRun.fixture("choice-loop-no-exit.workload.yaml");

    @Test
    void anEngineErrorStopsTheRunAndShowsItsCode() {
        CliRun r = CliRun.of("advise", LOOP, "-w", LOOP_WORKLOAD, "--format", "json");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("choice-loop-no-exit.asl.json: error [SIM-UNCOUNTABLE] ")
                .contains("1 workflow(s) cannot be costed");
    }

    @Test
    void underKeepGoingTheAnalysisCarriesEachDiagnosticWithItsCode() {
        CliRun r = CliRun.of("advise", LOOP, CliRun.fixture("dangling-next.asl.json"), "-w", LOOP_WORKLOAD,
                "--format", "json", "--keep-going");
        assertThat(r.exitCode()).isEqualTo(3);
        List<String> codes = new ArrayList<>();
        for (JsonNode d : r.json().get("diagnostics")) {
            codes.add(d.get("severity").asText() + " " + d.get("code").asText());
        }
        assertThat(codes).contains("error ASL-NEXT-UNKNOWN", "warning ASL-STATE-UNREACHABLE", "error ASL-NO-END",
                "error SIM-UNCOUNTABLE");
        // each is printed once: the readers' before the analysis, the engines' after it
        assertThat(r.err().split("\\[SIM-UNCOUNTABLE\\]", -1)).hasSize(2);
        assertThat(r.err().split("\\[ASL-NEXT-UNKNOWN\\]", -1)).hasSize(2);
        assertThat(r.err()).contains("3 input error(s) above (--keep-going)");
    }

    @Test
    void aFileWithoutADagIsNotReportedWhenAFolderIsRead(@TempDir Path tmp) throws IOException {
        Files.copy(CliRun.examples().resolve("orders-inline-map.asl.json"), tmp.resolve("orders-inline-map.asl.json"));
        Files.writeString(tmp.resolve("helpers.py"), "def double(x):\n    return 2 * x\n");
        Files.writeString(tmp.resolve("empty.yaml"), "");
        CliRun r = CliRun.of("advise", tmp.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("DAG-NONE-FOUND").doesNotContain("helpers.py");
    }
}
