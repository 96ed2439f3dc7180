package dev.flowcost.core.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.input.LocatedDocument;
import java.util.Map;

/**
 * A workload document as the shared {@link dev.flowcost.core.input.LocatedParser} read it (aliases expanded, one
 * document, one set of limits): the tree plus the line and column of every member by JSON Pointer.
 */
final class LocatedTree {

    static final LocatedTree EMPTY = new LocatedTree(new LocatedDocument(null, Map.of()));

    final JsonNode root;
    private final LocatedDocument document;

    LocatedTree(LocatedDocument document) {
        this.document = document;
        this.root = document.root();
    }

    SourceLocation at(String pointer) {
        return document.at(pointer);
    }
}
