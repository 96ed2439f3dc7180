package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 5: {@code advise --format sarif} is valid SARIF 2.1.0 (checked against the OASIS schema as published
 * by SchemaStore) and each result points at the line of the state or task its finding targets.
 */
class SarifOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun advise() {
        return CliRun.of("advise", CliRun.examples().toString(), "-w", CliRun.examples().resolve("workload.yaml").toString(),
                "--format", "sarif");
    }

    @Test
    void theBundledExamplesGiveSarifThatTheSchemaAccepts() throws IOException {
        CliRun r = advise();
        assertThat(r.exitCode()).as(r.err()).isZero();
        Schema schema;
        try (InputStream in = SarifOutputTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        List<com.networknt.schema.Error> errors = schema.validate(r.out(), InputFormat.JSON);
        assertThat(errors).as(r.out()).isEmpty();
        JsonNode log = JSON.readTree(r.out());
        assertThat(log.at("/runs/0/results")).isNotEmpty();
        assertThat(r.out()).endsWith("\n");
    }

    @Test
    void aBrokenLogIsRefusedByTheSchemaSoTheCheckCanFail() throws IOException {
        Schema schema;
        try (InputStream in = SarifOutputTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        String broken = advise().out().replace("\"version\" : \"2.1.0\"", "\"version\" : \"9\"")
                .replace("\"level\" : \"warning\"", "\"level\" : \"loud\"");
        assertThat(schema.validate(broken, InputFormat.JSON)).isNotEmpty();
    }

    /*
     * With the bundled workload the environment plan moves every DAG, so no sensor finding is left for a DAG (the
     * move replaces it). At $100,000 an engineer-hour no move pays back, the DAGs stay, and the sensor finding shows.
     */
    @Test
    void eachFindingPointsAtTheLineOfItsTarget(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path workload = dir.resolve("workload.yaml");
        Files.writeString(workload, Files.readString(CliRun.examples().resolve("workload.yaml"))
                + "\nmigration:\n  hourlyRate: 100000\n");
        JsonNode moving = JSON.readTree(advise().out());
        boolean plan = false;
        for (JsonNode res : moving.at("/runs/0/results")) {
            plan |= res.get("ruleId").asText().equals("environment-after-migration");
            assertThat(res.get("ruleId").asText()).isNotEqualTo("sensor-to-event-trigger");
        }
        assertThat(plan).isTrue();
        CliRun kept = CliRun.of("advise", CliRun.examples().toString(), "-w", workload.toString(), "--format", "sarif");
        assertThat(kept.exitCode()).as(kept.err()).isZero();
        JsonNode log = JSON.readTree(kept.out());
        Path map = CliRun.examples().resolve("orders-inline-map.asl.json");
        int chargeEach = lineOf(map, "\"ChargeEach\": {");
        Path dag = CliRun.examples().resolve("etl_glue_s3.py");
        int sensor = lineOf(dag, "wait_for_export = S3KeySensor(");
        boolean sawMap = false;
        boolean sawSensor = false;
        for (JsonNode res : log.at("/runs/0/results")) {
            JsonNode loc = res.at("/locations/0/physicalLocation");
            String uri = loc.at("/artifactLocation/uri").asText();
            if (res.get("ruleId").asText().equals("inline-map-to-distributed-map")) {
                assertThat(uri).endsWith("examples/orders-inline-map.asl.json");
                assertThat(loc.at("/region/startLine").asInt()).isEqualTo(chargeEach);
                assertThat(res.at("/message/text").asText()).contains("saves $");
                assertThat(res.at("/properties/monthlySaving").decimalValue()).isPositive();
                sawMap = true;
            }
            if (res.get("ruleId").asText().equals("sensor-to-event-trigger")) {
                assertThat(uri).endsWith("examples/etl_glue_s3.py");
                assertThat(loc.at("/region/startLine").asInt()).isEqualTo(sensor);
                sawSensor = true;
            }
            String rule = res.get("ruleId").asText();
            assertThat(log.at("/runs/0/tool/driver/rules/" + res.get("ruleIndex").asInt() + "/id").asText())
                    .isEqualTo(rule);
            // the rule's metadata comes from the catalogue, not from its id in words
            JsonNode meta = log.at("/runs/0/tool/driver/rules/" + res.get("ruleIndex").asInt());
            dev.flowcost.advisor.rule.RuleInfo info = dev.flowcost.advisor.rule.Rules.info(rule).orElseThrow();
            assertThat(meta.at("/shortDescription/text").asText()).isEqualTo(info.title());
            assertThat(meta.at("/fullDescription/text").asText()).isEqualTo(info.description());
            assertThat(meta.at("/helpUri").asText()).endsWith("docs/rules.md#" + rule);
        }
        assertThat(sawMap).isTrue();
        assertThat(sawSensor).isTrue();
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
