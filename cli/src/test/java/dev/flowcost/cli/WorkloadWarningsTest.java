package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, item 5: a workload entry that matches nothing is said on stderr with the workload's line and a suggestion. */
class WorkloadWarningsTest {

    @TempDir
    Path tmp;

    @Test
    void aWorkflowThatDoesNotExistIsWarnedWithItsLineAndTheClosestName() throws IOException {
        Path w = Files.writeString(tmp.resolve("w.yaml"), "workflows:\n  orders-inline-map:\n    executionsPerMonth: 10\n"
                + "  glue-poler:\n    executionsPerMonth: 99\n");
        CliRun r = CliRun.of("advise", CliRun.examples().resolve("orders-inline-map.asl.json").toString(),
                CliRun.examples().resolve("glue-poller.asl.json").toString(), "-w", w.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains(w + ":4:3:", "warning", "\"glue-poler\"", "did you mean \"glue-poller\"");
    }

    @Test
    void theReadmesBareNestedStateNameIsReadAsItsPath() throws IOException {
        // the README's example names the Map's inner Task by its bare name; it must count, and say how it was read
        Path w = Files.writeString(tmp.resolve("w.yaml"), "workflows:\n  orders-inline-map:\n    states:\n"
                + "      ChargeEach:\n        items: 50\n      Charge:\n        failureRate: 0.5\n");
        CliRun bare = CliRun.of("simulate", CliRun.examples().resolve("orders-inline-map.asl.json").toString(),
                "-w", w.toString(), "--format", "json");
        Path full = Files.writeString(tmp.resolve("full.yaml"), "workflows:\n  orders-inline-map:\n    states:\n"
                + "      ChargeEach:\n        items: 50\n      ChargeEach/Charge:\n        failureRate: 0.5\n");
        CliRun path = CliRun.of("simulate", CliRun.examples().resolve("orders-inline-map.asl.json").toString(),
                "-w", full.toString(), "--format", "json");
        assertThat(bare.exitCode()).as(bare.err()).isZero();
        assertThat(bare.err()).contains(w + ":6:7:", "read as \"ChargeEach/Charge\"");
        assertThat(bare.out()).isEqualTo(path.out());
    }
}
