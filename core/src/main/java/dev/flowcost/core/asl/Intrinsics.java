package dev.flowcost.core.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads CloudFormation intrinsic functions ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join}, ...)
 * found in a template's state machine definition. flowcost cannot evaluate them, and need not: they only fill in
 * ARNs and names, which it counts as unknown placeholders ({@code ${...}}) like SAM's DefinitionSubstitutions.
 */
final class Intrinsics {

    private Intrinsics() {
    }

    /** True for a one-key object {@code {"Ref": ...}}, {@code {"Condition": ...}} or {@code {"Fn::Name": ...}}. */
    static boolean isIntrinsic(JsonNode v) {
        if (v == null || !v.isObject() || v.size() != 1) {
            return false;
        }
        String key = v.fieldNames().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    /**
     * Replaces, in place, every intrinsic inside {@code v} by the text it reads as, and returns {@code v}
     * (or the replacement when {@code v} itself is an intrinsic).
     */
    static JsonNode flatten(JsonNode v) {
        return flatten(v, 0);
    }

    private static JsonNode flatten(JsonNode v, int depth) {
        if (isIntrinsic(v)) {
            return TextNode.valueOf(placeholder(v, depth));
        }
        if (depth > SourceParser.MAX_DEPTH) {
            return v;
        }
        if (v instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode f = flatten(e.getValue(), depth + 1);
                if (f != e.getValue()) {
                    e.setValue(f);
                }
            }
        } else if (v instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode f = flatten(a.get(i), depth + 1);
                if (f != a.get(i)) {
                    a.set(i, f);
                }
            }
        }
        return v;
    }

    /**
     * The definition text a {@code DefinitionString} intrinsic stands for: a {@code Fn::Sub} template string, or a
     * {@code Fn::Join} of strings and values (the values become {@code ${...}} placeholders). Empty for anything else.
     */
    static Optional<String> definitionText(JsonNode v) {
        if (v == null) {
            return Optional.empty();
        }
        if (v.isTextual()) {
            return Optional.of(v.textValue());
        }
        if (!isIntrinsic(v)) {
            return Optional.empty();
        }
        String key = v.fieldNames().next();
        JsonNode arg = v.get(key);
        if (key.equals("Fn::Sub")) {
            JsonNode s = arg.isArray() && !arg.isEmpty() ? arg.get(0) : arg;
            return s.isTextual() ? Optional.of(s.textValue()) : Optional.empty();
        }
        if (key.equals("Fn::Join") && arg.isArray() && arg.size() == 2 && arg.get(0).isTextual()) {
            JsonNode parts = arg.get(1);
            if (isIntrinsic(parts) && parts.fieldNames().next().equals("Fn::Split")) {
                return Optional.empty();
            }
            if (!parts.isArray()) {
                return Optional.empty();
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    b.append(arg.get(0).textValue());
                }
                JsonNode part = parts.get(i);
                Optional<String> t = part.isTextual() ? Optional.of(part.textValue())
                        : isIntrinsic(part) ? Optional.of(placeholder(part, 1)) : Optional.empty();
                if (t.isEmpty()) {
                    return Optional.empty();
                }
                b.append(t.get());
            }
            return Optional.of(b.toString());
        }
        return Optional.empty();
    }

    /** The name of the function {@code v} calls ("Fn::If", "Ref"), for messages. */
    static String name(JsonNode v) {
        return isIntrinsic(v) ? v.fieldNames().next() : "";
    }

    /** How an intrinsic reads inside a definition: its text when it has one, else a {@code ${...}} placeholder naming it. */
    private static String placeholder(JsonNode v, int depth) {
        String key = v.fieldNames().next();
        JsonNode arg = v.get(key);
        switch (key) {
            case "Ref":
                return "${" + (arg.isTextual() ? arg.textValue() : "Ref") + "}";
            case "Fn::GetAtt":
                if (arg.isTextual()) {
                    return "${" + arg.textValue() + "}";
                }
                if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual() && arg.get(1).isTextual()) {
                    return "${" + arg.get(0).textValue() + "." + arg.get(1).textValue() + "}";
                }
                return "${Fn::GetAtt}";
            case "Fn::Sub":
            case "Fn::Join":
                if (depth < SourceParser.MAX_DEPTH) {
                    Optional<String> t = definitionText(v);
                    if (t.isPresent()) {
                        return t.get();
                    }
                }
                return "${" + key + "}";
            default:
                return "${" + key + "}";
        }
    }
}
