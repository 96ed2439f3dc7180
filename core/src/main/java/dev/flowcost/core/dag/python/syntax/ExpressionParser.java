package dev.flowcost.core.dag.python.syntax;

import dev.flowcost.core.dag.python.syntax.PySyntax.Arg;
import dev.flowcost.core.dag.python.syntax.PySyntax.Expr;
import dev.flowcost.core.dag.python.syntax.PyToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The expression half of the parser: operators by precedence (long operator chains iteratively), calls,
 * subscripts, literals, comprehensions, strings and f-strings. {@link PyParser} adds the statements on top.
 */
class ExpressionParser extends TokenCursor {

    ExpressionParser(List<PyToken> tokens) {
        super(tokens);
    }

    static Expr parseExpression(String text, int line, int depthSoFar) {
        PyTokenizer tz = new PyTokenizer(text);
        List<PyToken> ts = new ArrayList<>();
        for (PyToken t : tz.tokenize()) {
            ts.add(new PyToken(t.kind(), t.text(), line, t.column(), t.fstring(), t.raw()));
        }
        ExpressionParser sub = new ExpressionParser(ts);
        sub.depth = depthSoFar;
        try {
            Expr e = sub.testlist();
            return e;
        } catch (ParseError e) {
            return new PySyntax.Opaque("f-string field", line);
        }
    }

    Expr targetList() {
        int line = peek().line();
        Expr first = targetAtom();
        if (!peek().isOp(",")) {
            return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (acceptOp(",")) {
            if (peek().isName("in") || peek().isOp("=")) {
                break;
            }
            items.add(targetAtom());
        }
        return new PySyntax.Seq(PySyntax.SeqKind.TUPLE, items, line);
    }

    Expr targetAtom() {
        if (peek().isOp("*")) {
            int line = next().line();
            return new PySyntax.Starred(orExpr(), line);
        }
        return orExpr();
    }

    Expr testlistStar() {
        int line = peek().line();
        Expr first = peek().isOp("*") ? starExpr() : test();
        if (!peek().isOp(",")) {
            return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (acceptOp(",")) {
            if (atStatementEnd() || peek().isOp("=") || peek().isOp(")") || peek().isOp(":")) {
                break;
            }
            items.add(peek().isOp("*") ? starExpr() : test());
        }
        return new PySyntax.Seq(PySyntax.SeqKind.TUPLE, items, line);
    }

    Expr testlist() {
        return testlistStar();
    }

    Expr starExpr() {
        int line = expectOp("*").line();
        return new PySyntax.Starred(orExpr(), line);
    }

    Expr namedTest() {
        if (peek().kind() == Kind.NAME && peek(1).isOp(":=")) {
            PyToken name = next();
            next();
            return new PySyntax.Walrus(name.text(), test(), name.line());
        }
        return test();
    }

    Expr test() {
        enter();
        try {
            if (peek().isName("lambda")) {
                int line = next().line();
                int level = 0;
                while (peek().kind() != Kind.EOF && peek().kind() != Kind.NEWLINE) {
                    PyToken t = next();
                    if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                        level++;
                    } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                        level--;
                    } else if (t.isOp(":") && level == 0) {
                        break;
                    }
                }
                test();
                return new PySyntax.Opaque("lambda", line);
            }
            if (peek().isName("yield") || peek().isName("await")) {
                int line = next().line();
                acceptName("from");
                if (!atStatementEnd() && !peek().isOp(")")) {
                    testlist();
                }
                return new PySyntax.Opaque("yield", line);
            }
            Expr body = orTest();
            if (peek().isName("if") ) {
                int line = next().line();
                Expr cond = orTest();
                if (!acceptName("else")) {
                    throw error("expected 'else'");
                }
                return new PySyntax.IfExp(body, cond, test(), line);
            }
            return body;
        } finally {
            depth--;
        }
    }

    Expr orTest() {
        Expr left = andTest();
        int count = 0;
        while (peek().isName("or")) {
            int line = next().line();
            left = new PySyntax.BinOp("or", left, andTest(), line);
            chain(++count);
        }
        return left;
    }

    /** Longest run of binary operators in one expression (evaluated iteratively, so it may be long). */
    static final int MAX_OPERATORS = 20_000;

    void chain(int count) {
        if (count > MAX_OPERATORS) {
            throw new ParseError(peek(), "expression longer than " + MAX_OPERATORS + " operations; statement not read");
        }
    }

    void postfixChain(int count) {
        if (count > MAX_DEPTH) {
            throw new ParseError(peek(), "more than " + MAX_DEPTH + " calls, subscripts or attributes in a row; "
                    + "statement not read");
        }
    }

