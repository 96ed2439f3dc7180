package dev.flowcost.core.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a state machine against the Amazon States Language rules that decide whether Step Functions would accept it
 * and whether flowcost can count it: every name resolves in its own scope, every path can end, numbers are in range.
 * Inner machines (Map processors, Parallel branches) are checked the same way, each as its own scope.
 * Every finding names the JSON Pointer of the offending field and, where known, its line and column.
 *
 * @see <a href="https://states-language.net/spec.html">Amazon States Language specification</a>
 */
public final class AslValidator {

    /** Step Functions' limit on a Distributed Map batch's input size (256 KiB). */
    public static final long MAX_INPUT_BYTES_PER_BATCH = 262_144;

    /**
     * Spec "States": a state name's "length MUST BE less than or equal to 80 Unicode characters"
     * (https://states-language.net/spec.html#states-fields).
     */
    public static final int MAX_STATE_NAME = 80;

    private static final Set<String> COMPARISONS = FieldMatrix.COMPARISONS;

    private final AslDiagnostics diags;
    private final Map<String, String> seenNames = new HashMap<>();

    private AslValidator(String file, Function<String, SourceLocation> locate) {
        this.diags = new AslDiagnostics(file, locate, new ArrayList<>());
    }

    /** Validates {@code machine}; findings carry JSON Pointers (lines only where the model's locations have them). */
    public static List<Diagnostic> validate(String file, StateMachine machine) {
        return validate(file, machine, pointer -> new SourceLocation(pointer, 0, 0));
    }

    /**
     * Validates {@code machine}, asking {@code locate} for the line and column of each pointer it reports
     * (the reader passes the locations it recorded while parsing).
     */
    public static List<Diagnostic> validate(String file, StateMachine machine, Function<String, SourceLocation> locate) {
        AslValidator v = new AslValidator(file, locate);
        v.machine(machine);
        return v.diags.found();
    }

    /**
     * Validates {@code machine} and, field by field, the {@code definition} it was built from ({@link FieldRules}:
     * unknown fields, query languages, Map modes, intrinsic functions, integrations), which the model alone cannot show.
     */
    public static List<Diagnostic> validate(String file, StateMachine machine, JsonNode definition,
                                            Function<String, SourceLocation> locate) {
        List<Diagnostic> out = new ArrayList<>(validate(file, machine, locate));
        out.addAll(FieldRules.check(file, definition, locate));
        return List.copyOf(out);
    }

    private void machine(StateMachine m) {
        String p = m.pointer();
        Map<String, State> states = m.states();
        if (states.isEmpty()) {
            diags.error(DiagnosticCode.ASL_FIELD_MISSING, p.isEmpty() ? "" : p,
                    where(p) + "has no States; a state machine needs at least one state");
        }
        if (m.startAt().isEmpty()) {
            diags.error(DiagnosticCode.ASL_FIELD_MISSING, p.isEmpty() ? "" : p, where(p) + "has no StartAt; name the first state to run");
        } else if (!states.isEmpty() && !states.containsKey(m.startAt())) {
            diags.error(DiagnosticCode.ASL_NEXT_UNKNOWN, p + "/StartAt", "StartAt names " + missing(m.startAt(), states));
        }
        if (m.timeoutSeconds().isPresent() && m.timeoutSeconds().getAsInt() <= 0) {
            diags.error(DiagnosticCode.ASL_VALUE_INVALID, p + "/TimeoutSeconds",
                    "TimeoutSeconds must be greater than 0, not " + m.timeoutSeconds().getAsInt());
        }
        for (State s : states.values()) {
            String sp = s.location().pointer().isEmpty() ? p + "/States/" + SourceLocation.escapeToken(s.name()) : s.location().pointer();
            int length = s.name().codePointCount(0, s.name().length());
            if (length > MAX_STATE_NAME) {
                diags.error(DiagnosticCode.ASL_NAME_TOO_LONG, sp,
                        "state name \"" + s.name().substring(0, s.name().offsetByCodePoints(0, 40)) + "…\" is " + length
                        + " characters long; Step Functions allows at most " + MAX_STATE_NAME);
            }
            String other = seenNames.putIfAbsent(s.name(), sp);
            if (other != null) {
                diags.error(DiagnosticCode.ASL_NAME_DUPLICATE, sp,
                        "state name \"" + s.name() + "\" is already used at " + other + "; state names must be unique in the whole state machine");
            }
            state(s, sp, m);
        }
        if (!states.isEmpty() && states.containsKey(m.startAt())) {
            reachability(m);
        }
    }

