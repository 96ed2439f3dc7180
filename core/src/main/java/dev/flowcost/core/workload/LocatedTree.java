package dev.flowcost.core.workload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.SourceLocation;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON or YAML document as a Jackson tree plus the line and column of every member, keyed by JSON Pointer, so
 * diagnostics can say where a value sits. Jackson's own trees forget locations; this builds the tree from the
 * token stream and remembers them.
 */
final class LocatedTree {

    final JsonNode root;
    private final Map<String, int[]> locations;
    /** Pointers of keys written twice in one object (the later value wins). */
    final List<String> duplicates;

    private LocatedTree(JsonNode root, Map<String, int[]> locations, List<String> duplicates) {
        this.root = root;
        this.locations = locations;
        this.duplicates = duplicates;
    }

    /** Parses the whole document; null root for an empty document. Throws IOException for malformed input. */
    static LocatedTree parse(JsonFactory factory, byte[] content) throws IOException {
        Map<String, int[]> locations = new HashMap<>();
        List<String> duplicates = new java.util.ArrayList<>();
        try (JsonParser p = factory.createParser(content)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new LocatedTree(null, locations, duplicates);
            }
            locations.put("", position(p.currentTokenLocation()));
            JsonNode root = value(p, "", locations, duplicates);
            return new LocatedTree(root, locations, duplicates);
        }
    }

    private static int[] position(JsonLocation l) {
        return new int[] {Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr())};
    }

    private static JsonNode value(JsonParser p, String pointer, Map<String, int[]> locations, List<String> duplicates)
            throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + SourceLocation.escapeToken(name);
                    if (o.has(name)) {
                        duplicates.add(child);
                    }
                    locations.put(child, position(p.currentTokenLocation()));
                    p.nextToken();
                    o.set(name, value(p, child, locations, duplicates));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = pointer + "/" + i++;
                    locations.put(child, position(p.currentTokenLocation()));
                    a.add(value(p, child, locations, duplicates));
                }
                return a;
            }
            case VALUE_STRING:
                return f.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? f.numberNode(p.getBigIntegerValue())
                        : f.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return f.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            default:
                return f.textNode(p.getText() == null ? "" : p.getText());
        }
    }

    SourceLocation at(String pointer) {
        int[] l = locations.get(pointer);
        return l == null ? new SourceLocation(pointer, 0, 0) : new SourceLocation(pointer, l[0], l[1]);
    }
}