    Expr andTest() {
        Expr left = notTest();
        int count = 0;
        while (peek().isName("and")) {
            int line = next().line();
            left = new PySyntax.BinOp("and", left, notTest(), line);
            chain(++count);
        }
        return left;
    }

    Expr notTest() {
        if (peek().isName("not")) {
            int line = next().line();
            enter();
            try {
                return new PySyntax.Unary("not", notTest(), line);
            } finally {
                depth--;
            }
        }
        return comparison();
    }

    Expr comparison() {
        Expr left = orExpr();
        int count = 0;
        while (true) {
            PyToken t = peek();
            String op = null;
            if (t.kind() == Kind.OP && (t.text().equals("<") || t.text().equals(">") || t.text().equals("==")
                    || t.text().equals(">=") || t.text().equals("<=") || t.text().equals("!="))) {
                op = next().text();
            } else if (t.isName("in")) {
                next();
                op = "in";
            } else if (t.isName("not") && peek(1).isName("in")) {
                p += 2;
                op = "not in";
            } else if (t.isName("is")) {
                next();
                op = acceptName("not") ? "is not" : "is";
            }
            if (op == null) {
                return left;
            }
            left = new PySyntax.BinOp(op, left, orExpr(), t.line());
            chain(++count);
        }
    }

    Expr orExpr() {
        return binary(0);
    }