    private void state(State s, String p, StateMachine m) {
        Map<String, State> scope = m.states();
        s.next().ifPresent(n -> resolve(n, p + "/Next", scope));
        if (s instanceof TaskState || s instanceof PassState || s instanceof WaitState || s instanceof ParallelState
                || s instanceof MapState) {
            boolean hasNext = s.next().isPresent();
            if (hasNext && s.isEnd()) {
                diags.error(DiagnosticCode.ASL_FIELD_CONFLICT, p, s.type() + " state \"" + s.name() + "\" has both Next and End; keep one");
            } else if (!hasNext && !s.isEnd()) {
                diags.error(DiagnosticCode.ASL_NEXT_MISSING, p,
                        s.type() + " state \"" + s.name() + "\" needs Next (the state to go to) or \"End\": true");
            }
        }
        retries(s, p);
        catchers(s, p, scope);
        if (s instanceof TaskState t) {
            task(t, p);
        } else if (s instanceof ChoiceState c) {
            choice(c, p, m);
        } else if (s instanceof WaitState w) {
            waitState(w, p);
        } else if (s instanceof ParallelState par) {
            if (par.branches().isEmpty()) {
                diags.error(DiagnosticCode.ASL_FIELD_MISSING, p,
                        "Parallel state \"" + s.name() + "\" has no Branches; give it at least one");
            }
            for (StateMachine b : par.branches()) {
                machine(b);
            }
        } else if (s instanceof MapState map) {
            map(map, p);
            machine(map.processor());
        }
    }

    private void task(TaskState t, String p) {
        if (t.timeoutSeconds().isPresent() && t.timeoutSeconds().getAsInt() <= 0) {
            diags.error(DiagnosticCode.ASL_VALUE_INVALID, p + "/TimeoutSeconds",
                    "TimeoutSeconds must be greater than 0, not " + t.timeoutSeconds().getAsInt());
        }
        if (t.heartbeatSeconds().isPresent()) {
            int hb = t.heartbeatSeconds().getAsInt();
            if (hb <= 0) {
                diags.error(DiagnosticCode.ASL_VALUE_INVALID, p + "/HeartbeatSeconds",
                        "HeartbeatSeconds must be greater than 0, not " + hb);
            } else if (t.timeoutSeconds().isPresent() && hb >= t.timeoutSeconds().getAsInt()) {
                diags.error(DiagnosticCode.ASL_VALUE_INVALID, p + "/HeartbeatSeconds",
                        "HeartbeatSeconds (" + hb + ") must be less than TimeoutSeconds ("
                        + t.timeoutSeconds().getAsInt() + ")");
            }
        }
    }

    private void choice(ChoiceState c, String p, StateMachine m) {
        if (c.choices().isEmpty()) {
            diags.error(DiagnosticCode.ASL_FIELD_MISSING, p, "Choice state \"" + c.name() + "\" has no Choices; give it at least one rule");
        }
        boolean jsonata = c.queryLanguage().orElse(m.queryLanguage()) == QueryLanguage.JSONATA;
        for (ChoiceRule r : c.choices()) {
            String rp = p + "/Choices/" + r.index();
            if (r.next().isEmpty()) {
                diags.error(DiagnosticCode.ASL_NEXT_MISSING, rp,
                        "Choice rule " + r.index() + " of \"" + c.name() + "\" needs Next, the state to go to when it matches");
            } else {
                resolve(r.next(), rp + "/Next", m.states());
            }
            rule(r.condition(), rp, jsonata, 0);
        }
        c.defaultNext().ifPresent(d -> resolve(d, p + "/Default", m.states()));
    }

