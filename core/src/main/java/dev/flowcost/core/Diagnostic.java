package dev.flowcost.core;

import java.util.Objects;

/**
 * A problem or assumption found in a user's input, said in the user's terms and placed where the user can find it.
 * Readers return these as data rather than throwing, so one bad state or task never hides the rest of a file.
 *
 * @param severity how much it matters
 * @param file     the input file as the user named it
 * @param pointer  a JSON Pointer into the definition ({@code /States/Fan/ItemProcessor/States/Charge/Next}), or "" when none applies
 * @param line     1-based line in the source, or 0 when unknown
 * @param column   1-based column in the source, or 0 when unknown
 * @param message  what is wrong and, where possible, what to do
 */
public record Diagnostic(Severity severity, String file, String pointer, int line, int column, String message) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        file = file == null ? "" : file;
        pointer = pointer == null ? "" : pointer;
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(String file, SourceLocation at, String message) {
        return new Diagnostic(Severity.ERROR, file, at.pointer(), at.line(), at.column(), message);
    }

    public static Diagnostic warning(String file, SourceLocation at, String message) {
        return new Diagnostic(Severity.WARNING, file, at.pointer(), at.line(), at.column(), message);
    }

    public static Diagnostic info(String file, SourceLocation at, String message) {
        return new Diagnostic(Severity.INFO, file, at.pointer(), at.line(), at.column(), message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: pointer: message}, leaving out the parts that are unknown. */
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
        return b.append(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(message).toString();
    }
}
