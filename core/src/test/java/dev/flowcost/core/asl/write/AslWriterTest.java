package dev.flowcost.core.asl.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.asl.Catcher;
import dev.flowcost.core.asl.ChoiceRule;
import dev.flowcost.core.asl.ChoiceState;
import dev.flowcost.core.asl.FailState;
import dev.flowcost.core.asl.Flow;
import dev.flowcost.core.asl.ItemBatcher;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.ParallelState;
import dev.flowcost.core.asl.PassState;
import dev.flowcost.core.asl.QueryLanguage;
import dev.flowcost.core.asl.Retrier;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.SucceedState;
import dev.flowcost.core.asl.TaskResource;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.asl.WaitState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AslWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SourceLocation L = SourceLocation.UNKNOWN;

    private static StateMachine machine(String startAt, State... states) {
        Map<String, State> m = new LinkedHashMap<>();
        for (State s : states) {
            m.put(s.name(), s);
        }
        return new StateMachine(startAt, m, Optional.empty(), OptionalInt.empty(), Optional.empty(), QueryLanguage.JSONPATH, "");
    }

    private static TaskState task(String name, String arn, Flow flow) {
        return new TaskState(name, L, Optional.empty(), Optional.empty(), flow, TaskResource.parse(arn), OptionalInt.empty(),
                OptionalInt.empty(), List.of(), List.of());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void taskIsWrittenWithEveryFieldInAwsOrder() throws Exception {
        Retrier retry = new Retrier(List.of("States.Timeout", "Lambda.ServiceException"), 2, 5, 1.5, OptionalDouble.of(30),
                Retrier.JitterStrategy.FULL, L);
        Catcher c = new Catcher(List.of("States.ALL"), "Recover", Optional.of("$.error"), L);
        TaskState charge = new TaskState("Charge", L, Optional.of("bill the card"), Optional.empty(), Flow.to("Recover"),
                TaskResource.parse("arn:aws:lambda:us-east-1:123456789012:function:charge"), OptionalInt.of(30),
                OptionalInt.of(10), List.of(retry), List.of(c));
        StateMachine m = new StateMachine("Charge", Map.of("Charge", charge), Optional.of("orders"), OptionalInt.of(600),
                Optional.of("1.0"), QueryLanguage.JSONPATH, "");
        ObjectNode params = JSON.createObjectNode();
        params.putObject("Parameters").put("Amount.$", "$.amount");

        String text = AslWriter.toJsonString(
                new StateMachine("Charge", new LinkedHashMap<>(Map.of("Charge", charge, "Recover",
                        new PassState("Recover", L, Optional.empty(), Optional.empty(), Flow.ending()))),
                        Optional.of("orders"), OptionalInt.empty(), Optional.empty(), QueryLanguage.JSONPATH, ""),
                Map.of("Charge", params));
        JsonNode root = JSON.readTree(text);
        assertThat(fieldNames(root).subList(0, 3)).containsExactly("Comment", "StartAt", "States");
        JsonNode s = root.at("/States/Charge");
        assertThat(fieldNames(s)).containsExactly("Type", "Comment", "Resource", "Parameters", "TimeoutSeconds",
                "HeartbeatSeconds", "Retry", "Catch", "Next");
        assertThat(s.get("Resource").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:charge");
        assertThat(s.at("/Parameters/Amount.$").asText()).isEqualTo("$.amount");
        JsonNode r = s.at("/Retry/0");
        assertThat(r.get("ErrorEquals")).hasSize(2);
        assertThat(r.get("IntervalSeconds").isIntegralNumber()).isTrue();
        assertThat(r.get("IntervalSeconds").asInt()).isEqualTo(2);
        assertThat(r.get("MaxAttempts").asInt()).isEqualTo(5);
        assertThat(r.get("BackoffRate").asDouble()).isEqualTo(1.5);
        assertThat(r.get("MaxDelaySeconds").asInt()).isEqualTo(30);
        assertThat(r.get("JitterStrategy").asText()).isEqualTo("FULL");
        assertThat(s.at("/Catch/0/ResultPath").asText()).isEqualTo("$.error");
        assertThat(s.at("/Catch/0/Next").asText()).isEqualTo("Recover");
        assertThat(root.at("/States/Recover/End").asBoolean()).isTrue();
        assertThat(text).contains("\n  \"StartAt\": \"Charge\",\n").endsWith("}\n");

        ObjectNode top = AslWriter.toJson(m);
        assertThat(top.get("TimeoutSeconds").asInt()).isEqualTo(600);
        assertThat(top.get("Version").asText()).isEqualTo("1.0");
    }

    @Test
    void choiceRulesAreWrittenAsGivenWithTheirNext() throws Exception {
        JsonNode cond = JSON.readTree("{\"And\":[{\"Variable\":\"$.a\",\"NumericGreaterThan\":1},"
                + "{\"Variable\":\"$.b\",\"IsPresent\":true}],\"Next\":\"Stale\"}");
        ChoiceState choice = new ChoiceState("Route", L, Optional.empty(), Optional.empty(),
                List.of(new ChoiceRule(0, "Big", cond, L)), Optional.of("Small"));
        JsonNode out = AslWriter.stateToJson(choice);
        assertThat(out.get("Type").asText()).isEqualTo("Choice");
        assertThat(out.at("/Choices/0/And")).isEqualTo(cond.get("And"));
        assertThat(out.at("/Choices/0/Next").asText()).isEqualTo("Big");
        assertThat(out.get("Default").asText()).isEqualTo("Small");
        assertThat(out.has("Next")).isFalse();
    }

    @Test
    void waitSucceedFailAndPassKeepTheirFields() {
        JsonNode w = AslWriter.stateToJson(new WaitState("W", L, Optional.empty(), Optional.empty(), Flow.to("X"),
                OptionalDouble.of(60), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(w.get("Seconds").isIntegralNumber()).isTrue();
        assertThat(w.get("Seconds").asInt()).isEqualTo(60);
        assertThat(w.get("Next").asText()).isEqualTo("X");
        JsonNode wp = AslWriter.stateToJson(new WaitState("W2", L, Optional.empty(), Optional.empty(), Flow.ending(),
                OptionalDouble.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("$.until")));
        assertThat(wp.get("TimestampPath").asText()).isEqualTo("$.until");
        assertThat(wp.get("End").asBoolean()).isTrue();
        JsonNode f = AslWriter.stateToJson(new FailState("F", L, Optional.empty(), Optional.empty(), Optional.of("Bad"),
                Optional.of("why")));
        assertThat(fieldNames(f)).containsExactly("Type", "Error", "Cause");
        JsonNode s = AslWriter.stateToJson(new SucceedState("S", L, Optional.of("done"), Optional.empty()));
        assertThat(fieldNames(s)).containsExactly("Type", "Comment");
        JsonNode p = AslWriter.stateToJson(new PassState("P", L, Optional.empty(), Optional.of(QueryLanguage.JSONATA),
                Flow.ending()));
        assertThat(p.get("QueryLanguage").asText()).isEqualTo("JSONata");
    }

    @Test
    void parallelBranchesAndNestedExtraFieldsAreWritten() {
        StateMachine b1 = machine("A", task("A", "arn:aws:states:::lambda:invoke", Flow.ending()));
        StateMachine b2 = machine("B", new PassState("B", L, Optional.empty(), Optional.empty(), Flow.ending()));
        ParallelState par = new ParallelState("Both", L, Optional.empty(), Optional.empty(), Flow.ending(), List.of(b1, b2),
                List.of(), List.of());
        ObjectNode extra = JSON.createObjectNode();
        extra.putObject("Parameters").put("FunctionName", "f");
        JsonNode out = AslWriter.toJson(machine("Both", par), Map.of("Both/A", extra));
        assertThat(out.at("/States/Both/Branches")).hasSize(2);
        assertThat(out.at("/States/Both/Branches/0/StartAt").asText()).isEqualTo("A");
        assertThat(out.at("/States/Both/Branches/0/States/A/Parameters/FunctionName").asText()).isEqualTo("f");
        assertThat(out.at("/States/Both/Branches/1/States/B/Type").asText()).isEqualTo("Pass");
    }

    @Test
    void distributedMapWritesItsConfigurationReaderBatcherAndWriter() throws Exception {
        StateMachine inner = machine("Work", task("Work", "arn:aws:states:::lambda:invoke", Flow.ending()));
        JsonNode reader = JSON.readTree("{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"CSV\"}}");
        JsonNode writer = JSON.readTree("{\"Resource\":\"arn:aws:states:::s3:putObject\"}");
        MapState map = new MapState("Fan", L, Optional.empty(), Optional.empty(), Flow.to("Next"), inner,
                MapState.Mode.DISTRIBUTED, MapState.ExecutionType.EXPRESS, Optional.of(reader),
                Optional.of(new ItemBatcher(OptionalInt.of(100), OptionalLong.of(262144), false)), Optional.empty(),
                Optional.empty(), OptionalInt.of(500), OptionalDouble.of(5), OptionalInt.of(10), Optional.of(writer),
                Optional.of("fan"), List.of(), List.of());
        JsonNode out = AslWriter.stateToJson(map);
        assertThat(out.at("/ItemProcessor/ProcessorConfig/Mode").asText()).isEqualTo("DISTRIBUTED");
        assertThat(out.at("/ItemProcessor/ProcessorConfig/ExecutionType").asText()).isEqualTo("EXPRESS");
        assertThat(fieldNames(out.get("ItemProcessor"))).containsExactly("ProcessorConfig", "StartAt", "States");
        assertThat(out.get("ItemReader")).isEqualTo(reader);
        assertThat(out.at("/ItemBatcher/MaxItemsPerBatch").asInt()).isEqualTo(100);
        assertThat(out.at("/ItemBatcher/MaxInputBytesPerBatch").asLong()).isEqualTo(262144);
        assertThat(out.get("MaxConcurrency").asInt()).isEqualTo(500);
        assertThat(out.get("ToleratedFailurePercentage").asInt()).isEqualTo(5);
        assertThat(out.get("ToleratedFailureCount").asInt()).isEqualTo(10);
        assertThat(out.get("ResultWriter")).isEqualTo(writer);
        assertThat(out.get("Label").asText()).isEqualTo("fan");
        assertThat(out.get("Next").asText()).isEqualTo("Next");

        MapState inline = new MapState("Each", L, Optional.empty(), Optional.empty(), Flow.ending(), inner,
                MapState.Mode.INLINE, MapState.ExecutionType.STANDARD, Optional.empty(), Optional.empty(),
                Optional.of("$.orders"), Optional.empty(), OptionalInt.of(40), OptionalDouble.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of());
        JsonNode in = AslWriter.stateToJson(inline);
        assertThat(in.at("/ItemProcessor/ProcessorConfig").toString()).isEqualTo("{\"Mode\":\"INLINE\"}");
        assertThat(in.get("ItemsPath").asText()).isEqualTo("$.orders");
    }

    @Test
    void yamlAndJsonCarryTheSameTree() throws Exception {
        StateMachine m = machine("A", task("A", "arn:aws:states:::glue:startJobRun.sync", Flow.to("B")),
                new SucceedState("B", L, Optional.empty(), Optional.empty()));
        JsonNode fromYaml = new YAMLMapper().readTree(AslWriter.toYamlString(m));
        assertThat(fromYaml).isEqualTo(JSON.readTree(AslWriter.toJsonString(m)));
        assertThat(fromYaml.at("/States/A/Resource").asText()).isEqualTo("arn:aws:states:::glue:startJobRun.sync");
    }
}