    /** Checks one rule (or nested rule) is exactly one well-formed condition. */
    private void rule(JsonNode r, String p, boolean jsonata, int depth) {
        if (r == null || !r.isObject()) {
            diags.error(DiagnosticCode.ASL_CHOICE_RULE, p, "a Choice rule must be an object");
            return;
        }
        if (jsonata) {
            JsonNode cond = r.get("Condition");
            if (cond == null) {
                diags.error(DiagnosticCode.ASL_CHOICE_RULE, p,
                        "a JSONata Choice rule needs a Condition, e.g. \"Condition\": \"{% $states.input.n > 3 %}\"");
            } else if (!cond.isTextual() && !cond.isBoolean()) {
                diags.error(DiagnosticCode.ASL_CHOICE_RULE, p + "/Condition",
                        "Condition must be a JSONata expression string \"{% ... %}\"");
            }
            return;
        }
        if (r.has("Condition")) {
            diags.error(DiagnosticCode.ASL_FIELD_QUERY_LANGUAGE, p + "/Condition",
                    "Condition is a JSONata rule; set \"QueryLanguage\": \"JSONata\" or use Variable with a comparison");
            return;
        }
        List<String> ops = new ArrayList<>();
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (COMPARISONS.contains(f) || f.equals("And") || f.equals("Or") || f.equals("Not")) {
                ops.add(f);
            }
        }
        if (ops.size() != 1) {
            diags.error(DiagnosticCode.ASL_CHOICE_RULE, p, ops.isEmpty()
                    ? "Choice rule has no condition; give it Variable with a comparison (e.g. StringEquals), or And, Or or Not"
                    : "Choice rule has more than one condition (" + String.join(", ", ops) + "); use And or Or to combine them");
            return;
        }
        String op = ops.get(0);
        JsonNode v = r.get(op);
        String op_p = p + "/" + op;
        switch (op) {
            case "And", "Or" -> {
                if (!v.isArray() || v.isEmpty()) {
                    diags.error(DiagnosticCode.ASL_CHOICE_RULE, op_p, op + " must be a non-empty list of rules");
                } else if (depth < SourceParser.MAX_DEPTH) {
                    for (int i = 0; i < v.size(); i++) {
                        rule(v.get(i), op_p + "/" + i, false, depth + 1);
                    }
                }
            }
            case "Not" -> {
                if (!v.isObject()) {
                    diags.error(DiagnosticCode.ASL_CHOICE_RULE, op_p, "Not must be a single rule object");
                } else if (depth < SourceParser.MAX_DEPTH) {
                    rule(v, op_p, false, depth + 1);
                }
            }
            default -> {
                if (!r.has("Variable")) {
                    diags.error(DiagnosticCode.ASL_CHOICE_RULE, p,
                            "Choice rule with " + op + " needs a Variable, the input path to compare");
                }
            }
        }
    }

    private void waitState(WaitState w, String p) {
        int given = (w.seconds().isPresent() || w.secondsExpression().isPresent() ? 1 : 0) + (w.timestamp().isPresent() ? 1 : 0)
                + (w.secondsPath().isPresent() ? 1 : 0) + (w.timestampPath().isPresent() ? 1 : 0);
        if (given != 1) {
            diags.error(DiagnosticCode.ASL_FIELD_MISSING, p,
                    "Wait state \"" + w.name() + "\" needs exactly one of Seconds, Timestamp, SecondsPath or TimestampPath"
                    + (given == 0 ? "" : " (it has " + given + ")"));
        }
        if (w.seconds().isPresent() && w.seconds().getAsDouble() < 0) {
            diags.error(DiagnosticCode.ASL_VALUE_INVALID, p + "/Seconds", "Seconds must not be negative");
        }
    }

    private void map(MapState m, String p) {
        if (m.maxConcurrency().isPresent() && m.maxConcurrency().getAsInt() < 0) {
            diags.error(DiagnosticCode.ASL_VALUE_INVALID, p + "/MaxConcurrency",
                    "MaxConcurrency must be 0 (no limit) or more, not " + m.maxConcurrency().getAsInt());
        }
        if (m.toleratedFailurePercentage().isPresent()) {
            double pct = m.toleratedFailurePercentage().getAsDouble();
            if (pct < 0 || pct > 100) {
                diags.error(DiagnosticCode.ASL_VALUE_INVALID, p + "/ToleratedFailurePercentage",
                        "ToleratedFailurePercentage must be between 0 and 100, not " + fmt(pct));
            }
        }
        if (m.toleratedFailureCount().isPresent() && m.toleratedFailureCount().getAsInt() < 0) {
            diags.error(DiagnosticCode.ASL_VALUE_INVALID, p + "/ToleratedFailureCount", "ToleratedFailureCount must not be negative");
        }
        m.itemBatcher().ifPresent(b -> {
            if (b.maxItemsPerBatch().isPresent() && b.maxItemsPerBatch().getAsInt() < 1) {
                diags.error(DiagnosticCode.ASL_VALUE_INVALID, p + "/ItemBatcher/MaxItemsPerBatch",
                        "MaxItemsPerBatch must be at least 1, not " + b.maxItemsPerBatch().getAsInt());
            }
            if (b.maxInputBytesPerBatch().isPresent()) {
                long bytes = b.maxInputBytesPerBatch().getAsLong();
                if (bytes < 1 || bytes > MAX_INPUT_BYTES_PER_BATCH) {
                    diags.error(DiagnosticCode.ASL_VALUE_INVALID, p + "/ItemBatcher/MaxInputBytesPerBatch",
                            "MaxInputBytesPerBatch must be between 1 and "
                            + MAX_INPUT_BYTES_PER_BATCH + " (256 KiB), not " + bytes);
                }
            }
            if (!m.isDistributed()) {
                diags.warning(DiagnosticCode.ASL_FIELD_IGNORED, p + "/ItemBatcher",
                        "ItemBatcher only applies to a DISTRIBUTED Map; this inline Map ignores it");
            }
        });
    }

    private void retries(State s, String p) {
        List<Retrier> retry = s.retry();
        for (int i = 0; i < retry.size(); i++) {
            Retrier r = retry.get(i);
            String rp = r.location().pointer().isEmpty() ? p + "/Retry/" + i : r.location().pointer();
            errorList(r.errorEquals(), rp, i == retry.size() - 1, "Retry");
            if (r.maxAttempts() < 0) {
                diags.error(DiagnosticCode.ASL_VALUE_INVALID, rp + "/MaxAttempts", "MaxAttempts must be 0 or more, not " + r.maxAttempts());
            }
            if (r.backoffRate() < 1.0) {
                diags.error(DiagnosticCode.ASL_VALUE_INVALID, rp + "/BackoffRate",
                        "BackoffRate must be at least 1.0, not " + fmt(r.backoffRate()));
            }
            if (r.intervalSeconds() < 1) {
                diags.error(DiagnosticCode.ASL_VALUE_INVALID, rp + "/IntervalSeconds",
                        "IntervalSeconds must be at least 1, not " + fmt(r.intervalSeconds()));
            }
            if (r.maxDelaySeconds().isPresent() && r.maxDelaySeconds().getAsDouble() <= 0) {
                diags.error(DiagnosticCode.ASL_VALUE_INVALID, rp + "/MaxDelaySeconds",
                        "MaxDelaySeconds must be greater than 0, not " + fmt(r.maxDelaySeconds().getAsDouble()));
            }
        }
    }

    private void catchers(State s, String p, Map<String, State> scope) {
        List<Catcher> catchers = s.catchers();
        for (int i = 0; i < catchers.size(); i++) {
            Catcher c = catchers.get(i);
            String cp = c.location().pointer().isEmpty() ? p + "/Catch/" + i : c.location().pointer();
            errorList(c.errorEquals(), cp, i == catchers.size() - 1, "Catch");
            if (!c.next().isEmpty()) {
                resolve(c.next(), cp + "/Next", scope);
            }
        }
    }

    private void errorList(List<String> errors, String p, boolean last, String field) {
        if (errors.isEmpty()) {
            diags.error(DiagnosticCode.ASL_ERROR_EQUALS, p + "/ErrorEquals", "ErrorEquals must name at least one error");
            return;
        }
        if (errors.contains(ErrorNames.ALL)) {
            if (errors.size() > 1) {
                diags.error(DiagnosticCode.ASL_ERROR_EQUALS, p + "/ErrorEquals",
                        ErrorNames.ALL + " must be the only error name in its ErrorEquals");
            }
            if (!last) {
                diags.error(DiagnosticCode.ASL_ERROR_EQUALS, p + "/ErrorEquals",
                        "the " + field + " entry with " + ErrorNames.ALL + " must be the last one; entries after it never match");
            }
        }
    }

    /** Warns about states no path from StartAt reaches, and fails a machine that can never end. */
    private void reachability(StateMachine m) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(m.startAt());
        boolean canEnd = false;
        while (!todo.isEmpty()) {
            String n = todo.poll();
            State s = m.states().get(n);
            if (s == null || !seen.add(n)) {
                continue;
            }
            if (s.isEnd() || s instanceof FailState) {
                canEnd = true;
            }
            todo.addAll(s.successors());
        }
        for (State s : m.states().values()) {
            if (!seen.contains(s.name())) {
                diags.warning(DiagnosticCode.ASL_STATE_UNREACHABLE, pointerOf(s, m),
                        "state \"" + s.name() + "\" is unreachable: no path from StartAt \"" + m.startAt() + "\" leads to it");
            }
        }
        if (!canEnd) {
            diags.error(DiagnosticCode.ASL_NO_END, m.pointer().isEmpty() ? "" : m.pointer(), where(m.pointer())
                    + "can never end: no Succeed, Fail or \"End\": true state is reachable from StartAt \"" + m.startAt() + "\"");
        }
    }

    private void resolve(String target, String pointer, Map<String, State> scope) {
        if (!scope.containsKey(target)) {
            diags.error(DiagnosticCode.ASL_NEXT_UNKNOWN, pointer, missing(target, scope));
        }
    }

    private static String missing(String target, Map<String, State> scope) {
        Optional<String> hint = NameSuggester.closest(target, scope.keySet());
        return "state \"" + target + "\" does not exist" + hint.map(h -> " (did you mean \"" + h + "\"?)").orElse("");
    }

    private static String pointerOf(State s, StateMachine m) {
        return s.location().pointer().isEmpty() ? m.pointer() + "/States/" + SourceLocation.escapeToken(s.name()) : s.location().pointer();
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "the state machine " : "the inner state machine at " + pointer + " ";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
