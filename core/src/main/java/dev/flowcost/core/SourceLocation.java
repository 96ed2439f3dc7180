package dev.flowcost.core;

/**
 * Where something sits in a source file: a JSON Pointer for structured inputs, and a line and column where the
 * parser knew them (0 when unknown).
 */
public record SourceLocation(String pointer, int line, int column) {

    public static final SourceLocation UNKNOWN = new SourceLocation("", 0, 0);

    public SourceLocation {
        pointer = pointer == null ? "" : pointer;
    }

    public static SourceLocation ofLine(int line) {
        return new SourceLocation("", line, 0);
    }

    /** Escapes one reference token for a JSON Pointer (RFC 6901): {@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}. */
    public static String escapeToken(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
