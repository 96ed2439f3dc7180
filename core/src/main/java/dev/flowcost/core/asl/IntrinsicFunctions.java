package dev.flowcost.core.asl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSONPath intrinsic functions ({@code "greeting.$": "States.Format('Hi {}', $.name)"}): their names, how many
 * arguments each takes and how their single-quoted string literals escape, read without evaluating anything, so a
 * misspelt {@code States.format} or a {@code States.Format} with one argument too many is reported where it is written.
 * (CloudFormation's {@code Fn::} functions are a different thing, read by {@link Intrinsics}.)
 *
 * @see <a href="https://states-language.net/spec.html#intrinsic-functions">spec, Intrinsic Functions</a> and its
 *      Appendix B, which lists every function below with its arguments
 */
final class IntrinsicFunctions {

    private IntrinsicFunctions() {
    }

    /** How many arguments a function takes; {@code max} is {@link Integer#MAX_VALUE} for "or more". */
    record Arity(int min, int max) {
        String describe() {
            if (max == Integer.MAX_VALUE) {
                return min == 0 ? "any number of arguments" : "at least " + min + (min == 1 ? " argument" : " arguments");
            }
            if (min == max) {
                return min == 0 ? "no arguments" : min + (min == 1 ? " argument" : " arguments");
            }
            return min + " or " + max + " arguments";
        }
    }

    /** A problem in one call; {@code error} when Step Functions refuses the definition, else it fails at run time. */
    record Problem(boolean error, String message) {
    }

    /** Spec Appendix B: the 18 functions and their arguments. */
    static final Map<String, Arity> FUNCTIONS;

    /** Spec Appendix B, States.Hash: the algorithms it accepts. */
    static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    static {
        Map<String, Arity> f = new LinkedHashMap<>();
        f.put("States.Format", new Arity(1, Integer.MAX_VALUE)); // a template, then one value per {}
        f.put("States.StringToJson", new Arity(1, 1));
        f.put("States.JsonToString", new Arity(1, 1));
        f.put("States.Array", new Arity(0, Integer.MAX_VALUE));
        f.put("States.ArrayPartition", new Arity(2, 2));
        f.put("States.ArrayContains", new Arity(2, 2));
        f.put("States.ArrayRange", new Arity(3, 3));
        f.put("States.ArrayGetItem", new Arity(2, 2));
        f.put("States.ArrayLength", new Arity(1, 1));
        f.put("States.ArrayUnique", new Arity(1, 1));
        f.put("States.Base64Encode", new Arity(1, 1));
        f.put("States.Base64Decode", new Arity(1, 1));
        f.put("States.Hash", new Arity(2, 2));
        f.put("States.JsonMerge", new Arity(3, 3));
        f.put("States.MathRandom", new Arity(2, 3)); // the seed is optional
        f.put("States.MathAdd", new Arity(2, 2));
        f.put("States.StringSplit", new Arity(2, 2));
        f.put("States.UUID", new Arity(0, 0));
        FUNCTIONS = Collections.unmodifiableMap(f);
    }

    /** Nested calls deeper than this are not followed (the parser already bounds the document's depth). */
    private static final int MAX_NESTING = 32;

    /** Whether {@code text} starts like a call: a function name followed by "(". */
    static boolean looksLikeCall(String text) {
        String t = text.strip();
        int i = 0;
        while (i < t.length() && isNameChar(t.charAt(i))) {
            i++;
        }
        return i > 0 && i < t.length() && t.charAt(i) == '(';
    }

    /** Every problem in the intrinsic call {@code text}; empty when it is well formed. */
    static List<Problem> check(String text) {
        Reader r = new Reader(text.strip());
        try {
            r.call(0);
            r.skipSpaces();
            if (!r.atEnd()) {
                r.problems.add(new Problem(false, "unexpected text after the closing parenthesis at character " + (r.pos + 1)
                        + " of " + quote(text) + "; Step Functions may refuse it"));
            }
        } catch (Unreadable e) {
            r.problems.add(new Problem(false, "flowcost cannot read the intrinsic function " + quote(text) + ": " + e.getMessage()
                    + "; Step Functions may refuse it"));
        }
        return r.problems;
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "\"";
    }

    private static boolean isNameChar(char c) {
        // Spec: "An Intrinsic Function name MUST contain only the characters A through Z, a through z, 0 through 9, '.', and '_'."
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
    }

    private static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** One argument as read: its kind and, for literals, its value. */
    private record Arg(char kind, String value) {
        static final char STRING = 's';
        static final char OTHER = 'o';
    }

    /** A small recursive-descent reader over one call, depth-bounded. */
    private static final class Reader {
        final String s;
        int pos;
        final List<Problem> problems = new ArrayList<>();

        Reader(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        void call(int depth) throws Unreadable {
            if (depth > MAX_NESTING) {
                throw new Unreadable("its calls are nested more than " + MAX_NESTING + " deep");
            }
            int start = pos;
            while (pos < s.length() && isNameChar(s.charAt(pos))) {
                pos++;
            }
            String name = s.substring(start, pos);
            if (name.isEmpty() || atEnd() || s.charAt(pos) != '(') {
                throw new Unreadable("expected a function name and \"(\" at character " + (start + 1));
            }
            pos++;
            List<Arg> args = new ArrayList<>();
            skipSpaces();
            if (!atEnd() && s.charAt(pos) == ')') {
                pos++;
            } else {
                while (true) {
                    skipSpaces();
                    args.add(argument(depth));
                    skipSpaces();
                    if (atEnd()) {
                        throw new Unreadable("the call to " + name + " has no closing parenthesis");
                    }
                    char c = s.charAt(pos++);
                    if (c == ')') {
                        break;
                    }
                    if (c != ',') {
                        throw new Unreadable("expected \",\" or \")\" at character " + pos);
                    }
                }
            }
            judge(name, args);
        }

        /** Name and arity are checked when the definition is created; literal values fail only when the call runs. */
        private void judge(String name, List<Arg> args) {
            Arity arity = FUNCTIONS.get(name);
            if (arity == null) {
                Optional<String> hint = NameSuggester.closest(name, FUNCTIONS.keySet());
                problems.add(new Problem(true, "unknown intrinsic function " + name + hint.map(h -> " (did you mean " + h + "?)")
                        .orElse("; the functions are " + String.join(", ", FUNCTIONS.keySet()))));
                return;
            }
            int n = args.size();
            if (n < arity.min() || n > arity.max()) {
                problems.add(new Problem(true, name + " takes " + arity.describe() + ", not " + n));
                return;
            }
            if (name.equals("States.Format") && args.get(0).kind() == Arg.STRING) {
                int holes = placeholders(args.get(0).value());
                if (holes != n - 1) {
                    // Spec: "There MUST be as many remaining arguments in the Intrinsic Function as there are occurrences of {}."
                    problems.add(new Problem(true, "States.Format's template has " + holes + " {} but " + (n - 1)
                            + (n - 1 == 1 ? " value follows" : " values follow") + "; give one value per {}"));
                }
            }
            if (name.equals("States.Hash") && args.get(1).kind() == Arg.STRING && !HASH_ALGORITHMS.contains(args.get(1).value())) {
                problems.add(new Problem(false, "States.Hash algorithm '" + args.get(1).value() + "' is not one of "
                        + String.join(", ", new java.util.TreeSet<>(HASH_ALGORITHMS)) + "; the call fails when it runs"));
            }
            if (name.equals("States.ArrayRange") && args.get(2).kind() == Arg.OTHER && isZero(args.get(2).value())) {
                problems.add(new Problem(false, "States.ArrayRange's step must not be 0; the call fails when it runs"));
            }
        }

        private static boolean isZero(String v) {
            try {
                return Double.parseDouble(v) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private Arg argument(int depth) throws Unreadable {
            if (atEnd()) {
                throw new Unreadable("an argument is missing at the end");
            }
            char c = s.charAt(pos);
            if (c == '\'') {
                return new Arg(Arg.STRING, literal());
            }
            if (c == '$') {
                path();
                return new Arg(Arg.OTHER, "$");
            }
            if (isNameChar(c) && !Character.isDigit(c) && c != '.') {
                int save = pos;
                while (pos < s.length() && isNameChar(s.charAt(pos))) {
                    pos++;
                }
                String word = s.substring(save, pos);
                if (word.equals("null") || word.equals("true") || word.equals("false")) {
                    return new Arg(Arg.OTHER, word);
                }
                pos = save;
                call(depth + 1);
                return new Arg(Arg.OTHER, "call");
            }
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            if (pos == start) {
                throw new Unreadable("unexpected \"" + c + "\" at character " + (pos + 1));
            }
            return new Arg(Arg.OTHER, s.substring(start, pos));
        }

        /**
         * A single-quoted literal. Spec: "' { } \" are reserved and escaped with a backslash ({@code \'}, {@code \{},
         * {@code \}}, {@code \\}); "If an open escape backslash \ is found in the Intrinsic Function, the interpreter
         * will throw a runtime error."
         */
        private String literal() throws Unreadable {
            int open = pos++;
            StringBuilder raw = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\\') {
                    if (pos + 1 >= s.length()) {
                        throw new Unreadable("the string starting at character " + (open + 1) + " ends in a lone backslash");
                    }
                    char e = s.charAt(pos + 1);
                    if ("'{}\\".indexOf(e) < 0) {
                        problems.add(new Problem(false, "\\" + e + " in the string at character " + (open + 1)
                                + " is not an escape (only \\', \\{, \\} and \\\\ are); the call fails when it runs"));
                    }
                    raw.append(c).append(e);
                    pos += 2;
                } else if (c == '\'') {
                    pos++;
                    return raw.toString();
                } else {
                    raw.append(c);
                    pos++;
                }
            }
            throw new Unreadable("the string starting at character " + (open + 1) + " is never closed with '");
        }

        /** A path: up to the next "," or ")" outside brackets and quotes. */
        private void path() throws Unreadable {
            int brackets = 0;
            char quote = 0;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (quote != 0) {
                    if (c == '\\') {
                        pos++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    if (brackets == 0) {
                        throw new Unreadable("unexpected quote in the path at character " + (pos + 1));
                    }
                    quote = c;
                } else if (c == '[' || c == '(') {
                    brackets++;
                } else if (c == ']' || (c == ')' && brackets > 0)) {
                    brackets--;
                } else if (brackets == 0 && (c == ',' || c == ')')) {
                    return;
                }
                pos++;
            }
        }
    }

    /** The number of unescaped {} pairs in a States.Format template, as its literal was written. */
    static int placeholders(String raw) {
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
                n++;
                i++;
            }
        }
        return n;
    }
}
