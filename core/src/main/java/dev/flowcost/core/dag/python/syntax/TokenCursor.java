package dev.flowcost.core.dag.python.syntax;

import dev.flowcost.core.dag.python.syntax.PyToken.Kind;
import java.util.List;

/**
 * The token stream under the parser: look-ahead, accept/expect, syntax errors that say what was found, and the
 * nesting bound shared by statements and expressions.
 */
abstract class TokenCursor {

    static final int MAX_DEPTH = 200;

    static final class ParseError extends RuntimeException {
        final PyToken at;

        ParseError(PyToken at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    final List<PyToken> toks;
    int p;
    int depth;

    TokenCursor(List<PyToken> tokens) {
        this.toks = tokens;
    }

    PyToken peek() {
        return toks.get(p);
    }

    PyToken peek(int k) {
        return toks.get(Math.min(p + k, toks.size() - 1));
    }

    PyToken next() {
        PyToken t = toks.get(p);
        if (t.kind() != Kind.EOF) {
            p++;
        }
        return t;
    }

    boolean acceptOp(String s) {
        if (peek().isOp(s)) {
            p++;
            return true;
        }
        return false;
    }

    boolean acceptName(String s) {
        if (peek().isName(s)) {
            p++;
            return true;
        }
        return false;
    }

    PyToken expectOp(String s) {
        if (!peek().isOp(s)) {
            throw error("expected '" + s + "'");
        }
        return next();
    }

    String expectName() {
        if (peek().kind() != Kind.NAME) {
            throw error("expected a name");
        }
        return next().text();
    }

    ParseError error(String message) {
        PyToken t = peek();
        String found = switch (t.kind()) {
            case EOF -> "end of file";
            case NEWLINE -> "end of line";
            case INDENT -> "indent";
            case DEDENT -> "dedent";
            case ERROR -> t.text();
            default -> "'" + (t.text().length() > 20 ? t.text().substring(0, 20) + "..." : t.text()) + "'";
        };
        return new ParseError(t, message + " but found " + found);
    }

    void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ParseError(peek(), "nesting deeper than " + MAX_DEPTH + " levels; statement not read");
        }
    }

    // ---------------------------------------------------------------- statements

    boolean atStatementEnd() {
        PyToken t = peek();
        return t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF || t.isOp(";") || t.kind() == Kind.DEDENT;
    }
}
