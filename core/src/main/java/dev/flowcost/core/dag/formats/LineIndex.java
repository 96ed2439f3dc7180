package dev.flowcost.core.dag.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.flowcost.core.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The source line of every JSON Pointer in a JSON or YAML text, found by streaming its tokens once, so readers that
 * work on a parsed tree can still tell the user the line of a task or a problem.
 */
final class LineIndex {

    private static final int MAX_TOKENS = 2_000_000;
    private final Map<String, Integer> lines;

    private LineIndex(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Indexes {@code content}; on a syntax error keeps what it saw before it. Never throws. */
    static LineIndex of(JsonFactory factory, String content) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = factory.createParser(content)) {
            JsonToken t;
            int n = 0;
            while ((t = p.nextToken()) != null && n++ < MAX_TOKENS) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                int line = p.currentTokenLocation().getLineNr();
                String pointer = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                        ? p.getParsingContext().getParent() == null ? "" : p.getParsingContext().getParent().pathAsPointer().toString()
                        : p.getParsingContext().pathAsPointer().toString();
                if (line > 0) {
                    lines.putIfAbsent(pointer, line);
                }
            }
        } catch (Exception | StackOverflowError e) {
            // partial index: lines stay 0 where unknown
        }
        return new LineIndex(lines);
    }

    /** The line of {@code pointer}, or of its nearest ancestor that has one; 0 when unknown. */
    int line(String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 0;
            }
            p = p.substring(0, slash);
        }
    }

    /** The diagnostics with a line filled in where they have a pointer but no line. */
    List<Diagnostic> withLines(List<Diagnostic> diags) {
        List<Diagnostic> out = new ArrayList<>(diags.size());
        for (Diagnostic d : diags) {
            if (d.line() == 0 && !d.pointer().isEmpty()) {
                out.add(new Diagnostic(d.severity(), d.code(), d.file(), d.pointer(), line(d.pointer()), 0, d.message()));
            } else {
                out.add(d);
            }
        }
        return out;
    }
}
