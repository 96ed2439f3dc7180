package dev.flowcost.report.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one JSON form of a {@link Diagnostic}, shared by every command that writes JSON (validate, inspect, simulate,
 * advise): {@code {"severity", "code", "file", "line", "column", "pointer"?, "message"}}, with line and column 0 when
 * unknown and the pointer only when there is one ({@code docs/schema/*.schema.json}, definition "diagnostic").
 */
public final class DiagnosticJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DiagnosticJson() {
    }

    public static ArrayNode array(List<Diagnostic> diagnostics) {
        ArrayNode arr = NODES.arrayNode();
        diagnostics.forEach(d -> arr.add(object(d)));
        return arr;
    }

    public static ObjectNode object(Diagnostic d) {
        ObjectNode o = NODES.objectNode();
        o.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
        o.put("code", d.code().id());
        o.put("file", d.file());
        o.put("line", d.line());
        o.put("column", d.column());
        if (!d.pointer().isEmpty()) {
            o.put("pointer", d.pointer());
        }
        o.put("message", d.message());
        return o;
    }

    /** A diagnostic written by {@link #object}, or empty when the node is not one (a field missing or unknown). */
    public static Optional<Diagnostic> read(JsonNode o) {
        if (o == null || !o.isObject() || !o.path("message").isTextual() || !o.path("file").isTextual()) {
            return Optional.empty();
        }
        Optional<Severity> severity;
        try {
            severity = Optional.of(Severity.valueOf(o.path("severity").asText("").toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            severity = Optional.empty();
        }
        Optional<DiagnosticCode> code = DiagnosticCode.ofId(o.path("code").asText(""));
        if (severity.isEmpty() || code.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Diagnostic(severity.get(), code.get(), o.get("file").asText(), o.path("pointer").asText(""),
                Math.max(0, o.path("line").asInt(0)), Math.max(0, o.path("column").asInt(0)), o.get("message").asText()));
    }
}
