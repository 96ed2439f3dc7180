package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 5: every command that writes JSON writes what its schema under {@code docs/schema/} says, run on the
 * bundled examples (and, for reconcile, on a bill fixture), and the schemas are strict enough that a renamed field
 * fails. When a field is added on purpose, add it to the schema: this test is where the contract and the code meet.
 */
class JsonSchemaContractTest {

    private static final Path SCHEMAS = Paths.get("..", "docs", "schema");
    private static final Path EXAMPLES = CliRun.examples();
    private static final String WORKLOAD = EXAMPLES.resolve("workload.yaml").toString();

    private static Schema schema(String name) throws IOException {
        try (InputStream in = Files.newInputStream(SCHEMAS.resolve(name + ".schema.json"))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    private static List<com.networknt.schema.Error> errors(String schema, String json) throws IOException {
        return schema(schema).validate(json, InputFormat.JSON);
    }

    private static String run(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        assertThat(r.out()).endsWith("\n");
        return r.out();
    }

    private static String advise() {
        return run("advise", EXAMPLES.toString(), "-w", WORKLOAD, "--format", "json");
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> !p.getFileName().toString().equals("workload.yaml")).sorted().toList();
        }
    }

    @Test
    void everySchemaIsADraft7SchemaForOneCommand() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            files.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
        }
        assertThat(names).containsExactly("analysis.schema.json", "diff.schema.json", "inspect.schema.json",
                "laws.schema.json", "reconcile.schema.json", "simulate.schema.json", "validate.schema.json");
        for (String n : names) {
            assertThat(Files.readString(SCHEMAS.resolve(n))).contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\"");
        }
    }

    /** Diagnostics have one JSON form (report's DiagnosticJson), so every schema describes them alike. */
    @Test
    void everySchemaDescribesDiagnosticsAlike() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode first = null;
        for (String n : List.of("analysis", "validate", "inspect", "simulate")) {
            com.fasterxml.jackson.databind.JsonNode d = json.readTree(SCHEMAS.resolve(n + ".schema.json").toFile())
                    .at("/definitions/diagnostic");
            assertThat(d.path("required").toString()).as(n).contains("\"code\"");
            if (first == null) {
                first = d;
            }
            assertThat(d).as(n).isEqualTo(first);
        }
    }

    @Test
    void adviseAndTheReportsAnalysisJsonFollowTheAnalysisSchema(@TempDir Path tmp) throws IOException {
        assertThat(errors("analysis", advise())).isEmpty();
        Path out = tmp.resolve("report");
        run("report", EXAMPLES.toString(), "-w", WORKLOAD, "--formats", "json", "--out", out.toString());
        assertThat(errors("analysis", Files.readString(out.resolve("analysis.json")))).isEmpty();
    }

    @Test
    void simulateFollowsItsSchemaForEveryBundledExample() throws IOException {
        List<Path> files = examples();
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        boolean sawDag = false;
        boolean sawMachine = false;
        for (Path f : files) {
            String out = run("simulate", f.toString(), "-w", WORKLOAD, "--executions", "500", "--format", "json");
            assertThat(errors("simulate", out)).as(f.toString()).isEmpty();
            sawDag |= out.contains("\"type\" : \"dag\"");
            sawMachine |= out.contains("\"type\" : \"state-machine\"");
        }
        assertThat(sawDag).isTrue();
        assertThat(sawMachine).isTrue();
    }

    @Test
    void inspectValidateAndLawsFollowTheirSchemas() throws IOException {
        assertThat(errors("inspect", run("inspect", EXAMPLES.toString(), "--format", "json"))).isEmpty();
        assertThat(errors("validate", run("validate", EXAMPLES.toString(), "--format", "json"))).isEmpty();
        assertThat(errors("laws", run("laws", "--examples", "5", "--seed", "7", "--format", "json"))).isEmpty();
    }

    @Test
    void diagnosticsInValidateFollowTheSchemaToo() throws IOException {
        CliRun r = CliRun.of("validate", CliRun.fixture("dangling-next.asl.json"), "--format", "json");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).contains("\"pointer\"");
        assertThat(errors("validate", r.out())).isEmpty();
        assertThat(r.json().at("/files/0/diagnostics/0/code").asText()).isEqualTo("ASL-NEXT-UNKNOWN");
        assertThat(errors("validate", r.out().replace("\"ASL-NEXT-UNKNOWN\"", "\"asl next unknown\""))).isNotEmpty();
    }

    @Test
    void anAnalysisWithDiagnosticsFollowsTheSchema() throws IOException {
        CliRun r = CliRun.of("advise", CliRun.fixture("choice-loop-no-exit.asl.json"), CliRun.fixture("dangling-next.asl.json"),
                EXAMPLES.resolve("orders-inline-map.asl.json").toString(), "-w", WORKLOAD, "--format", "json",
                "--keep-going");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.json().get("diagnostics").size()).isGreaterThanOrEqualTo(3);
        assertThat(errors("analysis", r.out())).isEmpty();
        assertThat(errors("analysis", rename(r.out(), "pointer", "jsonPointer"))).isNotEmpty();
    }

    @Test
    void diffFollowsItsSchema(@TempDir Path tmp) throws IOException {
        Path before = tmp.resolve("before.json");
        Path after = tmp.resolve("after.json");
        Files.writeString(before, run("advise", CliRun.fixture("diff/before"), "-w", CliRun.fixture("diff/workload.yaml"),
                "--format", "json"));
        Files.writeString(after, run("advise", CliRun.fixture("diff/after"), "-w", CliRun.fixture("diff/workload.yaml"),
                "--format", "json"));
        String diff = run("diff", before.toString(), after.toString(), "--format", "json");
        assertThat(diff).contains("\"quantityBefore\"");
        assertThat(errors("diff", diff)).isEmpty();
        Path examples = tmp.resolve("examples.json");
        Files.writeString(examples, advise());
        assertThat(errors("diff", run("diff", examples.toString(), examples.toString(), "--format", "json"))).isEmpty();
    }

    @Test
    void reconcileFollowsItsSchema() throws IOException {
        String out = run("reconcile", CliRun.fixture("calibrate/pay.asl.json"), "--bill",
                CliRun.fixture("calibrate/cur2-pay.csv"), "--format", "json");
        assertThat(out).contains("\"unexplained\"");
        assertThat(errors("reconcile", out)).isEmpty();
    }

    /** The schemas would be worthless if they accepted anything: a renamed field in real output must fail. */
    @Test
    void aRenamedFieldInRealOutputFailsValidation() throws IOException {
        String analysis = advise();
        for (String field : List.of("monthlySaving", "executionsPerMonth", "monthlyAmount", "countedFindings",
                "breakEvenVolume", "schemaVersion", "paybackMonths", "dagsMoving", "hoursEach", "breakEvenRunsPerMonth")) {
            String renamed = rename(analysis, field, field + "X");
            assertThat(renamed).isNotEqualTo(analysis);
            assertThat(errors("analysis", renamed)).as(field).isNotEmpty();
        }
        String simulate = run("simulate", EXAMPLES.resolve("orders-inline-map.asl.json").toString(), "-w", WORKLOAD,
                "--executions", "200", "--format", "json");
        assertThat(errors("simulate", rename(simulate, "billedAs", "billedas"))).isNotEmpty();
        String inspect = run("inspect", EXAMPLES.toString(), "--format", "json");
        assertThat(errors("inspect", rename(inspect, "triggerRule", "trigger_rule"))).isNotEmpty();
        assertThat(errors("analysis", analysis.replace("\"confidence\" : \"MEDIUM\"", "\"confidence\" : \"medium\"")))
                .isNotEmpty();
    }

    private static String rename(String json, String field, String to) {
        String renamed = json.replaceAll("\"" + field + "\"(\\s*):", "\"" + to + "\"$1:");
        assertThat(renamed).as(field).isNotEqualTo(json);
        return renamed;
    }
}
