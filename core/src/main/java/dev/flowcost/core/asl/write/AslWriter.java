package dev.flowcost.core.asl.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flowcost.core.asl.Catcher;
import dev.flowcost.core.asl.ChoiceRule;
import dev.flowcost.core.asl.ChoiceState;
import dev.flowcost.core.asl.FailState;
import dev.flowcost.core.asl.Flow;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.ParallelState;
import dev.flowcost.core.asl.PassState;
import dev.flowcost.core.asl.QueryLanguage;
import dev.flowcost.core.asl.Retrier;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.StateVisitor;
import dev.flowcost.core.asl.SucceedState;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.asl.WaitState;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Writes the ASL model back out as Amazon States Language, JSON or YAML, in the field order the AWS console
 * writes (Comment, StartAt, States; per state Type, Comment, Resource, Parameters..., Retry, Catch, Next/End), so
 * converted drafts and advice fragments read like definitions a user would write by hand.
 *
 * <p>The model keeps no Parameters/Arguments; callers that need them (the DAG converter) pass them as
 * {@code extraFieldsByStatePath}: an object of fields per state path ({@code "Fan/Charge"} for nested states),
 * merged into that state's JSON after its kind-specific fields.
 */
public final class AslWriter {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .stringQuotingChecker(new PlainScalarQuoting())
            .build());

    /**
     * Quotes every string (key or value) that a YAML reader would take for something else written plain: any YAML 1.1
     * or 1.2 number ({@code 1e3}, {@code .inf}, {@code 0x1F}, {@code 1_000}, {@code 1:30}), boolean ({@code yes},
     * {@code off}, {@code y}), null ({@code ~}, {@code null}) or date, so a task id such as {@code 1e3} re-reads as the
     * text it is. Jackson's own check misses several of these.
     */
    static final class PlainScalarQuoting extends com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final java.util.regex.Pattern NOT_TEXT = java.util.regex.Pattern.compile(
                "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"     // 1, 1.5, .5, 1e3, 1_000
                        + "|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[oO]?[0-7_]+|[-+]?0[bB][01_]+"    // 0x1F, 0o17, 017, 0b101
                        + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"                   // 1:30 (sexagesimal)
                        + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
                        + "|(?i:y|n|yes|no|true|false|on|off|null)|~|"
                        + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");                        // 2001-12-14 (timestamp)

        @Override
        public boolean needToQuoteName(String name) {
            return NOT_TEXT.matcher(name).matches() || super.needToQuoteName(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return NOT_TEXT.matcher(value).matches() || super.needToQuoteValue(value);
        }
    }

    private AslWriter() {
    }

    public static ObjectNode toJson(StateMachine m) {
        return toJson(m, Map.of());
    }

    /** The machine as a JSON tree, with {@code extraFieldsByStatePath} merged into the states they name. */
    public static ObjectNode toJson(StateMachine m, Map<String, JsonNode> extraFieldsByStatePath) {
        ObjectNode root = machine(m, "", extraFieldsByStatePath);
        m.timeoutSeconds().ifPresent(t -> root.put("TimeoutSeconds", t));
        m.version().ifPresent(v -> root.put("Version", v));
        if (m.queryLanguage() == QueryLanguage.JSONATA) {
            root.put("QueryLanguage", "JSONata");
        }
        return root;
    }

    public static String toJsonString(StateMachine m) {
        return toJsonString(m, Map.of());
    }

    /** Pretty JSON: two-space indent, {@code "key": value}, one array element per line, a final newline. */
    public static String toJsonString(StateMachine m, Map<String, JsonNode> extraFieldsByStatePath) {
        return pretty(toJson(m, extraFieldsByStatePath));
    }

    public static String toYamlString(StateMachine m) {
        return toYamlString(m, Map.of());
    }

    public static String toYamlString(StateMachine m, Map<String, JsonNode> extraFieldsByStatePath) {
        try {
            return YAML.writeValueAsString(toJson(m, extraFieldsByStatePath));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One state as an ASL fragment (for advice that shows the rewritten state). */
    public static ObjectNode stateToJson(State s) {
        return stateToJson(s, "", Map.of());
    }

    /**
     * One state, with extra fields looked up by path. {@code parentPath} is the path of the enclosing Map or
     * Parallel state ("" at top level).
     */
    public static ObjectNode stateToJson(State s, String parentPath, Map<String, JsonNode> extraFieldsByStatePath) {
        String path = parentPath.isEmpty() ? s.name() : parentPath + "/" + s.name();
        return s.accept(new Writer(path, extraFieldsByStatePath));
    }

    /** Any JSON tree as pretty text, formatted as {@link #toJsonString(StateMachine)} does. */
    public static String pretty(JsonNode node) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentArraysWith(indenter);
        printer.indentObjectsWith(indenter);
        try {
            return JSON.writer(printer).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode machine(StateMachine m, String parentPath, Map<String, JsonNode> extras) {
        ObjectNode out = F.objectNode();
        m.comment().ifPresent(c -> out.put("Comment", c));
        out.put("StartAt", m.startAt());
        ObjectNode states = out.putObject("States");
        for (State s : m.states().values()) {
            states.set(s.name(), stateToJson(s, parentPath, extras));
        }
        return out;
    }

    /** Builds one state's object, kind by kind, in AWS's field order. */
    private static final class Writer implements StateVisitor<ObjectNode> {
        private final String path;
        private final Map<String, JsonNode> extras;
        private boolean merged;

        Writer(String path, Map<String, JsonNode> extras) {
            this.path = path;
            this.extras = extras;
        }

        private ObjectNode head(State s) {
            ObjectNode o = F.objectNode();
            o.put("Type", s.type());
            s.comment().ifPresent(c -> o.put("Comment", c));
            s.queryLanguage().ifPresent(q -> o.put("QueryLanguage", q == QueryLanguage.JSONATA ? "JSONata" : "JSONPath"));
            return o;
        }

        /** The extra fields given for this state (Parameters, ResultSelector, ...), once. */
        private void mergeExtras(ObjectNode o) {
            JsonNode extra = extras.get(path);
            if (extra != null && extra.isObject() && !merged) {
                Iterator<Map.Entry<String, JsonNode>> it = extra.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    o.set(e.getKey(), e.getValue().deepCopy());
                }
            }
            merged = true;
        }

        /** Extra fields (if not yet merged), then Retry, Catch and Next/End. */
        private ObjectNode tail(ObjectNode o, List<Retrier> retry, List<Catcher> catchers, Optional<Flow> flow) {
            mergeExtras(o);
            if (!retry.isEmpty()) {
                ArrayNode a = o.putArray("Retry");
                for (Retrier r : retry) {
                    a.add(retrier(r));
                }
            }
            if (!catchers.isEmpty()) {
                ArrayNode a = o.putArray("Catch");
                for (Catcher c : catchers) {
                    ObjectNode co = a.addObject();
                    co.set("ErrorEquals", strings(c.errorEquals()));
                    c.resultPath().ifPresent(p -> co.put("ResultPath", p));
                    co.put("Next", c.next());
                }
            }
            flow.ifPresent(f -> {
                f.next().ifPresent(n -> o.put("Next", n));
                if (f.end()) {
                    o.put("End", true);
                }
            });
            return o;
        }

        @Override public ObjectNode visitTask(TaskState s) {
            ObjectNode o = head(s);
            o.put("Resource", s.resource().arn());
            mergeExtras(o);
            s.timeoutSeconds().ifPresent(t -> o.put("TimeoutSeconds", t));
            s.heartbeatSeconds().ifPresent(t -> o.put("HeartbeatSeconds", t));
            return tail(o, s.retry(), s.catchers(), Optional.of(s.flow()));
        }

        @Override public ObjectNode visitPass(PassState s) {
            return tail(head(s), List.of(), List.of(), Optional.of(s.flow()));
        }

        @Override public ObjectNode visitChoice(ChoiceState s) {
            ObjectNode o = head(s);
            ArrayNode choices = o.putArray("Choices");
            for (ChoiceRule r : s.choices()) {
                choices.add(rule(r));
            }
            s.defaultNext().ifPresent(d -> o.put("Default", d));
            return tail(o, List.of(), List.of(), Optional.empty());
        }

        @Override public ObjectNode visitWait(WaitState s) {
            ObjectNode o = head(s);
            s.seconds().ifPresent(v -> putNumber(o, "Seconds", v));
            s.secondsExpression().ifPresent(v -> o.put("Seconds", v));
            s.timestamp().ifPresent(v -> o.put("Timestamp", v));
            s.secondsPath().ifPresent(v -> o.put("SecondsPath", v));
            s.timestampPath().ifPresent(v -> o.put("TimestampPath", v));
            return tail(o, List.of(), List.of(), Optional.of(s.flow()));
        }

        @Override public ObjectNode visitSucceed(SucceedState s) {
            return tail(head(s), List.of(), List.of(), Optional.empty());
        }

        @Override public ObjectNode visitFail(FailState s) {
            ObjectNode o = head(s);
            s.error().ifPresent(v -> o.put("Error", v));
            s.cause().ifPresent(v -> o.put("Cause", v));
            return tail(o, List.of(), List.of(), Optional.empty());
        }

        @Override public ObjectNode visitParallel(ParallelState s) {
            ObjectNode o = head(s);
            ArrayNode branches = o.putArray("Branches");
            for (StateMachine b : s.branches()) {
                branches.add(machine(b, path, extras));
            }
            return tail(o, s.retry(), s.catchers(), Optional.of(s.flow()));
        }

        @Override public ObjectNode visitMap(MapState s) {
            ObjectNode o = head(s);
            s.itemReader().ifPresent(r -> o.set("ItemReader", r.deepCopy()));
            s.itemsPath().ifPresent(p -> o.put("ItemsPath", p));
            s.items().ifPresent(i -> o.set("Items", i.deepCopy()));
            ObjectNode processor = machine(s.processor(), path, extras);
            ObjectNode config = F.objectNode();
            config.put("Mode", s.mode().name());
            if (s.isDistributed()) {
                config.put("ExecutionType", s.executionType().name());
            }
            ObjectNode ordered = F.objectNode();
            ordered.set("ProcessorConfig", config);
            ordered.setAll(processor);
            o.set("ItemProcessor", ordered);
            s.itemBatcher().ifPresent(b -> {
                ObjectNode bo = o.putObject("ItemBatcher");
                b.maxItemsPerBatch().ifPresent(n -> bo.put("MaxItemsPerBatch", n));
                b.maxInputBytesPerBatch().ifPresent(n -> bo.put("MaxInputBytesPerBatch", n));
            });
            s.maxConcurrency().ifPresent(n -> o.put("MaxConcurrency", n));
            s.toleratedFailurePercentage().ifPresent(p -> putNumber(o, "ToleratedFailurePercentage", p));
            s.toleratedFailureCount().ifPresent(n -> o.put("ToleratedFailureCount", n));
            s.label().ifPresent(l -> o.put("Label", l));
            s.resultWriter().ifPresent(w -> o.set("ResultWriter", w.deepCopy()));
            return tail(o, s.retry(), s.catchers(), Optional.of(s.flow()));
        }
    }

    private static ObjectNode rule(ChoiceRule r) {
        ObjectNode o = F.objectNode();
        if (r.condition() != null && r.condition().isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = r.condition().fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("Next")) {
                    o.set(e.getKey(), e.getValue().deepCopy());
                }
            }
        }
        o.put("Next", r.next());
        return o;
    }

    private static ObjectNode retrier(Retrier r) {
        ObjectNode o = F.objectNode();
        o.set("ErrorEquals", strings(r.errorEquals()));
        putNumber(o, "IntervalSeconds", r.intervalSeconds());
        o.put("MaxAttempts", r.maxAttempts());
        putNumber(o, "BackoffRate", r.backoffRate());
        OptionalDouble max = r.maxDelaySeconds();
        max.ifPresent(m -> putNumber(o, "MaxDelaySeconds", m));
        if (r.jitterStrategy() == Retrier.JitterStrategy.FULL) {
            o.put("JitterStrategy", "FULL");
        }
        return o;
    }

    /**
     * Whole seconds and counts as integers (ASL requires IntervalSeconds, MaxDelaySeconds and Seconds to be
     * integers); BackoffRate keeps its fraction ("2.0") so it reads as a rate.
     */
    private static void putNumber(ObjectNode o, String field, double v) {
        if (!field.equals("BackoffRate") && v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(field, (long) v);
        } else {
            o.put(field, v);
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
