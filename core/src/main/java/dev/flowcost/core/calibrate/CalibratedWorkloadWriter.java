package dev.flowcost.core.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.SourceLocation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes calibrated values as a workload file (YAML, the contract in DESIGN.md), each calibrated key followed by a
 * comment saying where it came from. Given a hand-written base workload, its keys win unless {@code overwrite}: a kept
 * key gets a comment with what the data said instead. A base without {@code workflows:} (top-level keys for the single
 * input) keeps them, and each calibrated workflow gets a copy so they still apply to it. Comments of the base file are
 * not carried over (the YAML reader drops them); its keys and values are.
 */
public final class CalibratedWorkloadWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> WORKFLOW_KEYS = Set.of("workflowType", "executionsPerMonth", "billedMemoryMb",
            "states", "tasks", "lambdaArchitecture");
    private static final Set<String> FAILURE_KEYS = Set.of("failureRate", "errors");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");

    private CalibratedWorkloadWriter() {
    }

    /**
     * The merged workload.
     *
     * @param yaml     the file's text
     * @param tree     the same as a tree (what {@code yaml} parses to)
     * @param kept     labels of calibrated values not written because the base has the key by hand
     * @param replaced labels of base values the calibration replaced ({@code overwrite})
     * @param written  the calibrated values that are in the file
     */
    public record Result(String yaml, ObjectNode tree, List<String> kept, List<String> replaced,
                         List<CalibratedValue> written) {
    }

    public static Result write(List<CalibratedValue> values, Optional<JsonNode> base, boolean overwrite, String header) {
        ObjectNode root = base.filter(JsonNode::isObject).map(b -> (ObjectNode) b.deepCopy()).orElseGet(NODES::objectNode);
        Map<String, String> comments = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<CalibratedValue> written = new ArrayList<>();
        ObjectNode single = NODES.objectNode();
        for (String k : WORKFLOW_KEYS) {
            if (root.has(k)) {
                single.set(k, root.get(k));
            }
        }
        ObjectNode workflows = root.has("workflows") && root.get("workflows").isObject()
                ? (ObjectNode) root.get("workflows") : null;
        for (CalibratedValue v : values) {
            if (workflows == null) {
                workflows = root.putObject("workflows");
            }
            ObjectNode wf;
            if (workflows.get(v.workflow()) instanceof ObjectNode existing) {
                wf = existing;
            } else {
                wf = workflows.putObject(v.workflow());
                single.fields().forEachRemaining(e -> wf.set(e.getKey(), e.getValue().deepCopy()));
            }
            ObjectNode target = wf;
            String pointer = "/workflows/" + SourceLocation.escapeToken(v.workflow());
            if (!v.section().isEmpty()) {
                target = child(child(wf, v.section()), v.step());
                pointer += "/" + v.section() + "/" + SourceLocation.escapeToken(v.step());
            }
            boolean failure = FAILURE_KEYS.contains(v.key());
            boolean present = failure ? target.has("failureRate") || target.has("errors") : target.has(v.key());
            String keyPointer = pointer + "/" + SourceLocation.escapeToken(v.key());
            if (present && !overwrite) {
                kept.add(v.label());
                String existingKey = failure ? (target.has("failureRate") ? "failureRate" : "errors") : v.key();
                comments.put(pointer + "/" + SourceLocation.escapeToken(existingKey), "hand-written, kept; the data say "
                        + inline(v.value()) + " (" + v.provenance() + ")");
                continue;
            }
            if (present) {
                replaced.add(v.label());
                if (failure) {
                    target.remove("failureRate");
                    target.remove("errors");
                }
            }
            target.set(v.key(), v.value());
            comments.put(keyPointer, "calibrated: " + v.provenance());
            written.add(v);
        }
        StringBuilder out = new StringBuilder();
        for (String line : header.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.append("# ").append(line).append('\n');
            }
        }
        emitObject(root, "", 0, comments, out);
        return new Result(out.toString(), root, kept, replaced, written);
    }

    private static ObjectNode child(ObjectNode parent, String key) {
        JsonNode n = parent.get(key);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(key);
    }

    private static void emitObject(ObjectNode o, String pointer, int indent, Map<String, String> comments,
                                   StringBuilder out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = pointer + "/" + SourceLocation.escapeToken(e.getKey());
            JsonNode v = e.getValue();
            out.append("  ".repeat(indent)).append(key(e.getKey())).append(':');
            String comment = comments.get(p);
            if (v.isObject() && (!isFlat(v) || hasCommentBelow(p, comments))) {
                if (comment != null) {
                    out.append("  # ").append(oneLine(comment));
                }
                out.append('\n');
                emitObject((ObjectNode) v, p, indent + 1, comments, out);
            } else if (v.isArray() && !isFlat(v)) {
                out.append('\n');
                for (JsonNode item : v) {
                    out.append("  ".repeat(indent + 1)).append("- ").append(inline(item)).append('\n');
                }
            } else {
                out.append(' ').append(inline(v));
                if (comment != null) {
                    out.append("  # ").append(oneLine(comment));
                }
                out.append('\n');
            }
        }
    }

    /** Whether a key below {@code pointer} has a comment: then the object is written in block style to carry it. */
    private static boolean hasCommentBelow(String pointer, Map<String, String> comments) {
        String prefix = pointer + "/";
        return comments.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    private static boolean isFlat(JsonNode v) {
        if (v.size() > 12) {
            return false;
        }
        for (JsonNode c : v) {
            if (c.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /** A node in YAML flow style: scalars, [a, b], {k: v}. */
    static String inline(JsonNode v) {
        if (v.isObject()) {
            StringBuilder b = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append(key(e.getKey())).append(": ").append(inline(e.getValue()));
                if (it.hasNext()) {
                    b.append(", ");
                }
            }
            return b.append('}').toString();
        }
        if (v.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < v.size(); i++) {
                b.append(i > 0 ? ", " : "").append(inline(v.get(i)));
            }
            return b.append(']').toString();
        }
        if (v.isTextual()) {
            return scalarText(v.asText());
        }
        if (v.isNull()) {
            return "null";
        }
        return v.asText();
    }

    private static String key(String k) {
        return PLAIN.matcher(k).matches() && !RESERVED.contains(k.toLowerCase(java.util.Locale.ROOT)) ? k : quoted(k);
    }

    private static String scalarText(String s) {
        return PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT)) ? s : quoted(s);
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
