package dev.flowcost.core.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Builds the {@link StateMachine} model from a parsed definition tree. It reports what only the raw text shows
 * (wrong field types, an unknown Type, fields a state kind may not have) and leaves the rules that the model can
 * express to {@link AslValidator}. It builds as much as it can, so an invalid definition still has a shape.
 */
final class DefinitionBuilder {

    private static final String TYPES = "Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map";

    private final LocatedTree tree;
    private final AslDiagnostics diags;

    DefinitionBuilder(String file, LocatedTree tree, List<Diagnostic> diagnostics) {
        this.tree = tree;
        this.diags = new AslDiagnostics(file, tree::at, diagnostics);
    }

    /** Builds the machine rooted at {@code node} (pointer {@code pointer}), with {@code inherited} as its default query language. */
    StateMachine machine(JsonNode node, String pointer, QueryLanguage inherited) {
        String startAt = text(node, "StartAt", pointer).orElse("");
        Optional<String> comment = text(node, "Comment", pointer);
        OptionalInt timeout = integer(node, "TimeoutSeconds", pointer);
        Optional<String> version = text(node, "Version", pointer);
        QueryLanguage ql = queryLanguage(node, pointer).orElse(inherited);
        Map<String, State> states = new LinkedHashMap<>();
        JsonNode s = node.get("States");
        String statesPtr = pointer + "/States";
        if (s != null && !s.isObject()) {
            diags.error(DiagnosticCode.ASL_FIELD_TYPE, statesPtr, "States must be an object that maps each state name to its definition");
        } else if (s != null) {
            var it = s.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String sp = statesPtr + "/" + SourceLocation.escapeToken(e.getKey());
                if (!e.getValue().isObject()) {
                    diags.error(DiagnosticCode.ASL_FIELD_TYPE, sp, "state \"" + e.getKey() + "\" must be an object with a Type");
                    continue;
                }
                states.put(e.getKey(), state(e.getKey(), e.getValue(), sp, ql));
            }
        }
        return new StateMachine(startAt, states, comment, timeout, version, ql, pointer);
    }

    private State state(String name, JsonNode n, String p, QueryLanguage machineQl) {
        SourceLocation at = tree.at(p);
        Optional<String> comment = text(n, "Comment", p);
        Optional<QueryLanguage> ql = queryLanguage(n, p);
        String type = text(n, "Type", p).orElse(null);
        if (type == null) {
            if (!n.has("Type")) {
                diags.error(DiagnosticCode.ASL_TYPE_UNKNOWN, p, "state \"" + name + "\" has no Type; expected one of " + TYPES);
            }
            return standIn(name, at, comment, ql, n, p);
        }
        boolean retries = type.equals("Task") || type.equals("Parallel") || type.equals("Map");
        if (!retries) {
            for (String f : new String[] {"Retry", "Catch"}) {
                if (n.has(f)) {
                    diags.error(DiagnosticCode.ASL_FIELD_MISPLACED, p + "/" + f,
                            type + " state \"" + name + "\" cannot have " + f + "; only Task, Parallel and Map states can");
                }
            }
        }
        boolean terminalKind = type.equals("Succeed") || type.equals("Fail") || type.equals("Choice");
        if (terminalKind) {
            for (String f : new String[] {"Next", "End"}) {
                if (n.has(f)) {
                    diags.error(DiagnosticCode.ASL_FIELD_MISPLACED, p + "/" + f, type + " state \"" + name + "\" cannot have " + f
                            + (type.equals("Choice") ? "; a Choice moves on through its Choices and Default" : "; it ends its machine"));
                }
            }
        }
        switch (type) {
            case "Task":
                return new TaskState(name, at, comment, ql, flow(n, p), TaskResource.parse(resource(n, p)),
                        integer(n, "TimeoutSeconds", p), integer(n, "HeartbeatSeconds", p), retriers(n, p), catchers(n, p));
            case "Pass":
                return new PassState(name, at, comment, ql, flow(n, p));
            case "Choice":
                return choice(name, at, comment, ql, n, p);
            case "Wait":
                return waitState(name, at, comment, ql, n, p);
            case "Succeed":
                return new SucceedState(name, at, comment, ql);
            case "Fail":
                return new FailState(name, at, comment, ql, text(n, "Error", p), text(n, "Cause", p));
            // Spec "Query Languages": the states inside a Map or Parallel default to the state machine's query language,
            // "independent of the Map or Parallel State's query language".
            case "Parallel":
                return parallel(name, at, comment, ql, machineQl, n, p);
            case "Map":
                return map(name, at, comment, ql, machineQl, n, p);
            default:
                diags.error(DiagnosticCode.ASL_TYPE_UNKNOWN, p + "/Type",
                        "state \"" + name + "\" has unknown Type \"" + type + "\"; expected one of " + TYPES);
                return standIn(name, at, comment, ql, n, p);
        }
    }

    /** A Pass keeps the place of a state whose kind could not be read, so its neighbours' Next still resolve. */
    private PassState standIn(String name, SourceLocation at, Optional<String> comment, Optional<QueryLanguage> ql, JsonNode n, String p) {
        Flow f = flow(n, p);
        // Already reported; ending here keeps the "needs Next or End" and "can never end" checks from piling on.
        return new PassState(name, at, comment, ql, f.next().isEmpty() && !f.end() ? Flow.ending() : f);
    }

    private String resource(JsonNode n, String p) {
        Optional<String> r = text(n, "Resource", p);
        if (r.isEmpty() && !n.has("Resource")) {
            diags.error(DiagnosticCode.ASL_FIELD_MISSING, p,
                    "Task state needs a Resource (a Lambda function ARN or a service integration ARN)");
        }
        return r.orElse("");
    }

    private Flow flow(JsonNode n, String p) {
        Optional<String> next = text(n, "Next", p);
        boolean end = false;
        JsonNode e = n.get("End");
        if (e != null) {
            if (e.isBoolean()) {
                end = e.booleanValue();
            } else {
                diags.error(DiagnosticCode.ASL_FIELD_TYPE, p + "/End", "End must be true or false, not " + describe(e));
            }
        }
        return new Flow(next, end);
    }

    private ChoiceState choice(String name, SourceLocation at, Optional<String> comment, Optional<QueryLanguage> ql, JsonNode n, String p) {
        List<ChoiceRule> rules = new ArrayList<>();
        JsonNode c = n.get("Choices");
        if (c != null && !c.isArray()) {
            diags.error(DiagnosticCode.ASL_FIELD_TYPE, p + "/Choices", "Choices must be a list of rules, not " + describe(c));
        } else if (c != null) {
            for (int i = 0; i < c.size(); i++) {
                String rp = p + "/Choices/" + i;
                JsonNode r = c.get(i);
                if (!r.isObject()) {
                    diags.error(DiagnosticCode.ASL_CHOICE_RULE, rp, "a Choice rule must be an object, not " + describe(r));
                    continue;
                }
                rules.add(new ChoiceRule(i, text(r, "Next", rp).orElse(""), r, tree.at(rp)));
            }
        }
        return new ChoiceState(name, at, comment, ql, rules, text(n, "Default", p));
    }

    private WaitState waitState(String name, SourceLocation at, Optional<String> comment, Optional<QueryLanguage> ql, JsonNode n, String p) {
        OptionalDouble seconds = OptionalDouble.empty();
        Optional<String> expression = Optional.empty();
        JsonNode s = n.get("Seconds");
        if (s != null) {
            if (s.isNumber()) {
                seconds = OptionalDouble.of(s.doubleValue());
            } else if (s.isTextual() && (isJsonata(s.textValue()) || isPlaceholder(s.textValue()))) {
                expression = Optional.of(s.textValue());
            } else {
                diags.error(DiagnosticCode.ASL_FIELD_TYPE, p + "/Seconds",
                        "Seconds must be a number of seconds (or a JSONata expression \"{% ... %}\"), not " + describe(s));
            }
        }
        return new WaitState(name, at, comment, ql, flow(n, p), seconds, expression, text(n, "Timestamp", p),
                text(n, "SecondsPath", p), text(n, "TimestampPath", p));
    }

    private ParallelState parallel(String name, SourceLocation at, Optional<String> comment, Optional<QueryLanguage> ql,
                                   QueryLanguage inner, JsonNode n, String p) {
        List<StateMachine> branches = new ArrayList<>();
        JsonNode b = n.get("Branches");
        if (b == null) {
            diags.error(DiagnosticCode.ASL_FIELD_MISSING, p, "Parallel state \"" + name + "\" needs Branches, a list of state machines");
        } else if (!b.isArray()) {
            diags.error(DiagnosticCode.ASL_FIELD_TYPE, p + "/Branches", "Branches must be a list of state machines, not " + describe(b));
        } else {
            for (int i = 0; i < b.size(); i++) {
                String bp = p + "/Branches/" + i;
                if (b.get(i).isObject()) {
                    branches.add(machine(b.get(i), bp, inner));
                } else {
                    diags.error(DiagnosticCode.ASL_FIELD_TYPE, bp,
                            "a Parallel branch must be a state machine object with StartAt and States, not " + describe(b.get(i)));
                }
            }
        }
        return new ParallelState(name, at, comment, ql, flow(n, p), branches, retriers(n, p), catchers(n, p));
    }

    private MapState map(String name, SourceLocation at, Optional<String> comment, Optional<QueryLanguage> ql,
                         QueryLanguage inner, JsonNode n, String p) {
        String field = n.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (n.has("ItemProcessor") && n.has("Iterator")) {
            diags.error(DiagnosticCode.ASL_FIELD_CONFLICT, p + "/Iterator",
                    "Map state \"" + name + "\" has both ItemProcessor and Iterator; keep ItemProcessor");
        }
        JsonNode proc = n.get(field);
        String pp = p + "/" + field;
        StateMachine processor;
        MapState.Mode mode = MapState.Mode.INLINE;
        MapState.ExecutionType execution = MapState.ExecutionType.STANDARD;
        if (proc == null || !proc.isObject()) {
            diags.error(DiagnosticCode.ASL_FIELD_MISSING, proc == null ? p : pp,
                    "Map state \"" + name + "\" needs an ItemProcessor object with StartAt and States"
                    + (proc == null ? "" : ", not " + describe(proc)));
            processor = new StateMachine("", Map.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(), inner, pp);
        } else {
            processor = machine(proc, pp, inner);
            JsonNode config = proc.get("ProcessorConfig");
            String cp = pp + "/ProcessorConfig";
            if (config != null && !config.isObject()) {
                diags.error(DiagnosticCode.ASL_FIELD_TYPE, cp, "ProcessorConfig must be an object, not " + describe(config));
            } else if (config != null) {
                Optional<String> m = text(config, "Mode", cp);
                if (m.isPresent()) {
                    switch (m.get()) {
                        case "INLINE" -> mode = MapState.Mode.INLINE;
                        case "DISTRIBUTED" -> mode = MapState.Mode.DISTRIBUTED;
                        default -> diags.error(DiagnosticCode.ASL_VALUE_INVALID, cp + "/Mode",
                                "Mode must be INLINE or DISTRIBUTED, not \"" + m.get() + "\"");
                    }
                }
                Optional<String> x = text(config, "ExecutionType", cp);
                if (x.isPresent()) {
                    switch (x.get()) {
                        case "STANDARD" -> execution = MapState.ExecutionType.STANDARD;
                        case "EXPRESS" -> execution = MapState.ExecutionType.EXPRESS;
                        default -> diags.error(DiagnosticCode.ASL_VALUE_INVALID, cp + "/ExecutionType",
                                "ExecutionType must be STANDARD or EXPRESS, not \"" + x.get() + "\"");
                    }
                }
            }
        }
        return new MapState(name, at, comment, ql, flow(n, p), processor, mode, execution,
                object(n, "ItemReader", p), batcher(n, p), text(n, "ItemsPath", p), Optional.ofNullable(n.get("Items")),
                integer(n, "MaxConcurrency", p), number(n, "ToleratedFailurePercentage", p),
                integer(n, "ToleratedFailureCount", p), object(n, "ResultWriter", p), text(n, "Label", p),
                retriers(n, p), catchers(n, p));
    }

    private Optional<ItemBatcher> batcher(JsonNode n, String p) {
        JsonNode b = n.get("ItemBatcher");
        String bp = p + "/ItemBatcher";
        if (b == null) {
            return Optional.empty();
        }
        if (!b.isObject()) {
            diags.error(DiagnosticCode.ASL_FIELD_TYPE, bp, "ItemBatcher must be an object, not " + describe(b));
            return Optional.empty();
        }
        OptionalInt items = integer(b, "MaxItemsPerBatch", bp);
        OptionalInt bytes = integer(b, "MaxInputBytesPerBatch", bp);
        boolean fromPath = b.has("MaxItemsPerBatchPath") || b.has("MaxInputBytesPerBatchPath")
                || isExpression(b.get("MaxItemsPerBatch"));
        return Optional.of(new ItemBatcher(items, bytes.isPresent() ? OptionalLong.of(bytes.getAsInt()) : OptionalLong.empty(), fromPath));
    }

    private List<Retrier> retriers(JsonNode n, String p) {
        List<Retrier> out = new ArrayList<>();
        for (JsonNode r : entries(n, "Retry", p)) {
            String rp = p + "/Retry/" + out.size();
            Retrier.JitterStrategy jitter = Retrier.JitterStrategy.NONE;
            Optional<String> j = text(r, "JitterStrategy", rp);
            if (j.isPresent()) {
                switch (j.get()) {
                    case "FULL" -> jitter = Retrier.JitterStrategy.FULL;
                    case "NONE" -> jitter = Retrier.JitterStrategy.NONE;
                    default -> diags.error(DiagnosticCode.ASL_VALUE_INVALID, rp + "/JitterStrategy",
                            "JitterStrategy must be FULL or NONE, not \"" + j.get() + "\"");
                }
            }
            out.add(new Retrier(errorEquals(r, rp),
                    number(r, "IntervalSeconds", rp).orElse(Retrier.DEFAULT_INTERVAL_SECONDS),
                    integer(r, "MaxAttempts", rp).orElse(Retrier.DEFAULT_MAX_ATTEMPTS),
                    number(r, "BackoffRate", rp).orElse(Retrier.DEFAULT_BACKOFF_RATE),
                    number(r, "MaxDelaySeconds", rp), jitter, tree.at(rp)));
        }
        return out;
    }

    private List<Catcher> catchers(JsonNode n, String p) {
        List<Catcher> out = new ArrayList<>();
        for (JsonNode c : entries(n, "Catch", p)) {
            String cp = p + "/Catch/" + out.size();
            Optional<String> result = text(c, "ResultPath", cp);
            JsonNode output = c.get("Output");
            if (result.isEmpty() && output != null) {
                result = Optional.of(output.isTextual() ? output.textValue() : output.toString());
            }
            if (!c.has("Next")) {
                diags.error(DiagnosticCode.ASL_NEXT_MISSING, cp, "a Catch entry needs Next, the state to go to when it catches an error");
            }
            out.add(new Catcher(errorEquals(c, cp), text(c, "Next", cp).orElse(""), result, tree.at(cp)));
        }
        return out;
    }

    /** The object entries of a Retry or Catch list; entries that are not objects are reported and left out. */
    private List<JsonNode> entries(JsonNode n, String field, String p) {
        JsonNode list = n.get(field);
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            diags.error(DiagnosticCode.ASL_FIELD_TYPE, p + "/" + field, field + " must be a list of objects, not " + describe(list));
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isObject()) {
                out.add(list.get(i));
            } else {
                diags.error(DiagnosticCode.ASL_FIELD_TYPE, p + "/" + field + "/" + i,
                        "a " + field + " entry must be an object, not " + describe(list.get(i)));
                break; // later indexes would no longer match their pointers
            }
        }
        return out;
    }

    private List<String> errorEquals(JsonNode n, String p) {
        JsonNode e = n.get("ErrorEquals");
        if (e == null) {
            return List.of(); // the validator reports the empty list
        }
        if (!e.isArray()) {
            diags.error(DiagnosticCode.ASL_FIELD_TYPE, p + "/ErrorEquals", "ErrorEquals must be a list of error names, not " + describe(e));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            if (e.get(i).isTextual()) {
                out.add(e.get(i).textValue());
            } else {
                diags.error(DiagnosticCode.ASL_FIELD_TYPE, p + "/ErrorEquals/" + i,
                        "an error name must be a string, not " + describe(e.get(i)));
            }
        }
        return out;
    }

    private Optional<QueryLanguage> queryLanguage(JsonNode n, String p) {
        Optional<String> q = text(n, "QueryLanguage", p);
        if (q.isEmpty()) {
            return Optional.empty();
        }
        switch (q.get()) {
            case "JSONata":
                return Optional.of(QueryLanguage.JSONATA);
            case "JSONPath":
                return Optional.of(QueryLanguage.JSONPATH);
            default:
                diags.error(DiagnosticCode.ASL_VALUE_INVALID, p + "/QueryLanguage",
                        "QueryLanguage must be \"JSONPath\" or \"JSONata\", not \"" + q.get() + "\"");
                return Optional.empty();
        }
    }

    // ---- typed field access: wrong types become diagnostics, placeholders become absent values ----

    private Optional<String> text(JsonNode n, String field, String p) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            diags.error(DiagnosticCode.ASL_FIELD_TYPE, p + "/" + field, field + " must be a string, not " + describe(v));
            return Optional.empty();
        }
        return Optional.of(v.textValue());
    }

    private Optional<JsonNode> object(JsonNode n, String field, String p) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            diags.error(DiagnosticCode.ASL_FIELD_TYPE, p + "/" + field, field + " must be an object, not " + describe(v));
            return Optional.empty();
        }
        return Optional.of(v);
    }

    private OptionalInt integer(JsonNode n, String field, String p) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || opaque(v, field, p)) {
            return OptionalInt.empty();
        }
        if (!v.isNumber() || !isWhole(v)) {
            diags.error(DiagnosticCode.ASL_FIELD_TYPE, p + "/" + field, field + " must be a whole number, not " + describe(v));
            return OptionalInt.empty();
        }
        if (!v.canConvertToInt()) {
            diags.error(DiagnosticCode.ASL_VALUE_INVALID, p + "/" + field, field + " is too large: " + v.asText());
            return OptionalInt.empty();
        }
        return OptionalInt.of(v.intValue());
    }

    private OptionalDouble number(JsonNode n, String field, String p) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || opaque(v, field, p)) {
            return OptionalDouble.empty();
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            diags.error(DiagnosticCode.ASL_FIELD_TYPE, p + "/" + field, field + " must be a number, not " + describe(v));
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v.doubleValue());
    }

    /** A number field given as a SAM/CDK placeholder or a JSONata expression: its value is unknown until deployment or run time. */
    private boolean opaque(JsonNode v, String field, String p) {
        if (!v.isTextual()) {
            return false;
        }
        if (isPlaceholder(v.textValue())) {
            diags.info(DiagnosticCode.ASL_PLACEHOLDER, p + "/" + field, field + " is the placeholder " + v.textValue()
                    + "; its value is unknown until deployment, so it is treated as not set");
            return true;
        }
        return isJsonata(v.textValue());
    }

    private static boolean isExpression(JsonNode v) {
        return v != null && v.isTextual() && (isJsonata(v.textValue()) || isPlaceholder(v.textValue()));
    }

    private static boolean isWhole(JsonNode v) {
        return v.isIntegralNumber() || (v.isFloatingPointNumber() && v.doubleValue() == Math.rint(v.doubleValue())
                && Double.isFinite(v.doubleValue()));
    }

    static boolean isPlaceholder(String s) {
        return s.contains("${");
    }

    static boolean isJsonata(String s) {
        String t = s.trim();
        return t.startsWith("{%") && t.endsWith("%}");
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            String t = v.textValue();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isNull()) {
            return "null";
        }
        return v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + v.asText();
    }
}
