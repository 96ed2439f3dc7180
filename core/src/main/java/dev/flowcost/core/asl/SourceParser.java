package dev.flowcost.core.asl;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.input.LocatedDocument;
import dev.flowcost.core.input.LocatedParser;
import java.util.List;

/**
 * The ASL reader's use of the shared {@link LocatedParser}: definitions are called "definition", read CloudFormation
 * short-form tags ({@link Intrinsics} later reads them as placeholders) and only YAML 1.2 booleans (a state named
 * "Yes" stays a name).
 */
final class SourceParser {

    static final int MAX_DEPTH = LocatedParser.MAX_DEPTH;
    static final int MAX_ALIASES = LocatedParser.MAX_ALIASES;
    static final int MAX_ALIAS_VALUES = LocatedParser.MAX_ALIAS_VALUES;

    private static final LocatedParser.Options OPTIONS = new LocatedParser.Options("definition",
            "a state machine definition object", true, false);

    private SourceParser() {
    }

    /** See {@link LocatedParser#parse}; null (after an ERROR) when the text is not well formed. */
    static LocatedTree parse(String file, String text, boolean yaml, boolean keepLines, List<Diagnostic> diagnostics) {
        return tree(LocatedParser.parse(file, text, yaml, keepLines, OPTIONS, diagnostics));
    }

    /** See {@link LocatedParser#parseEmbedded}. */
    static LocatedTree parseEmbedded(String file, String text, int lineOffset, int columnOffset, List<Diagnostic> diagnostics) {
        return tree(LocatedParser.parseEmbedded(file, text, lineOffset, columnOffset, OPTIONS, diagnostics));
    }

    private static LocatedTree tree(LocatedDocument d) {
        return d == null ? null : new LocatedTree(d.root(), d.locations());
    }
}
