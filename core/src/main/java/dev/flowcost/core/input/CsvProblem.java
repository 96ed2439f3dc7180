package dev.flowcost.core.input;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSV parser's failure in the user's words: Commons CSV says {@code CSVException: (startline 2) EOF reached before
 * encapsulated token finished}; the user is told the line and that a quoted value is not closed.
 */
public final class CsvProblem {

    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
    private static final Pattern LINE = Pattern.compile("\\(line (\\d+)\\)");

    private CsvProblem() {
    }

    /** An ERROR naming {@code file} and, where the parser knew it, the line. */
    public static Diagnostic diagnostic(String file, Throwable e) {
        String m = "";
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c.getMessage() != null) {
                m = m + " " + c.getMessage();
            }
        }
        int line = 0;
        Matcher s = START_LINE.matcher(m);
        Matcher l = LINE.matcher(m);
        if (s.find()) {
            line = Integer.parseInt(s.group(1));
        } else if (l.find()) {
            line = Integer.parseInt(l.group(1));
        }
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        String what;
        if (lower.contains("eof reached before encapsulated token finished")) {
            what = "a quoted value opened" + (line > 0 ? " on this line" : "") + " is never closed (a missing '\"')";
        } else if (lower.contains("invalid char between encapsulated token and delimiter")) {
            what = "text follows a closing quote before the next comma (write a quote inside a quoted value as \"\")";
        } else if (lower.contains("duplicate") && lower.contains("header")) {
            what = "the header names a column twice";
        } else {
            what = "the file is not well-formed CSV";
        }
        return Diagnostic.error(DiagnosticCode.INPUT_SYNTAX, file, SourceLocation.ofLine(line), "malformed CSV: " + what);
    }
}
