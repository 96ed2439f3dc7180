package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate and simulate through the command line: exit codes, messages that name the place, the JSON contract. */
class StateMachineCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void validateAcceptsTheBundledExamples() {
        CliRun r = CliRun.of("validate", CliRun.examples().toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("orders-inline-map.asl.json: valid").contains("3 file(s), 0 error(s)");
    }

    @Test
    void validateNamesFileLineAndPointerOfADanglingNext() {
        CliRun r = CliRun.of("validate", CliRun.fixture("dangling-next.asl.json"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).contains("dangling-next.asl.json:4:").contains("/States/Load/Next")
                .contains("did you mean \"Charge\"");
    }

    @Test
    void validateJsonListsEachFileWithItsDiagnostics() {
        CliRun r = CliRun.of("validate", CliRun.fixture("dangling-next.asl.json"), "--format", "json");
        JsonNode f = r.json().get("files").get(0);
        assertThat(f.get("valid").asBoolean()).isFalse();
        assertThat(f.get("diagnostics").get(0).get("pointer").asText()).isEqualTo("/States/Load/Next");
        assertThat(f.get("diagnostics").get(0).get("line").asInt()).isEqualTo(4);
    }

    @Test
    void simulateJsonFollowsTheContractAndCountsTheSeedTrap() {
        CliRun r = CliRun.of("simulate", CliRun.fixture("seed-trap-inline-map.asl.json"), "--workload",
                CliRun.fixture("seed-trap.workload.yaml"), "--executions", "2000", "--seed", "7", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        JsonNode j = r.json();
        assertThat(j.get("type").asText()).isEqualTo("state-machine");
        assertThat(j.get("file").asText()).endsWith("seed-trap-inline-map.asl.json");
        // Prepare + Fan + 10,000 × Charge + Finish
        assertThat(j.at("/exact/transitionsPerExecution").asDouble()).isEqualTo(10_003.0);
        assertThat(j.at("/exact/states/Fan~1Charge/entries").asDouble()).isEqualTo(10_000.0);
        assertThat(j.at("/exact/states/Prepare/entries").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/monteCarlo/executions").asLong()).isEqualTo(2000);
        assertThat(j.at("/monteCarlo/seed").asLong()).isEqualTo(7);
        for (String k : new String[] {"mean", "p50", "p95", "p99", "max"}) {
            assertThat(j.at("/monteCarlo/transitions/" + k).asDouble()).as(k).isEqualTo(10_003.0);
            assertThat(j.at("/monteCarlo/durationSeconds/" + k).isNumber()).as(k).isTrue();
        }
        assertThat(j.at("/childExecutions/standard").asDouble()).isZero();
        assertThat(j.at("/childExecutions/express").asDouble()).isZero();
        assertThat(j.get("defaultsUsed").toString()).contains("Charge");
    }

    @Test
    void simulateIsReproducibleForASeed() {
        String f = Path.of("..", "examples", "orders-inline-map.asl.json").toString();
        String w = Path.of("..", "examples", "workload.yaml").toString();
        CliRun a = CliRun.of("simulate", f, "-w", w, "--executions", "3000", "--seed", "11", "--format", "json");
        CliRun b = CliRun.of("simulate", f, "-w", w, "--executions", "3000", "--seed", "11", "--format", "json");
        CliRun c = CliRun.of("simulate", f, "-w", w, "--executions", "3000", "--seed", "12", "--format", "json");
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(a.out()).isEqualTo(b.out());
        assertThat(a.json().at("/monteCarlo/transitions/mean")).isNotEqualTo(c.json().at("/monteCarlo/transitions/mean"));
    }

    @Test
    void aChoiceLoopWithNoWayOutIsAnInputErrorNotAHang() {
        CliRun r = CliRun.of("simulate", CliRun.fixture("choice-loop-no-exit.asl.json"), "-w",
                CliRun.fixture("choice-loop-no-exit.workload.yaml"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("choice-loop-no-exit.asl.json").doesNotContain("Exception");
    }

    @Test
    void badInputsGiveAClearErrorAndExitThree() throws IOException {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String bomb = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nStartAt: X\nStates: {}\n";
        Object[][] cases = {
                {"malformed.json", "{\"StartAt\": \"A\", \"States\": {".getBytes(StandardCharsets.UTF_8), "malformed.json:1"},
                {"array.json", "[1, 2]".getBytes(StandardCharsets.UTF_8), "array.json"},
                {"unknown-type.json", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Teleport\",\"End\":true}}}"
                        .getBytes(StandardCharsets.UTF_8), "Teleport"},
                {"no-start.json", "{\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}".getBytes(StandardCharsets.UTF_8), "StartAt"},
                {"deep.json", deep.getBytes(StandardCharsets.UTF_8), "deep.json"},
                {"bomb.yaml", bomb.getBytes(StandardCharsets.UTF_8), "bomb.yaml"},
                {"latin1.json", "{\"StartAt\":\"Caf\u00e9\",\"States\":{}}".getBytes(StandardCharsets.ISO_8859_1), "latin1.json"},
                {"empty.json", new byte[0], "empty.json"},
        };
        for (Object[] c : cases) {
            Path f = tmp.resolve((String) c[0]);
            Files.write(f, (byte[]) c[1]);
            for (String command : new String[] {"validate", "simulate"}) {
                CliRun r = CliRun.of(command, f.toString());
                assertThat(r.exitCode()).as(command + " " + c[0] + ": " + r.out() + r.err()).isEqualTo(3);
                assertThat(r.out() + r.err()).as(command + " " + c[0]).contains((String) c[2])
                        .doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
    }

    @Test
    void aFiftyMegabyteFileIsRefusedQuickly() throws IOException {
        Path big = tmp.resolve("big.json");
        byte[] chunk = " ".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
        }
        CliRun r = CliRun.of("validate", big.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out() + r.err()).contains("big.json").contains("1 MB");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(CliRun.of("simulate").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("validate", "x.json", "--no-such-option").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
        CliRun bad = CliRun.of("simulate", CliRun.fixture("seed-trap-inline-map.asl.json"), "--executions", "0");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--executions");
    }

    @Test
    void aMissingFileIsAnInputError() {
        CliRun r = CliRun.of("validate", tmp.resolve("nope.asl.json").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("nope.asl.json");
    }
}
