package dev.flowcost.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A problem or assumption found in a user's input, said in the user's terms and placed where the user can find it.
 * Readers return these as data rather than throwing, so one bad state or task never hides the rest of a file. The
 * {@link DiagnosticCode} is the stable part: tools and callers decide on it, never on the message's wording.
 *
 * @param severity how much it matters
 * @param code     what kind of problem it is, stable across versions (listed in {@code docs/diagnostics.md})
 * @param file     the input file as the user named it
 * @param pointer  a JSON Pointer into the definition ({@code /States/Fan/ItemProcessor/States/Charge/Next}), or "" when none applies
 * @param line     1-based line in the source, or 0 when unknown
 * @param column   1-based column in the source, or 0 when unknown
 * @param message  what is wrong and, where possible, what to do
 */
public record Diagnostic(Severity severity, DiagnosticCode code, String file, String pointer, int line, int column,
                         String message) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        file = file == null ? "" : file;
        pointer = pointer == null ? "" : pointer;
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic of(Severity severity, DiagnosticCode code, String file, SourceLocation at, String message) {
        return new Diagnostic(severity, code, file, at.pointer(), at.line(), at.column(), message);
    }

    public static Diagnostic error(DiagnosticCode code, String file, SourceLocation at, String message) {
        return of(Severity.ERROR, code, file, at, message);
    }

    public static Diagnostic warning(DiagnosticCode code, String file, SourceLocation at, String message) {
        return of(Severity.WARNING, code, file, at, message);
    }

    public static Diagnostic info(DiagnosticCode code, String file, SourceLocation at, String message) {
        return of(Severity.INFO, code, file, at, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same diagnostic said of another file (an engine that saw only the definition, reported for its file). */
    public Diagnostic inFile(String otherFile) {
        return new Diagnostic(severity, code, otherFile, pointer, line, column, message);
    }

    /** {@code file:line:column:pointer: severity [CODE] message}, leaving out the parts that are unknown. */
    public String render() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        if (!pointer.isEmpty()) {
            b.append(b.length() > 0 ? ":" : "").append(pointer);
        }
        if (b.length() > 0) {
            b.append(": ");
        }
        return b.append(severity.name().toLowerCase(Locale.ROOT)).append(" [").append(code.id()).append("] ")
                .append(message).toString();
    }
}
