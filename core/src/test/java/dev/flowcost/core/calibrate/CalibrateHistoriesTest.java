package dev.flowcost.core.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkloadReadResult;
import dev.flowcost.core.workload.WorkloadReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Histories generated from a known workload are calibrated back to it, every value within its stated interval. */
class CalibrateHistoriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXECUTIONS = 1500;

    @TempDir
    static Path dir;
    static Path definition;
    static StateMachine machine;
    static HistoryGenerator.Truth truth;
    static Calibration calibration;

    @BeforeAll
    static void generate() throws Exception {
        definition = dir.resolve("orders.asl.json");
        Files.copy(CalibrateHistoriesTest.class.getResourceAsStream("/calibrate/orders.asl.json"), definition);
        machine = new AslReader().read(definition).machine().orElseThrow();
        truth = new HistoryGenerator.Truth();
        truth.errors.put("Validate", Map.of("Lambda.ServiceException", 0.08, "States.Timeout", 0.03));
        truth.durationMean.put("Validate", 2.0);
        truth.branchWeights.put("Route", new double[] {0.5, 0.2, 0.3});
        truth.items.put("Fan", new int[] {5, 15});
        truth.errors.put("Fan/Charge", Map.of("States.TaskFailed", 0.05));
        truth.durationMean.put("Fan/Charge", 0.5);
        new HistoryGenerator("orders", machine, truth, 13).writeExecutions(EXECUTIONS, dir.resolve("histories"));
        calibration = CalibrationRun.of(List.of(definition, dir.resolve("histories"))).calibration();
    }

    private static CalibratedValue value(String step, String key) {
        return calibration.values().stream().filter(v -> v.step().equals(step) && v.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no calibrated " + step + "." + key + " in " + calibration.values()));
    }

    private static StepObservations step(String path) {
        return calibration.workflows().get("orders").steps().get(path);
    }

    @Test
    void everyHistoryIsReadWithoutComplaint() {
        assertThat(calibration.diagnostics()).isEmpty();
        assertThat(calibration.workflows().get("orders").played().executions()).isEqualTo(EXECUTIONS);
    }

    @Test
    void executionsPerMonthAndTypeComeFromTheHistories() {
        assertThat(value("", "executionsPerMonth").value().asLong()).isEqualTo(EXECUTIONS);
        assertThat(value("", "executionsPerMonth").provenance())
                .matches("from 1,500 executions, 2026-10-\\d\\d\\.\\.2026-10-\\d\\d: 1,500 in 2026-10; 95% CI .*");
        assertThat(value("", "workflowType").value().asText()).isEqualTo("STANDARD");
    }

    /**
     * Every estimated parameter against the truth it was drawn from. 95 % intervals miss 5 % of the time by
     * design, so of these 12 at most one may miss (two or more would happen by chance 12 % of the time; the seed is
     * fixed, and the failure message lists every miss); the structural values (range, names, counts) are exact.
     */
    @Test
    void everyParameterLiesInItsStatedInterval() {
        java.util.List<String> misses = new java.util.ArrayList<>();
        int[] checked = {0};
        java.util.function.BiConsumer<String, Boolean> check = (what, inside) -> {
            checked[0]++;
            if (!inside) {
                misses.add(what);
            }
        };
        StepObservations v = step("Validate");
        for (Map.Entry<String, Double> e : truth.errors.get("Validate").entrySet()) {
            long failures = v.failuresByError().get(e.getKey());
            Interval ci = Interval.wilson(failures, v.attempts());
            check.accept("Validate " + e.getKey() + " " + ci + " vs " + e.getValue(), ci.contains(e.getValue()));
        }
        Interval charge = value("Fan/Charge", "errors").interval().orElseThrow();
        check.accept("Fan/Charge failure " + charge, charge.contains(0.05));
        Object[][] durations = {{"Validate", "durationSeconds", 2.0}, {"Validate", "p95Seconds", 2.0 * 1.45},
            {"Fan/Charge", "durationSeconds", 0.5}, {"Fan/Charge", "p95Seconds", 0.5 * 1.45}};
        for (Object[] d : durations) {
            Interval ci = value((String) d[0], (String) d[1]).interval().orElseThrow();
            check.accept(d[0] + " " + d[1] + " " + ci + " vs " + d[2], ci.contains((Double) d[2]));
        }
        StepObservations r = step("Route");
        double[] w = truth.branchWeights.get("Route");
        String[] keys = {"0", "1", "Default"};
        for (int i = 0; i < keys.length; i++) {
            Interval ci = Interval.wilson(r.branches().getOrDefault(keys[i], 0L), r.branchDecisions());
            check.accept("Route " + keys[i] + " " + ci + " vs " + w[i], ci.contains(w[i]));
        }
        Interval items = value("Fan", "items").interval().orElseThrow();
        check.accept("Fan items mean " + items, items.contains(10.0));
        Interval runs = value("", "executionsPerMonth").interval().orElseThrow();
        check.accept("executionsPerMonth " + runs, runs.contains(EXECUTIONS));
        assertThat(checked[0]).isEqualTo(12);
        assertThat(misses).as("parameters outside their 95%% interval").hasSizeLessThanOrEqualTo(1);

        assertThat(value("Validate", "errors").value().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("Lambda.ServiceException", "States.Timeout");
        assertThat(v.retries()).isPositive();
        assertThat(v.entries()).isEqualTo(EXECUTIONS);
        assertThat(value("Audit", "durationSeconds").value().asDouble()).isEqualTo(5.0);
        assertThat(value("Route", "branches").value().fieldNames()).toIterable().containsExactly("0", "1", "Default");
    }

    @Test
    void mapItemsHaveTheirRangeAndMean() {
        JsonNode items = value("Fan", "items").value();
        assertThat(items.get("min").asLong()).isEqualTo(5);
        assertThat(items.get("max").asLong()).isEqualTo(15);
        assertThat(value("Fan", "items").interval().orElseThrow().contains(10.0)).isTrue();
    }

    @Test
    void theWrittenWorkloadReadsBackAsTheCalibratedValues() {
        CalibratedWorkloadWriter.Result r = CalibratedWorkloadWriter.write(calibration.values(), Optional.empty(), false,
                "test");
        WorkloadReadResult read = new WorkloadReader().read("w.yaml", r.yaml().getBytes(StandardCharsets.UTF_8));
        assertThat(read.diagnostics()).isEmpty();
        Workload w = read.workload().orElseThrow();
        assertThat(w.workflow("orders").orElseThrow().executionsPerMonth().getAsDouble()).isEqualTo(EXECUTIONS);
        assertThat(w.workflow("orders").orElseThrow().state("Fan").orElseThrow().items().orElseThrow().max()).isEqualTo(15);
        assertThat(r.yaml()).contains("# calibrated: items per Map execution over");
    }

    /** Every calibrated key's comment says how many executions, their time range, and its 95 % interval. */
    @Test
    void everyCalibratedKeyCarriesItsProvenance() {
        CalibratedWorkloadWriter.Result r = CalibratedWorkloadWriter.write(calibration.values(), Optional.empty(), false,
                "test");
        java.util.regex.Pattern from = java.util.regex.Pattern.compile(
                "from 1,500 executions, 2026-10-\\d\\d\\.\\.2026-10-\\d\\d");
        List<String> calibrated = r.yaml().lines().filter(l -> l.contains("# calibrated: ")).toList();
        assertThat(calibrated).hasSize(r.written().size()).hasSizeGreaterThan(10);
        for (String line : calibrated) {
            assertThat(from.matcher(line).find()).as(line).isTrue();
            if (!line.contains("workflowType:")) {
                assertThat(line).as(line).contains("95% CI");
            }
        }
    }

    @Test
    void handWrittenKeysWinUnlessOverwrite() throws Exception {
        JsonNode base = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(
                "workflows:\n  orders:\n    executionsPerMonth: 99\n    states:\n      Fan: {items: 3}\n");
        CalibratedWorkloadWriter.Result kept = CalibratedWorkloadWriter.write(calibration.values(), Optional.of(base),
                false, "");
        Workload w = new WorkloadReader().read("w.yaml", kept.yaml().getBytes(StandardCharsets.UTF_8)).workload().orElseThrow();
        assertThat(w.workflow("orders").orElseThrow().executionsPerMonth().getAsDouble()).isEqualTo(99);
        assertThat(kept.kept()).contains("orders.executionsPerMonth", "orders.states.Fan.items");
        assertThat(kept.yaml()).contains("hand-written, kept; the data say 1500");
        CalibratedWorkloadWriter.Result over = CalibratedWorkloadWriter.write(calibration.values(), Optional.of(base),
                true, "");
        Workload o = new WorkloadReader().read("w.yaml", over.yaml().getBytes(StandardCharsets.UTF_8)).workload().orElseThrow();
        assertThat(o.workflow("orders").orElseThrow().executionsPerMonth().getAsDouble()).isEqualTo(EXECUTIONS);
    }

    @Test
    void pagesOfOneExecutionAreJoined(@TempDir Path pages) throws Exception {
        HistoryGenerator g = new HistoryGenerator("orders", machine, truth, 7);
        ObjectNode whole = g.execution(Instant.parse("2026-11-02T10:00:00Z"), "paged");
        ArrayNode events = (ArrayNode) whole.get("events");
        int half = events.size() / 2;
        ObjectNode first = JSON.createObjectNode();
        first.set("events", JSON.createArrayNode().addAll(java.util.stream.IntStream.range(0, half)
                .mapToObj(events::get).toList()));
        first.put("NextToken", "eyJ0b2tlbiI6IDF9");
        ObjectNode second = JSON.createObjectNode();
        second.set("events", JSON.createArrayNode().addAll(java.util.stream.IntStream.range(half, events.size())
                .mapToObj(events::get).toList()));
        Files.write(pages.resolve("orders-paged-1.json"), JSON.writeValueAsBytes(first));
        Files.write(pages.resolve("orders-paged-2.json"), JSON.writeValueAsBytes(second));
        Calibration c = CalibrationRun.of(List.of(definition, pages)).calibration();
        assertThat(c.diagnostics()).isEmpty();
        assertThat(c.workflows().get("orders").played().executions()).isEqualTo(1);
        assertThat(c.workflows().get("orders").steps().get("Validate").entries()).isEqualTo(1);
    }

    @Test
    void badHistoriesAreNamedNeverSkippedSilently(@TempDir Path bad) throws Exception {
        Files.writeString(bad.resolve("orders-cut.json"), "{\"events\": [{\"id\": 1, \"type\": \"ExecutionStarted\",");
        Files.writeString(bad.resolve("orders-other.json"), "{\"events\": ["
                + "{\"id\":1,\"previousEventId\":0,\"timestamp\":1790000000.0,\"type\":\"ExecutionStarted\"},"
                + "{\"id\":2,\"previousEventId\":1,\"timestamp\":1790000001.0,\"type\":\"TaskStateEntered\","
                + "\"stateEnteredEventDetails\":{\"name\":\"Ship\"}},"
                + "{\"id\":3,\"previousEventId\":2,\"timestamp\":1790000002.0,\"type\":\"ExecutionSucceeded\"}]}");
        Files.writeString(bad.resolve("orders-running.json"), "{\"events\": ["
                + "{\"id\":1,\"previousEventId\":0,\"timestamp\":1790000000.0,\"type\":\"ExecutionStarted\"}]}");
        Calibration c = CalibrationRun.of(List.of(definition, bad)).calibration();
        List<String> lines = c.diagnostics().stream().map(Diagnostic::render).toList();
        assertThat(lines).anyMatch(l -> l.contains("orders-cut.json:1:") && l.startsWith(bad.resolve("orders-cut.json")
                .toString()) && l.contains("error [INPUT-SYNTAX] not valid JSON"));
        assertThat(lines).anyMatch(l -> l.contains("orders-other.json") && l.contains("event 2")
                && l.contains("\"Ship\""));
        assertThat(lines).anyMatch(l -> l.contains("orders-running.json") && l.contains("ends at event 1"));
        assertThat(c.hasErrors()).isTrue();
        assertThat(c.workflows().getOrDefault("orders", null) == null
                || c.workflows().get("orders").played().executions() == 0).isTrue();
    }
}
