package dev.flowcost.core.asl;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.Severity;
import dev.flowcost.core.SourceLocation;
import java.util.List;
import java.util.function.Function;

/**
 * Where the definition's builder and checkers ({@link DefinitionBuilder}, {@link AslValidator}, {@link FieldRules})
 * write what they find about one file: each finding with its code, placed at the line and column of its JSON Pointer.
 * One sink, so the three say things the same way.
 */
final class AslDiagnostics {
    private final String file;
    private final Function<String, SourceLocation> locate;
    private final List<Diagnostic> out;

    /**
     * @param locate the line and column of a pointer (null or absent when unknown: the pointer alone is reported)
     * @param out    where the findings go, in order
     */
    AslDiagnostics(String file, Function<String, SourceLocation> locate, List<Diagnostic> out) {
        this.file = file;
        this.locate = locate;
        this.out = out;
    }

    void error(DiagnosticCode code, String pointer, String message) {
        add(Severity.ERROR, code, pointer, message);
    }

    void warning(DiagnosticCode code, String pointer, String message) {
        add(Severity.WARNING, code, pointer, message);
    }

    void info(DiagnosticCode code, String pointer, String message) {
        add(Severity.INFO, code, pointer, message);
    }

    void add(Severity severity, DiagnosticCode code, String pointer, String message) {
        out.add(Diagnostic.of(severity, code, file, at(pointer), message));
    }

    List<Diagnostic> found() {
        return List.copyOf(out);
    }

    private SourceLocation at(String pointer) {
        SourceLocation l = locate.apply(pointer);
        return l == null ? new SourceLocation(pointer, 0, 0) : l;
    }
}
