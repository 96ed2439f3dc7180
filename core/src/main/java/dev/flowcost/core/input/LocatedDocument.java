package dev.flowcost.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.SourceLocation;
import java.util.Map;

/**
 * A parsed JSON or YAML document together with where each of its values was written, so every later finding can
 * name a JSON Pointer and, where the parser knew it, a line and column.
 *
 * @param root      the parsed document
 * @param locations line:column of every value by its JSON Pointer (for object members, where the key was written)
 */
public record LocatedDocument(JsonNode root, Map<String, SourceLocation> locations) {

    public LocatedDocument {
        locations = java.util.Collections.unmodifiableMap(locations);
    }

    /** The location of {@code pointer}: its line and column when recorded, else the pointer alone. */
    public SourceLocation at(String pointer) {
        SourceLocation l = locations.get(pointer);
        return l != null ? l : new SourceLocation(pointer, 0, 0);
    }
}
