package dev.flowcost.core.dag.python.syntax;

/**
 * One token of Python source as the DAG reader needs it. Strings carry their decoded value (f-strings their raw
 * body, decoded later part by part), so the parser never looks at quotes or prefixes again.
 */
public record PyToken(Kind kind, String text, int line, int column, boolean fstring, boolean raw) {

    public enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, ERROR, EOF }

    boolean is(Kind k, String s) {
        return kind == k && text.equals(s);
    }

    boolean isOp(String s) {
        return kind == Kind.OP && text.equals(s);
    }

    boolean isName(String s) {
        return kind == Kind.NAME && text.equals(s);
    }
}
