package dev.flowcost.advisor.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonPatch;
import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.AdviseFixtures;
import dev.flowcost.advisor.StateMachineInput;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.workload.Workload;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule that proposes an ASL change, on definitions shaped like real ones (Parameters, ResultSelector,
 * ItemBatcher's BatchInput and MaxInputBytesPerBatch, child Parameters, OutputPath, Catch, Comment): the JSON Patch
 * applies to the original and gives the changed definition, that definition validates, the patch touches only the
 * states the finding names, and the fields the finding does not name are the user's.
 */
class ChangesKeepTheOriginalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The definition as read, its numbers as the test's parser reads them (the reader keeps integers as longs). */
    private static JsonNode original(StateMachineContext c) throws IOException {
        return JSON.readTree(JSON.writeValueAsString(c.definition()));
    }

    private static StateMachineContext ctx(StateMachineInput sm, String workloadYaml) {
        Workload w = AdviseFixtures.workload(workloadYaml);
        return Advisor.context(sm, w, PriceBook.bundled(), w.region());
    }

    private static StateMachineContext ctx(String name, String fixture, String workloadYaml) {
        return ctx(AdviseFixtures.machine(name, fixture), workloadYaml);
    }

    /** The one finding of {@code rule} with an ASL change, checked as the class comment says; returns the changed definition. */
    private static JsonNode checked(StateMachineContext c, StateMachineRule rule) throws IOException {
        List<Finding> found = rule.apply(c);
        assertThat(found).as("findings of " + rule.getClass().getSimpleName()).hasSize(1);
        Finding f = found.get(0);
        Change change = f.change();
        assertThat(change.kind()).isEqualTo(Change.Kind.ASL);
        JsonNode patch = JSON.readTree(change.patch().orElseThrow());
        JsonNode changed = JSON.readTree(change.definition().orElseThrow());
        assertThat(patch.isArray()).isTrue();
        assertThat(patch.size()).isPositive();
        // the patch applies to the original and gives the changed definition
        JsonNode applied = JsonPatch.apply(patch, c.definition());
        assertThat(JSON.readTree(JSON.writeValueAsString(applied))).isEqualTo(changed);
        // the changed definition validates
        AslReadResult r = new AslReader().read("changed.asl.json",
                change.definition().get().getBytes(StandardCharsets.UTF_8));
        assertThat(r.diagnostics().stream().filter(d -> d.isError()).toList()).as(change.definition().get()).isEmpty();
        // every operation edits a state the finding names
        Map<String, String> pointers = ChangeEdits.pointers(c.definition());
        for (JsonNode op : patch) {
            assertThat(op.path("op").asText()).isIn("add", "remove", "replace");
            String path = op.path("path").asText();
            assertThat(f.targets().stream().map(pointers::get))
                    .as(path + " inside one of " + f.targets())
                    .anyMatch(p -> p != null && (path.equals(p) || path.startsWith(p + "/")));
        }
        return changed;
    }

    @Test
    void theBundledDistributedMapChangeKeepsTheChargeFunction() throws IOException {
        Path p = Path.of("..", "examples", "orders-inline-map.asl.json");
        byte[] bytes = Files.readAllBytes(p);
        AslReadResult r = new AslReader().read(p.toString(), bytes);
        StateMachineInput sm = new StateMachineInput("orders-inline-map", p.toString(), r.machine().orElseThrow(),
                Optional.empty(), bytes.length, r.definition());
        StateMachineContext c = ctx(sm, AdviseFixtures.seedTrapWorkload(10_000, 0.05, 720)
                .replace("orders:", "orders-inline-map:"));
        JsonNode changed = checked(c, new InlineMapToDistributedMap());
        JsonNode map = changed.at("/States/ChargeEach");
        assertThat(map.at("/ItemProcessor/States/Charge/Parameters/FunctionName").asText()).isEqualTo("charge-order");
        assertThat(map.at("/ItemProcessor/States/Charge/Retry/0/MaxAttempts").asInt()).isEqualTo(3);
        assertThat(map.at("/ItemProcessor/ProcessorConfig/Mode").asText()).isEqualTo("DISTRIBUTED");
        assertThat(map.at("/ItemProcessor/ProcessorConfig/ExecutionType").asText()).isEqualTo("EXPRESS");
        assertThat(map.at("/ItemsPath").asText()).isEqualTo("$.orders");
        assertThat(changed.at("/States/LoadOrders")).isEqualTo(original(c).at("/States/LoadOrders"));
        assertThat(c.definition().at("/States/ChargeEach/ItemProcessor/ProcessorConfig/Mode").asText())
                .as("the original is not modified").isEqualTo("INLINE");
    }

    @Test
    void inlineMapToDistributedMapKeepsEveryFieldOfTheMapAndItsChild() throws IOException {
        StateMachineContext c = ctx("orders", "orders-inline-map-real.asl.json",
                AdviseFixtures.seedTrapWorkload(10_000, 0.05, 720));
        JsonNode changed = checked(c, new InlineMapToDistributedMap());
        JsonNode before = original(c).at("/States/ChargeEach");
        JsonNode after = changed.at("/States/ChargeEach");
        for (String field : List.of("Comment", "ItemsPath", "ItemSelector", "MaxConcurrency", "ResultSelector",
                "ResultPath", "OutputPath", "Catch", "Next")) {
            assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
        }
        assertThat(after.at("/ItemProcessor/States")).isEqualTo(before.at("/ItemProcessor/States"));
        assertThat(after.at("/ItemBatcher/MaxItemsPerBatch").asLong()).isPositive();
    }

    @Test
    void distributedMapChildrenKeepsBatchInputMaxBytesReaderWriterAndTheChild() throws IOException {
        StateMachineContext c = ctx("csvload", "csv-to-dynamodb-distributed-map.asl.json",
                "workflows:\n  csvload:\n    executionsPerMonth: 3000\n    states:\n"
                        + "      LoadRows:\n        items: 20000\n"
                        + "      LoadRows/WriteBatch: {durationSeconds: 0.2}\n");
        JsonNode changed = checked(c, new DistributedMapChildren());
        JsonNode before = original(c).at("/States/LoadRows");
        JsonNode after = changed.at("/States/LoadRows");
        assertThat(after.at("/ItemBatcher/BatchInput")).isEqualTo(before.at("/ItemBatcher/BatchInput"));
        assertThat(after.at("/ItemBatcher/MaxInputBytesPerBatch").asInt()).isEqualTo(131072);
        // the Map's own 128 KiB a batch holds 128 items of the assumed 1 KiB
        assertThat(after.at("/ItemBatcher/MaxItemsPerBatch").asInt()).isBetween(2, 128);
        assertThat(after.at("/ItemProcessor/States/WriteBatch")).isEqualTo(before.at("/ItemProcessor/States/WriteBatch"));
        assertThat(after.at("/ItemProcessor/States/WriteBatch/OutputPath").asText()).isEqualTo("$.written");
        for (String field : List.of("Comment", "ItemReader", "ResultWriter", "Label", "MaxConcurrency",
                "ToleratedFailurePercentage", "ResultSelector", "ResultPath", "Catch", "Next")) {
            assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
        }
        Finding f = new DistributedMapChildren().apply(c).get(0);
        assertThat(f.blockers()).anyMatch(b -> b.contains("{\"Items\": [...]}"));
    }

    @Test
    void loopInsideLambdaKeepsTheMapsOutputFieldsAndTheFunction() throws IOException {
        StateMachineContext c = ctx("orders", "orders-inline-map-real.asl.json",
                "workflows:\n  orders:\n    executionsPerMonth: 720\n    states:\n      ChargeEach: {items: 200}\n"
                        + "      ChargeEach/Charge: {durationSeconds: 0.5, memoryMb: 256}\n");
        JsonNode changed = checked(c, new LoopInsideLambda());
        JsonNode task = changed.at("/States/ChargeEach");
        assertThat(task.get("Type").asText()).isEqualTo("Task");
        assertThat(task.at("/Parameters/FunctionName").asText()).isEqualTo("charge-order");
        assertThat(task.at("/Parameters/Payload.$").asText()).isEqualTo("$.orders");
        JsonNode before = original(c).at("/States/ChargeEach");
        for (String field : List.of("Comment", "ResultSelector", "ResultPath", "OutputPath", "Catch", "Next")) {
            assertThat(task.get(field)).as(field).isEqualTo(before.get(field));
        }
        Finding f = new LoopInsideLambda().apply(c).get(0);
        assertThat(f.blockers()).anyMatch(b -> b.contains("ItemSelector"));
    }

    @Test
    void loopInsideLambdaInChunksKeepsTheMap() throws IOException {
        StateMachineContext c = ctx("orders", "orders-inline-map-real.asl.json",
                "workflows:\n  orders:\n    executionsPerMonth: 720\n    states:\n      ChargeEach: {items: 10000}\n"
                        + "      ChargeEach/Charge: {durationSeconds: 0.5, memoryMb: 256}\n");
        JsonNode changed = checked(c, new LoopInsideLambda());
        JsonNode map = changed.at("/States/ChargeEach");
        assertThat(map.get("Type").asText()).isEqualTo("Map");
        assertThat(map.get("ItemsPath").asText()).isEqualTo("$.chunks");
        assertThat(map.at("/ItemProcessor/States/LoopOverChunk/Parameters/FunctionName").asText())
                .isEqualTo("charge-order");
        assertThat(map.get("Catch")).isEqualTo(original(c).at("/States/ChargeEach/Catch"));
    }

    @Test
    void theGluePollerBecomesItsStarterWaitingAndKeepsTheFailState() throws IOException {
        StateMachineContext c = ctx("glue-poller", "polling-loop-glue.asl.json",
                "workflows:\n  glue-poller:\n    executionsPerMonth: 30\n    states:\n"
                        + "      JobDone?:\n        branches: {\"0\": 0.02, \"1\": 0.0, \"Default\": 0.98}\n");
        JsonNode changed = checked(c, new PollingLoopToSync());
        JsonNode start = changed.at("/States/StartJob");
        assertThat(start.get("Resource").asText()).isEqualTo("arn:aws:states:::glue:startJobRun.sync");
        assertThat(start.at("/Parameters/JobName").asText()).isEqualTo("nightly-etl");
        assertThat(start.get("Next").asText()).isEqualTo("Succeeded");
        assertThat(start.at("/Catch/0/Next").asText()).isEqualTo("Failed");
        assertThat(changed.at("/States").has("WaitForJob")).isFalse();
        assertThat(changed.at("/States").has("Failed")).isTrue();
    }

    @Test
    void theAthenaPollerOfTheOptimisedIntegrationGetsTheSyncFinding() throws IOException {
        StateMachineContext c = ctx("daily", "athena-polling-loop.asl.json",
                "workflows:\n  daily:\n    executionsPerMonth: 3000\n    states:\n"
                        + "      QueryDone?:\n        branches: {\"0\": 0.2, \"1\": 0.0, \"Default\": 0.8}\n");
        JsonNode changed = checked(c, new PollingLoopToSync());
        JsonNode start = changed.at("/States/StartQuery");
        assertThat(start.get("Resource").asText()).isEqualTo("arn:aws:states:::athena:startQueryExecution.sync");
        assertThat(start.get("Parameters")).isEqualTo(original(c).at("/States/StartQuery/Parameters"));
        assertThat(start.get("ResultPath").asText()).isEqualTo("$.query");
        assertThat(start.get("Next").asText()).isEqualTo("Publish");
        Finding f = new PollingLoopToSync().apply(c).get(0);
        assertThat(f.title()).contains("Athena .sync");
    }
}
