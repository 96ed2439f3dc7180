package dev.flowcost.report.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.report.SampleAnalyses;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalysisJsonTest {

    private final Analysis seed = SampleAnalyses.seedTrap();

    @Test
    void roundTripGivesTheSameAnalysis() {
        Analysis back = AnalysisJson.read(AnalysisJson.write(seed));
        assertThat(back).isEqualTo(seed);
    }

    @Test
    void writesThePublicContractNames() throws Exception {
        JsonNode root = new ObjectMapper().readTree(AnalysisJson.write(seed));
        List<String> top = new ArrayList<>();
        root.fieldNames().forEachRemaining(top::add);
        assertThat(top).startsWith("schemaVersion", "region");
        assertThat(top).contains("workflows", "environments", "findings", "credits", "assumptions", "prices",
                "diagnostics", "totals");
        assertThat(root.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(root.get("region").textValue()).isEqualTo("us-east-1");

        JsonNode orders = root.get("workflows").get(0);
        assertThat(orders.get("name").textValue()).isEqualTo("orders");
        assertThat(orders.get("kind").textValue()).isEqualTo("state-machine");
        assertThat(orders.get("executionsPerMonth").decimalValue()).isEqualByComparingTo("720");
        // 2 x 720 x $0.000025 (outside the Map) + (1 + 2 x 10,000) x 720 x $0.000025 + 7,200,000 x $0.0000002 = 0.036 + 360.018 + 1.44
        assertThat(orders.get("monthlyCost").get("total").decimalValue()).isEqualByComparingTo("361.494");
        assertThat(orders.get("monthlyCost").get("components").get("state transitions").decimalValue())
                .isEqualByComparingTo("360.018");
        assertThat(orders.get("verdict").isNull()).isTrue();

        JsonNode etl = root.get("workflows").get(1);
        assertThat(etl.get("kind").textValue()).isEqualTo("dag");
        assertThat(etl.get("verdict").textValue()).isEqualTo("move to Step Functions");
        assertThat(etl.get("alternatives").get(0).get("platform").textValue()).isEqualTo("step-functions");
        assertThat(etl.get("alternatives").get(0).has("components")).isTrue();
        assertThat(etl.get("blockers").get(0).textValue()).isEqualTo("uses a custom sensor");

        JsonNode env = root.get("environments").get(0);
        for (String name : List.of("name", "environmentClass", "monthlyCost", "monthlyCostAfter", "dags", "verdict")) {
            assertThat(env.has(name)).as(name).isTrue();
        }
        JsonNode finding = root.get("findings").get(0);
        for (String name : List.of("rule", "workflow", "targets", "monthlyCostNow", "monthlyCostAfter",
                "monthlySaving", "confidence", "assumptions", "blockers", "change")) {
            assertThat(finding.has(name)).as(name).isTrue();
        }
    }

    /** The records are serialised directly: the contract's field order holds and derived predicates stay out. */
    @Test
    void fieldOrderIsTheContractsAndPredicatesAreLeftOut() throws Exception {
        JsonNode root = new ObjectMapper().readTree(AnalysisJson.write(seed));
        assertThat(names(root.get("workflows").get(0))).containsExactly("name", "kind", "file", "workflowType",
                "executionsPerMonth", "executionsKey", "monthlyCost", "costItems", "steps", "graph", "alternatives",
                "verdict", "verdictReasons", "blockers", "defaultsUsed");
        assertThat(names(root.get("workflows").get(1).get("alternatives").get(0)))
                .containsExactly("platform", "monthlyCost", "components", "costItems", "notes");
        assertThat(names(root.get("environments").get(0))).startsWith("name", "environmentClass", "monthlyCost",
                "monthlyCostAfter", "dags", "verdict", "costItems", "notes", "plans");
        assertThat(names(root.get("findings").get(0))).doesNotContain("saving").contains("curve");
        assertThat(names(root.get("workflows").get(0).get("costItems").get(0))).doesNotContain("unreachedTier")
                .containsExactly("component", "unit", "quantityPerExecution", "quantityPerItem", "itemsKey",
                        "executionsKey", "fixedMonthlyQuantity", "tierStart", "tierEnd", "priceKey", "unitPrice",
                        "monthlyQuantity", "monthlyAmount");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void amountsArePlainDecimalsNeverExponents() {
        String json = AnalysisJson.write(seed);
        // the Lambda price 0.0000002 would be 2E-7 in scientific notation
        assertThat(json).contains("0.0000002").doesNotContainPattern("[0-9][eE][-+]?[0-9]");
    }

    @Test
    void hostileNamesAreEscapedStrings() throws Exception {
        String json = AnalysisJson.write(seed);
        assertThat(json).contains("\"=HYPERLINK(\\\"http://x\\\")\"");
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("workflows").get(1).get("steps").get(1).get("path").textValue())
                .isEqualTo(SampleAnalyses.HYPERLINK_TASK);
    }

    @Test
    void badJsonIsReportedWithItsPointer() {
        String json = AnalysisJson.write(seed).replace("\"kind\" : \"dag\"", "\"kind\" : \"cron\"");
        AnalysisJson.Parsed parsed = AnalysisJson.parse(json);
        assertThat(parsed.analysis()).isEmpty();
        assertThat(parsed.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("/workflows/1/kind"));
        assertThat(AnalysisJson.parse("{").problem()).isPresent();
        assertThat(AnalysisJson.parse("[]").problem()).isPresent();
        assertThatThrownBy(() -> AnalysisJson.read("{\"schemaVersion\": 99}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/schemaVersion");
    }

    @Test
    void missingOptionalsAreNull() {
        String json = AnalysisJson.write(seed);
        assertThat(json).contains("\"tierEnd\" : null").contains("\"breakEvenVolume\" : 1000");
        assertThat(new BigDecimal("1000")).isEqualByComparingTo(
                AnalysisJson.read(json).findings().get(0).curve().orElseThrow().breakEvenVolume().orElseThrow());
    }

    @Test
    void readsAHandWrittenContractFile() throws Exception {
        Analysis a = AnalysisJson.read(SampleAnalyses.jsonFixture("one-standard-workflow.analysis.json"));
        assertThat(a.workflows()).hasSize(1);
        assertThat(a.workflows().get(0).kind()).isEqualTo(dev.flowcost.advisor.analysis.WorkflowAnalysis.Kind.STATE_MACHINE);
        assertThat(a.workflows().get(0).verdict()).isEmpty();
        assertThat(a.workflows().get(0).costItems().get(0).tierEnd()).isEmpty();
        assertThat(a.workflows().get(0).costItems().get(0).unitPrice()).isEqualByComparingTo("0.000025");
        assertThat(a.totals().monthlyCostNow()).isEqualByComparingTo("9.90");
        assertThat(a.prices().get(0).overridden()).isFalse();
    }

    @Test
    void anUnknownKindIsAProblemAtItsPointer() throws Exception {
        AnalysisJson.Parsed parsed = AnalysisJson.parse(SampleAnalyses.jsonFixture("unknown-kind.analysis.json"));
        assertThat(parsed.analysis()).isEmpty();
        assertThat(parsed.problem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("/workflows/0/kind").contains("\"workflow\""));
    }

    /** Issue 9, item 5: diagnostics stay data in analysis.json, code included, and read back as data. */
    @Test
    void diagnosticsAreObjectsWithTheirCode() throws Exception {
        JsonNode d = new ObjectMapper().readTree(AnalysisJson.write(seed)).at("/diagnostics/0");
        assertThat(d.path("code").asText()).isEqualTo("ASL-FIELD-MISSING");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("file").asText()).isEqualTo("orders.asl.json");
        assertThat(d.path("line").asInt()).isEqualTo(12);
        assertThat(AnalysisJson.read(AnalysisJson.write(seed)).diagnostics()).isEqualTo(seed.diagnostics());
    }

    @Test
    void anAnalysisWrittenBeforeCodesStillReadsItsNumbers() {
        String json = AnalysisJson.write(seed);
        int at = json.indexOf("\"diagnostics\" : [");
        int end = json.indexOf("]", json.indexOf("\"message\"", at)) + 1;
        String old = json.substring(0, at) + "\"diagnostics\" : [ \"orders.asl.json:12: warning: Map Fan has no MaxConcurrency\" ]"
                + json.substring(end);
        Analysis back = AnalysisJson.read(old);
        assertThat(back.diagnostics()).isEmpty();
        assertThat(back.totals()).isEqualTo(seed.totals());
        assertThat(back.workflows()).isEqualTo(seed.workflows());
    }

    @Test
    void aDiagnosticWithAnUnknownCodeIsReportedWithItsPointer() {
        String json = AnalysisJson.write(seed).replace("\"ASL-FIELD-MISSING\"", "\"NOT-A-CODE\"");
        AnalysisJson.Parsed parsed = AnalysisJson.parse(json);
        assertThat(parsed.analysis()).isEmpty();
        assertThat(parsed.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("/diagnostics/0"));
    }
}
