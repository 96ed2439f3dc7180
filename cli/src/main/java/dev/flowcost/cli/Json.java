package dev.flowcost.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.Diagnostic;
import java.util.List;

/** The one place the CLI turns its own small results (not an Analysis) into JSON. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String pretty(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ArrayNode diagnostics(List<Diagnostic> diagnostics) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (Diagnostic d : diagnostics) {
            ObjectNode o = arr.addObject();
            o.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
            o.put("file", d.file());
            if (d.line() > 0) {
                o.put("line", d.line());
                o.put("column", d.column());
            }
            if (!d.pointer().isEmpty()) {
                o.put("pointer", d.pointer());
            }
            o.put("message", d.message());
        }
        return arr;
    }
}
