package dev.flowcost.core.dag.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reading helpers shared by the JSON DAG formats: Airflow's {@code {"__type": ..., "__var": ...}} wrappers,
 * field names with or without a leading underscore, and the several ways a duration is written.
 */
final class JsonValues {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private JsonValues() {
    }

    /** Parses JSON; on failure adds an ERROR with line and column and returns null. */
    static JsonNode parse(String file, String content, List<Diagnostic> out) {
        try {
            JsonNode n = JSON.readTree(content);
            if (n == null || n.isMissingNode()) {
                out.add(Diagnostic.error(DiagnosticCode.INPUT_EMPTY, file, SourceLocation.UNKNOWN,
                        "the file is empty; expected a JSON object"));
                return null;
            }
            return n;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(0, at.getLineNr());
            int col = at == null ? 0 : Math.max(0, at.getColumnNr());
            out.add(Diagnostic.error(DiagnosticCode.INPUT_SYNTAX, file, new SourceLocation("", line, col),
                    "not valid JSON: " + dev.flowcost.core.input.LocatedParser.problem(e, "DAG file")));
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            out.add(Diagnostic.error(DiagnosticCode.INPUT_SYNTAX, file, SourceLocation.UNKNOWN,
                    "not valid JSON: " + e.getClass().getSimpleName()));
            return null;
        }
    }

    /** Strips any number of {@code {"__type": t, "__var": v}} wrappers. */
    static JsonNode unwrap(JsonNode n) {
        JsonNode cur = n;
        for (int i = 0; i < 64 && cur != null && cur.isObject() && cur.has("__var") && cur.has("__type"); i++) {
            cur = cur.get("__var");
        }
        return cur;
    }

    /** The wrapper type of {@code n} ("dict", "timedelta", "operator"), or "". */
    static String wrapperType(JsonNode n) {
        if (n != null && n.isObject() && n.has("__type") && n.get("__type").isTextual()) {
            return n.get("__type").asText();
        }
        return "";
    }

    /** The first present, non-null field among {@code names}, unwrapped; null when none. */
    static JsonNode field(JsonNode obj, String... names) {
        if (obj == null || !obj.isObject()) {
            return null;
        }
        for (String name : names) {
            JsonNode v = obj.get(name);
            if (v != null && !v.isNull()) {
                return unwrap(v);
            }
        }
        return null;
    }

    static String text(JsonNode obj, String... names) {
        JsonNode v = field(obj, names);
        return v != null && v.isValueNode() ? v.asText() : null;
    }

    static OptionalInt integer(JsonNode obj, String... names) {
        JsonNode v = field(obj, names);
        if (v != null && v.isNumber() && Double.isFinite(v.asDouble())) {
            return OptionalInt.of((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v.asDouble())));
        }
        if (v != null && v.isTextual()) {
            try {
                return OptionalInt.of(Integer.parseInt(v.asText().trim()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    static boolean bool(JsonNode obj, boolean dflt, String... names) {
        JsonNode v = field(obj, names);
        if (v == null) {
            return dflt;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual()) {
            return v.asText().trim().equalsIgnoreCase("true");
        }
        return dflt;
    }

    /**
     * A duration in seconds from a REST TimeDelta object ({@code days, seconds, microseconds}), a plain number of
     * seconds, a serialized {@code {"__type": "timedelta", "__var": 300.0}}, or "H:MM:SS" text.
     */
    static OptionalDouble seconds(JsonNode raw) {
        JsonNode v = unwrap(raw);
        if (v == null || v.isNull()) {
            return OptionalDouble.empty();
        }
        double s = Double.NaN;
        if (v.isNumber()) {
            s = v.asDouble();
        } else if (v.isObject() && (v.has("days") || v.has("seconds") || v.has("microseconds"))) {
            s = v.path("days").asDouble(0) * 86400.0 + v.path("seconds").asDouble(0)
                    + v.path("microseconds").asDouble(0) / 1_000_000.0;
        } else if (v.isTextual()) {
            s = parseClock(v.asText());
        }
        return Double.isFinite(s) && s >= 0 ? OptionalDouble.of(s) : OptionalDouble.empty();
    }

    /** "300", "0:05:00", "1 day, 0:00:00" → seconds; NaN when not understood. */
    static double parseClock(String text) {
        String t = text.trim();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException ignored) {
            // fall through
        }
        double days = 0;
        java.util.regex.Matcher d = java.util.regex.Pattern.compile("^(\\d+) days?,\\s*(.*)$").matcher(t);
        if (d.matches()) {
            days = Double.parseDouble(d.group(1));
            t = d.group(2);
        }
        String[] p = t.split(":");
        if (p.length != 3) {
            return Double.NaN;
        }
        try {
            return days * 86400 + Integer.parseInt(p[0]) * 3600.0 + Integer.parseInt(p[1]) * 60.0 + Double.parseDouble(p[2]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Text elements of an array (wrappers stripped); other elements are skipped. */
    static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        JsonNode a = unwrap(arr);
        if (a != null && a.isArray()) {
            for (JsonNode e : a) {
                if (e != null && e.isValueNode() && !e.isNull()) {
                    out.add(e.asText());
                }
            }
        }
        return out;
    }

    /** Scalar members of an object as text (for default_args and operator arguments). */
    static void scalars(JsonNode obj, Map<String, String> into) {
        JsonNode o = unwrap(obj);
        if (o == null || !o.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = unwrap(e.getValue());
            if (v != null && v.isValueNode() && !v.isNull()) {
                into.put(e.getKey(), v.asText());
            } else if (v != null && !v.isNull()) {
                into.put(e.getKey(), v.toString());
            }
        }
    }
}