    static final String[][] LEVELS = {{"|"}, {"^"}, {"&"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%", "//", "@"}};

    Expr binary(int level) {
        if (level == LEVELS.length) {
            return factor();
        }
        Expr left = binary(level + 1);
        int count = 0;
        while (true) {
            PyToken t = peek();
            String op = null;
            if (t.kind() == Kind.OP) {
                for (String o : LEVELS[level]) {
                    if (t.text().equals(o)) {
                        op = o;
                    }
                }
            }
            if (op == null) {
                return left;
            }
            next();
            left = new PySyntax.BinOp(op, left, binary(level + 1), t.line());
            chain(++count);
        }
    }

    Expr factor() {
        PyToken t = peek();
        if (t.isOp("-") || t.isOp("+") || t.isOp("~")) {
            next();
            enter();
            try {
                return new PySyntax.Unary(t.text(), factor(), t.line());
            } finally {
                depth--;
            }
        }
        Expr base = atomExpr();
        if (peek().isOp("**")) {
            int line = next().line();
            enter();
            try {
                return new PySyntax.BinOp("**", base, factor(), line);
            } finally {
                depth--;
            }
        }
        return base;
    }

    Expr atomExpr() {
        acceptName("await");
        Expr e = atom();
        int count = 0;
        while (true) {
            PyToken t = peek();
            if (t.isOp("(")) {
                next();
                List<Arg> args = peek().isOp(")") ? List.of() : arguments();
                expectOp(")");
                e = new PySyntax.Call(e, args, t.line());
            } else if (t.isOp("[")) {
                next();
                Expr index = subscriptList();
                expectOp("]");
                e = new PySyntax.Subscript(e, index, t.line());
            } else if (t.isOp(".")) {
                next();
                e = new PySyntax.Attr(e, expectName(), t.line());
            } else {
                return e;
            }
            postfixChain(++count);
        }
    }

    List<Arg> arguments() {
        List<Arg> args = new ArrayList<>();
        while (!peek().isOp(")")) {
            if (acceptOp("*")) {
                args.add(new Arg(null, test(), 1));
            } else if (acceptOp("**")) {
                args.add(new Arg(null, test(), 2));
            } else if (peek().kind() == Kind.NAME && peek(1).isOp("=")) {
                String kw = next().text();
                next();
                args.add(new Arg(kw, test(), 0));
            } else {
                Expr v = namedTest();
                if (peek().isName("for") || peek().isName("async")) {
                    v = comprehension(PySyntax.SeqKind.LIST, v, null, false, v.line());
                }
                args.add(new Arg(null, v, 0));
            }
            if (!acceptOp(",")) {
                break;
            }
        }
        return args;
    }

    Expr subscriptList() {
        int line = peek().line();
        Expr first = subscript();
        if (!peek().isOp(",")) {
            return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (acceptOp(",")) {
            if (peek().isOp("]")) {
                break;
            }
            items.add(subscript());
        }
        return new PySyntax.Seq(PySyntax.SeqKind.TUPLE, items, line);
    }

    Expr subscript() {
        int line = peek().line();
        Expr lower = null;
        if (!peek().isOp(":")) {
            lower = test();
            if (!peek().isOp(":")) {
                return lower;
            }
        }
        expectOp(":");
        Expr upper = peek().isOp(":") || peek().isOp("]") || peek().isOp(",") ? null : test();
        Expr step = null;
        if (acceptOp(":") && !peek().isOp("]") && !peek().isOp(",")) {
            step = test();
        }
        return new PySyntax.Slice(lower, upper, step, line);
    }

    Expr atom() {
        PyToken t = peek();
        int line = t.line();
        switch (t.kind()) {
            case NAME -> {
                next();
                return switch (t.text()) {
                    case "None" -> new PySyntax.Const(PySyntax.NoneValue.NONE, line);
                    case "True" -> new PySyntax.Const(Boolean.TRUE, line);
                    case "False" -> new PySyntax.Const(Boolean.FALSE, line);
                    default -> {
                        if (isKeyword(t.text())) {
                            p--;
                            throw error("unexpected keyword");
                        }
                        yield new PySyntax.Name(t.text(), line);
                    }
                };
            }
            case NUMBER -> {
                next();
                return new PySyntax.Const(number(t.text()), line);
            }
            case STRING -> {
                return strings();
            }
            case OP -> {
                switch (t.text()) {
                    case "(" -> {
                        next();
                        enter();
                        try {
                            if (acceptOp(")")) {
                                return new PySyntax.Seq(PySyntax.SeqKind.TUPLE, List.of(), line);
                            }
                            if (peek().isName("yield")) {
                                Expr y = test();
                                expectOp(")");
                                return y;
                            }
                            Expr first = peek().isOp("*") ? starExpr() : namedTest();
                            if (peek().isName("for") || peek().isName("async")) {
                                Expr c = comprehension(PySyntax.SeqKind.TUPLE, first, null, false, line);
                                expectOp(")");
                                return c;
                            }
                            if (acceptOp(")")) {
                                return first;
                            }
                            List<Expr> items = seqItems(first, ")");
                            return new PySyntax.Seq(PySyntax.SeqKind.TUPLE, items, line);
                        } finally {
                            depth--;
                        }
                    }
                    case "[" -> {
                        next();
                        enter();
                        try {
                            if (acceptOp("]")) {
                                return new PySyntax.Seq(PySyntax.SeqKind.LIST, List.of(), line);
                            }
                            Expr first = peek().isOp("*") ? starExpr() : namedTest();
                            if (peek().isName("for") || peek().isName("async")) {
                                Expr c = comprehension(PySyntax.SeqKind.LIST, first, null, false, line);
                                expectOp("]");
                                return c;
                            }
                            if (acceptOp("]")) {
                                return new PySyntax.Seq(PySyntax.SeqKind.LIST, List.of(first), line);
                            }
                            return new PySyntax.Seq(PySyntax.SeqKind.LIST, seqItems(first, "]"), line);
                        } finally {
                            depth--;
                        }
                    }
                    case "{" -> {
                        next();
                        enter();
                        try {
                            return braces(line);
                        } finally {
                            depth--;
                        }
                    }
                    case "..." -> {
                        next();
                        return new PySyntax.Opaque("Ellipsis", line);
                    }
                    default -> throw error("expected an expression");
                }
            }
            default -> throw error("expected an expression");
        }
    }

    static boolean isKeyword(String s) {
        return switch (s) {
            case "if", "else", "elif", "for", "while", "def", "class", "return", "import", "from", "as", "with", "try",
                 "except", "finally", "raise", "pass", "break", "continue", "in", "is", "and", "or", "not", "global",
                 "nonlocal", "del", "assert", "lambda", "yield" -> true;
            default -> false;
        };
    }

    /** Items of a tuple or list after its first, up to and including the closing bracket. */
    List<Expr> seqItems(Expr first, String close) {
        List<Expr> items = new ArrayList<>(List.of(first));
        while (acceptOp(",")) {
            if (peek().isOp(close)) {
                break;
            }
            items.add(peek().isOp("*") ? starExpr() : namedTest());
        }
        expectOp(close);
        return items;
    }

    Expr braces(int line) {
        if (acceptOp("}")) {
            return new PySyntax.DictE(List.of(), List.of(), line);
        }
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        boolean isDict;
        if (acceptOp("**")) {
            keys.add(null);
            values.add(orExpr());
            isDict = true;
        } else {
            Expr first = peek().isOp("*") ? starExpr() : test();
            if (acceptOp(":")) {
                Expr v = test();
                if (peek().isName("for") || peek().isName("async")) {
                    Expr c = comprehension(PySyntax.SeqKind.LIST, first, v, true, line);
                    expectOp("}");
                    return c;
                }
                keys.add(first);
                values.add(v);
                isDict = true;
            } else {
                if (peek().isName("for") || peek().isName("async")) {
                    Expr c = comprehension(PySyntax.SeqKind.SET, first, null, false, line);
                    expectOp("}");
                    return c;
                }
                return new PySyntax.Seq(PySyntax.SeqKind.SET, seqItems(first, "}"), line);
            }
        }
        while (acceptOp(",")) {
            if (peek().isOp("}")) {
                break;
            }
            if (acceptOp("**")) {
                keys.add(null);
                values.add(orExpr());
            } else {
                keys.add(test());
                expectOp(":");
                values.add(test());
            }
        }
        expectOp("}");
        return new PySyntax.DictE(keys, values, line);
    }

    Expr comprehension(PySyntax.SeqKind kind, Expr element, Expr value, boolean dict, int line) {
        List<PySyntax.CompFor> clauses = new ArrayList<>();
        while (peek().isName("for") || peek().isName("async")) {
            acceptName("async");
            next();
            Expr target = targetList();
            if (!acceptName("in")) {
                throw error("expected 'in'");
            }
            Expr iter = orTest();
            List<Expr> conditions = new ArrayList<>();
            while (peek().isName("if")) {
                next();
                conditions.add(orTest());
            }
            clauses.add(new PySyntax.CompFor(target, iter, conditions));
        }
        return new PySyntax.Comp(kind, dict, element, value, clauses, line);
    }

    Expr strings() {
        int line = peek().line();
        List<Object> parts = new ArrayList<>();
        boolean anyF = false;
        StringBuilder lit = new StringBuilder();
        while (peek().kind() == Kind.STRING) {
            PyToken t = next();
            if (!t.fstring()) {
                lit.append(t.text());
                continue;
            }
            anyF = true;
            fstringParts(t, lit, parts);
        }
        if (!anyF) {
            return new PySyntax.Const(lit.toString(), line);
        }
        if (lit.length() > 0) {
            parts.add(lit.toString());
        }
        return new PySyntax.FStr(parts, line);
    }

    /** Splits an f-string body into literal text and replacement fields. */
    void fstringParts(PyToken t, StringBuilder lit, List<Object> parts) {
        String s = t.text();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '{') {
                if (i + 1 < n && s.charAt(i + 1) == '{') {
                    lit.append('{');
                    i += 2;
                    continue;
                }
                int level = 0;
                int j = i + 1;
                int exprEnd = -1;
                char quote = 0;
                for (; j < n; j++) {
                    char d = s.charAt(j);
                    if (quote != 0) {
                        if (d == quote) {
                            quote = 0;
                        }
                        continue;
                    }
                    if (d == '\'' || d == '"') {
                        quote = d;
                    } else if (d == '(' || d == '[' || d == '{') {
                        level++;
                    } else if (d == ')' || d == ']' || (d == '}' && level > 0)) {
                        level--;
                    } else if (d == '}' ) {
                        break;
                    } else if (level == 0 && exprEnd < 0 && (d == ':' || (d == '!' && j + 1 < n && s.charAt(j + 1) != '='))) {
                        exprEnd = j;
                    }
                }
                if (j >= n) {
                    lit.append(s, i, n);
                    break;
                }
                if (lit.length() > 0) {
                    parts.add(lit.toString());
                    lit.setLength(0);
                }
                String exprText = s.substring(i + 1, exprEnd < 0 ? j : exprEnd).trim();
                if (exprText.endsWith("=")) {
                    exprText = exprText.substring(0, exprText.length() - 1);
                }
                String spec = "";
                if (exprEnd >= 0 && s.charAt(exprEnd) == ':') {
                    spec = s.substring(exprEnd + 1, j);
                } else if (exprEnd >= 0) {
                    int colon = s.indexOf(':', exprEnd);
                    spec = colon >= 0 && colon < j ? s.substring(colon + 1, j) : "";
                }
                parts.add(new PySyntax.Field(parseExpression(exprText, t.line(), depth + 1), spec));
                i = j + 1;
            } else if (c == '}') {
                lit.append('}');
                i += (i + 1 < n && s.charAt(i + 1) == '}') ? 2 : 1;
            } else if (c == '\\' && !t.raw() && i + 1 < n) {
                i = PyTokenizer.decodeEscape(s, s.charAt(i + 1), lit, i + 2);
            } else {
                lit.append(c);
                i++;
            }
        }
    }

    static Object number(String text) {
        String t = text.replace("_", "").toLowerCase();
        try {
            if (t.endsWith("j")) {
                return 0L;
            }
            if (t.startsWith("0x")) {
                return Long.parseLong(t.substring(2), 16);
            }
            if (t.startsWith("0o")) {
                return Long.parseLong(t.substring(2), 8);
            }
            if (t.startsWith("0b")) {
                return Long.parseLong(t.substring(2), 2);
            }
            if (t.contains(".") || t.contains("e")) {
                return Double.parseDouble(t);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e2) {
                return 0L;
            }
        }
    }
}
