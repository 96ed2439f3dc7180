package dev.flowcost.core.input;

/**
 * The one sanitiser for text shown on a terminal (every command's human output and every diagnostic on stderr):
 * names and messages come from user files, and a control character in them could clear the screen (ESC [2J), plant a
 * hidden link (OSC 8), ring the bell, overwrite a line (CR) or reorder what is read (bidi overrides). Each such
 * character is shown escaped as {@code \}{@code uXXXX}, so the text stays readable and nothing acts on the terminal.
 * Newlines and tabs pass (they are layout); inside a JSON string the escape means the same character, so JSON output
 * passed through it stays the same JSON.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** Whether {@code c} must not reach a terminal raw. */
    public static boolean isUnsafe(char c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
            return true; // C0 (ESC, BEL, CR, ...), DEL, C1 (CSI, OSC, ...)
        }
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029';
    }

    /** {@code text} with every unsafe character written as {@code \}{@code uXXXX}; null stays "null". */
    public static String escape(String text) {
        String s = String.valueOf(text);
        int i = 0;
        while (i < s.length() && !isUnsafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            append(b, s.charAt(i));
        }
        return b.toString();
    }

    /**
     * {@code text} for one line of a table (a name, a verdict): as {@link #escape}, and newlines and tabs escaped too,
     * so a name cannot fake a line of its own.
     */
    public static String escapeLine(String text) {
        String s = String.valueOf(text);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                b.append(c == '\n' ? "\\u000a" : "\\u0009");
            } else {
                append(b, c);
            }
        }
        return b.toString();
    }

    /** Appends {@code c} to {@code b}, escaped when unsafe. */
    public static void append(StringBuilder b, char c) {
        if (isUnsafe(c)) {
            b.append("\\u").append(String.format(java.util.Locale.ROOT, "%04x", (int) c));
        } else {
            b.append(c);
        }
    }
}
