package dev.flowcost.core.dag.python.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns Python source into tokens with INDENT/DEDENT, in one linear pass over the characters. It knows just enough
 * Python to find where statements begin and end: strings of every prefix and quote style, comments, line
 * continuations and brackets. Problems become {@link PyToken.Kind#ERROR} tokens or notes, never exceptions.
 */
public final class PyTokenizer {

    private static final String[] OPS3 = {"**=", "//=", ">>=", "<<=", "..."};
    private static final String[] OPS2 = {"**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=",
        "%=", "&=", "|=", "^=", "@=", ":="};
    private static final String OPS1 = "+-*/%@&|^~<>()[]{},:.;=";

    /** A problem the tokenizer saw, placed by line and column. */
    public record Problem(int line, int column, String message) {
    }

    private final String src;
    private final int n;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int brackets;
    private final List<PyToken> out = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Integer> indents = new ArrayList<>(List.of(0));

    public PyTokenizer(String src) {
        this.src = src;
        this.n = src.length();
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<PyToken> tokenize() {
        boolean atLineStart = true;
        while (pos < n) {
            if (atLineStart && brackets == 0) {
                if (!handleIndent()) {
                    continue; // blank or comment-only line consumed
                }
                atLineStart = false;
            }
            if (pos >= n) {
                break;
            }
            char c = src.charAt(pos);
            if (c == '\n' || c == '\r') {
                consumeNewline();
                if (brackets == 0) {
                    emitNewline();
                    atLineStart = true;
                } else if (bracketRunaway()) {
                    brackets = 0;
                    emitNewline();
                    atLineStart = true;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
                continue;
            }
            if (c == '#') {
                skipComment();
                continue;
            }
            if (c == '\\') {
                int p = pos + 1;
                if (p < n && (src.charAt(p) == '\n' || src.charAt(p) == '\r')) {
                    pos = p;
                    consumeNewline();
                    continue;
                }
                error("unexpected character '\\'");
                pos++;
                continue;
            }
            if (c == '"' || c == '\'') {
                string(pos, false, false, false);
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(src.charAt(pos + 1)))) {
                number();
                continue;
            }
            if (c == '_' || Character.isLetter(c) || (c > 127 && Character.isUnicodeIdentifierStart(c))) {
                name();
                continue;
            }
            operator();
        }
        if (!out.isEmpty() && out.get(out.size() - 1).kind() != PyToken.Kind.NEWLINE) {
            emitNewline();
        }
        while (indents.size() > 1) {
            indents.remove(indents.size() - 1);
            out.add(new PyToken(PyToken.Kind.DEDENT, "", line, 1, false, false));
        }
        out.add(new PyToken(PyToken.Kind.EOF, "", line, 1, false, false));
        return out;
    }

    /** Measures the indentation of a new logical line; false when the line is blank or a comment (consumed). */
    private boolean handleIndent() {
        int col = 0;
        int p = pos;
        while (p < n) {
            char c = src.charAt(p);
            if (c == ' ') {
                col++;
            } else if (c == '\t') {
                col = (col / 8 + 1) * 8;
            } else if (c == '\f') {
                col = 0;
            } else {
                break;
            }
            p++;
        }
        pos = p;
        if (p >= n) {
            return false;
        }
        char c = src.charAt(p);
        if (c == '#') {
            skipComment();
            if (pos < n) {
                consumeNewline();
            }
            return false;
        }
        if (c == '\n' || c == '\r') {
            consumeNewline();
            return false;
        }
        if (c == '\\' && p + 1 < n && (src.charAt(p + 1) == '\n' || src.charAt(p + 1) == '\r')) {
            return true; // continuation at line start: indentation unchanged
        }
        int top = indents.get(indents.size() - 1);
        if (col > top) {
            indents.add(col);
            out.add(new PyToken(PyToken.Kind.INDENT, "", line, col + 1, false, false));
        } else if (col < top) {
            while (indents.size() > 1 && indents.get(indents.size() - 1) > col) {
                indents.remove(indents.size() - 1);
                out.add(new PyToken(PyToken.Kind.DEDENT, "", line, col + 1, false, false));
            }
            if (indents.get(indents.size() - 1) != col) {
                problems.add(new Problem(line, col + 1, "unindent does not match any outer indentation level"));
                indents.add(col);
                out.add(new PyToken(PyToken.Kind.INDENT, "", line, col + 1, false, false));
            }
        }
        return true;
    }

    /**
     * Inside brackets, a line that starts at column 0 with a statement keyword means a bracket was never closed:
     * give up on the bracket so one typo does not swallow the rest of the file.
     */
    private boolean bracketRunaway() {
        return startsWithWord("def ") || startsWithWord("class ") || startsWithWord("with ") || startsWithWord("import ")
                || startsWithWord("from ") || (pos < n && src.charAt(pos) == '@');
    }

    private boolean startsWithWord(String w) {
        return src.startsWith(w, pos);
    }

    private void consumeNewline() {
        if (src.charAt(pos) == '\r' && pos + 1 < n && src.charAt(pos + 1) == '\n') {
            pos++;
        }
        pos++;
        line++;
        lineStart = pos;
    }

    private void skipComment() {
        while (pos < n && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void emitNewline() {
        if (!out.isEmpty() && out.get(out.size() - 1).kind() != PyToken.Kind.NEWLINE
                && out.get(out.size() - 1).kind() != PyToken.Kind.INDENT
                && out.get(out.size() - 1).kind() != PyToken.Kind.DEDENT) {
            out.add(new PyToken(PyToken.Kind.NEWLINE, "", line, pos - lineStart + 1, false, false));
        }
    }

    private int col(int p) {
        return p - lineStart + 1;
    }

    private void error(String message) {
        problems.add(new Problem(line, col(pos), message));
        out.add(new PyToken(PyToken.Kind.ERROR, message, line, col(pos), false, false));
    }

    private void name() {
        int start = pos;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '_' || Character.isLetterOrDigit(c) || (c > 127 && Character.isUnicodeIdentifierPart(c))) {
                pos++;
            } else {
                break;
            }
        }
        String word = src.substring(start, pos);
        if (pos < n && (src.charAt(pos) == '"' || src.charAt(pos) == '\'') && word.length() <= 2 && isPrefix(word)) {
            String w = word.toLowerCase();
            string(start, w.indexOf('f') >= 0 || w.indexOf('t') >= 0, w.indexOf('r') >= 0, w.indexOf('b') >= 0);
            return;
        }
        out.add(new PyToken(PyToken.Kind.NAME, word, line, col(start), false, false));
    }

    private static boolean isPrefix(String w) {
        for (int i = 0; i < w.length(); i++) {
            if ("rRbBuUfFtT".indexOf(w.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private void string(int start, boolean fstring, boolean raw, boolean bytes) {
        int startLine = line;
        int startCol = col(start);
        char q = src.charAt(pos);
        boolean triple = pos + 2 < n && src.charAt(pos + 1) == q && src.charAt(pos + 2) == q;
        pos += triple ? 3 : 1;
        StringBuilder b = new StringBuilder();
        int fieldDepth = 0;
        while (true) {
            if (pos >= n) {
                problems.add(new Problem(startLine, startCol, "unterminated string"));
                out.add(new PyToken(PyToken.Kind.ERROR, "unterminated string", startLine, startCol, false, false));
                return;
            }
            char c = src.charAt(pos);
            if (fstring && fieldDepth == 0 && (c == '{' || c == '}') && pos + 1 < n && src.charAt(pos + 1) == c) {
                b.append(c).append(c); // {{ and }} are literal braces
                pos += 2;
                continue;
            }
            if (fstring && c == '{') {
                fieldDepth++;
            } else if (fstring && c == '}' && fieldDepth > 0) {
                fieldDepth--;
            } else if (fieldDepth > 0 && (c == '\'' || c == '"')) {
                // a string inside a replacement field: since Python 3.12 (PEP 701) it may reuse the outer quote
                int end = pos + 1;
                while (end < n && src.charAt(end) != c && src.charAt(end) != '\n') {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                if (end < n && src.charAt(end) == c) {
                    b.append(src, pos, end + 1);
                    pos = end + 1;
                    continue;
                }
            }
            if (c == q && fieldDepth == 0) {
                if (!triple) {
                    pos++;
                    break;
                }
                if (pos + 2 < n && src.charAt(pos + 1) == q && src.charAt(pos + 2) == q) {
                    pos += 3;
                    break;
                }
                b.append(c);
                pos++;
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (!triple) {
                    problems.add(new Problem(startLine, startCol, "unterminated string"));
                    out.add(new PyToken(PyToken.Kind.ERROR, "unterminated string", startLine, startCol, false, false));
                    return;
                }
                b.append('\n');
                consumeNewline();
                continue;
            }
            if (c == '\\' && pos + 1 < n) {
                char d = src.charAt(pos + 1);
                if (d == '\n' || d == '\r') {
                    if (raw || fstring) {
                        b.append('\\').append('\n');
                    }
                    pos++;
                    consumeNewline();
                    continue;
                }
                if (raw || fstring) {
                    b.append(c).append(d);
                    pos += 2;
                    continue;
                }
                pos += 2;
                pos = escape(d, b, pos);
                continue;
            }
            b.append(c);
            pos++;
        }
        out.add(new PyToken(PyToken.Kind.STRING, b.toString(), startLine, startCol, fstring, raw || bytes));
    }

    /** Decodes the escape whose letter is {@code d} (already consumed); returns the new position. */
    private int escape(char d, StringBuilder b, int p) {
        return decodeEscape(src, d, b, p);
    }

    static int decodeEscape(String s, char d, StringBuilder b, int p) {
        switch (d) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'r' -> b.append('\r');
            case '0' -> b.append('\0');
            case 'a' -> b.append('\007');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'v' -> b.append('\013');
            case '\\', '\'', '"' -> b.append(d);
            case 'x', 'u', 'U' -> {
                int len = d == 'x' ? 2 : d == 'u' ? 4 : 8;
                if (p + len <= s.length()) {
                    try {
                        int cp = Integer.parseInt(s.substring(p, p + len), 16);
                        if (Character.isValidCodePoint(cp)) {
                            b.appendCodePoint(cp);
                            return p + len;
                        }
                    } catch (NumberFormatException e) {
                        // fall through: keep the text as written
                    }
                }
                b.append('\\').append(d);
            }
            default -> b.append('\\').append(d);
        }
        return p;
    }

    private void number() {
        int start = pos;
        while (pos < n) {
            char c = src.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                if ((c == 'e' || c == 'E') && pos + 1 < n && (src.charAt(pos + 1) == '-' || src.charAt(pos + 1) == '+')
                        && !src.substring(start, Math.min(start + 2, n)).toLowerCase().startsWith("0x")) {
                    pos += 2;
                    continue;
                }
                pos++;
            } else {
                break;
            }
        }
        out.add(new PyToken(PyToken.Kind.NUMBER, src.substring(start, pos), line, col(start), false, false));
    }

    private static final String[] SINGLE = new String[128];

    static {
        for (char c : OPS1.toCharArray()) {
            SINGLE[c] = String.valueOf(c);
        }
    }

    private void single(char c, int start) {
        if (c == '(' || c == '[' || c == '{') {
            brackets++;
        } else if (c == ')' || c == ']' || c == '}') {
            brackets = Math.max(0, brackets - 1);
        }
        pos++;
        out.add(new PyToken(PyToken.Kind.OP, SINGLE[c], line, col(start), false, false));
    }

    private void operator() {
        int start = pos;
        char first = src.charAt(pos);
        if (first == '(' || first == ')' || first == '[' || first == ']' || first == '{' || first == '}' || first == ','
                || first == '.' && !src.startsWith("...", pos) || first == ';' || first == '~') {
            single(first, start);
            return;
        }
        char second = pos + 1 < n ? src.charAt(pos + 1) : ' ';
        if ("=*/<>.".indexOf(second) < 0 && OPS1.indexOf(first) >= 0) {
            single(first, start); // no two- or three-character operator has another second character
            return;
        }
        for (String op : OPS3) {
            if (src.startsWith(op, pos)) {
                pos += 3;
                out.add(new PyToken(PyToken.Kind.OP, op, line, col(start), false, false));
                return;
            }
        }
        for (String op : OPS2) {
            if (src.startsWith(op, pos)) {
                pos += 2;
                out.add(new PyToken(PyToken.Kind.OP, op, line, col(start), false, false));
                return;
            }
        }
        char c = src.charAt(pos);
        if (OPS1.indexOf(c) >= 0) {
            single(c, start);
            return;
        }
        error("unexpected character '" + (Character.isISOControl(c) ? "\\u" + Integer.toHexString(c) : String.valueOf(c)) + "'");
        pos++;
    }
}
