package dev.flowcost.core.dag.python;

import dev.flowcost.core.dag.python.PySyntax.Arg;
import dev.flowcost.core.dag.python.PySyntax.Expr;
import dev.flowcost.core.dag.python.PySyntax.Stmt;
import dev.flowcost.core.dag.python.PyToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for the Python statements and expressions DAG files use. A statement it cannot parse
 * becomes a syntax problem (line:column) and the parser resumes at the next statement, so one bad line never
 * hides the DAG. Nesting is bounded so hostile input cannot exhaust the stack.
 */
final class PyParser {

    static final int MAX_DEPTH = 200;

    /** A syntax problem at a place. */
    record Problem(int line, int column, String message) {
    }

    private static final class ParseError extends RuntimeException {
        final PyToken at;

        ParseError(PyToken at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private final List<PyToken> toks;
    private int p;
    private int depth;
    private final List<Problem> problems;

    PyParser(List<PyToken> tokens, List<Problem> problems) {
        this.toks = tokens;
        this.problems = problems;
    }

    /** Parses a whole module. */
    List<Stmt> module() {
        List<Stmt> out = new ArrayList<>();
        while (peek().kind() != Kind.EOF) {
            if (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.DEDENT || peek().kind() == Kind.INDENT) {
                if (peek().kind() == Kind.INDENT) {
                    problems.add(new Problem(peek().line(), peek().column(), "unexpected indent"));
                    skipBlock();
                } else {
                    p++;
                }
                continue;
            }
            statementInto(out);
        }
        return out;
    }

    /** Parses one expression from text (an f-string field), sharing this parser's depth. */
    static Expr parseExpression(String text, int line, int depthSoFar) {
        PyTokenizer tz = new PyTokenizer(text);
        List<PyToken> ts = new ArrayList<>();
        for (PyToken t : tz.tokenize()) {
            ts.add(new PyToken(t.kind(), t.text(), line, t.column(), t.fstring(), t.raw()));
        }
        PyParser sub = new PyParser(ts, new ArrayList<>());
        sub.depth = depthSoFar;
        try {
            Expr e = sub.testlist();
            return e;
        } catch (ParseError e) {
            return new PySyntax.Opaque("f-string field", line);
        }
    }

    private PyToken peek() {
        return toks.get(p);
    }

    private PyToken peek(int k) {
        return toks.get(Math.min(p + k, toks.size() - 1));
    }

    private PyToken next() {
        PyToken t = toks.get(p);
        if (t.kind() != Kind.EOF) {
            p++;
        }
        return t;
    }

    private boolean acceptOp(String s) {
        if (peek().isOp(s)) {
            p++;
            return true;
        }
        return false;
    }

    private boolean acceptName(String s) {
        if (peek().isName(s)) {
            p++;
            return true;
        }
        return false;
    }

    private PyToken expectOp(String s) {
        if (!peek().isOp(s)) {
            throw error("expected '" + s + "'");
        }
        return next();
    }

    private String expectName() {
        if (peek().kind() != Kind.NAME) {
            throw error("expected a name");
        }
        return next().text();
    }

    private ParseError error(String message) {
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

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ParseError(peek(), "nesting deeper than " + MAX_DEPTH + " levels; statement not read");
        }
    }

    // ---------------------------------------------------------------- statements

    private void statementInto(List<Stmt> out) {
        int saved = depth;
        int start = p;
        try {
            compoundOrSimple(out);
        } catch (ParseError e) {
            problems.add(new Problem(e.at.line(), e.at.column(), "syntax error: " + e.getMessage()));
            depth = saved;
            if (p == start) {
                p++;
            }
            recover();
        }
        depth = saved;
    }

    /** Skips to the start of the next statement at the current block level (skipping any block it opens). */
    private void recover() {
        int balance = 0;
        while (peek().kind() != Kind.EOF) {
            PyToken t = peek();
            if (t.kind() == Kind.INDENT) {
                balance++;
            } else if (t.kind() == Kind.DEDENT) {
                if (balance == 0) {
                    return;
                }
                balance--;
                p++;
                if (balance == 0 && peek().kind() != Kind.INDENT) {
                    return;
                }
                continue;
            } else if (t.kind() == Kind.NEWLINE && balance == 0) {
                p++;
                if (peek().kind() == Kind.INDENT) {
                    skipBlock();
                }
                return;
            }
            p++;
        }
    }

    private void skipBlock() {
        int balance = 0;
        do {
            PyToken t = next();
            if (t.kind() == Kind.INDENT) {
                balance++;
            } else if (t.kind() == Kind.DEDENT) {
                balance--;
            } else if (t.kind() == Kind.EOF) {
                return;
            }
        } while (balance > 0);
    }

    private void compoundOrSimple(List<Stmt> out) {
        PyToken t = peek();
        if (t.kind() == Kind.OP && t.text().equals("@")) {
            out.add(decorated());
            return;
        }
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "if" -> { out.add(ifStmt()); return; }
                case "for" -> { out.add(forStmt()); return; }
                case "while" -> { out.add(whileStmt()); return; }
                case "with" -> { out.add(withStmt()); return; }
                case "def" -> { out.add(funcDef(List.of())); return; }
                case "class" -> { out.add(classDef(List.of())); return; }
                case "try" -> { out.add(tryStmt()); return; }
                case "async" -> {
                    if (peek(1).isName("def") || peek(1).isName("with") || peek(1).isName("for")) {
                        p++;
                        compoundOrSimple(out);
                        return;
                    }
                }
                case "match" -> {
                    if (looksLikeMatch()) {
                        int line = t.line();
                        while (peek().kind() != Kind.NEWLINE && peek().kind() != Kind.EOF) {
                            p++;
                        }
                        p++;
                        if (peek().kind() == Kind.INDENT) {
                            skipBlock();
                        }
                        out.add(new PySyntax.Skip("match", line));
                        return;
                    }
                }
                default -> { }
            }
        }
        simpleStatements(out);
    }

    private boolean looksLikeMatch() {
        PyToken n1 = peek(1);
        if (n1.kind() == Kind.NEWLINE || n1.isOp("=") || n1.isOp(".") || n1.isOp("(") && false) {
            return false;
        }
        for (int k = p + 1; k < toks.size(); k++) {
            PyToken x = toks.get(k);
            if (x.kind() == Kind.NEWLINE || x.kind() == Kind.EOF) {
                return toks.get(k - 1).isOp(":");
            }
            if (x.isOp("=")) {
                return false;
            }
        }
        return false;
    }

    private List<Stmt> suite() {
        expectOp(":");
        List<Stmt> body = new ArrayList<>();
        if (peek().kind() != Kind.NEWLINE) {
            simpleStatements(body);
            return body;
        }
        next();
        if (peek().kind() != Kind.INDENT) {
            throw error("expected an indented block");
        }
        next();
        enter();
        while (peek().kind() != Kind.DEDENT && peek().kind() != Kind.EOF) {
            if (peek().kind() == Kind.NEWLINE) {
                p++;
                continue;
            }
            if (peek().kind() == Kind.INDENT) {
                problems.add(new Problem(peek().line(), peek().column(), "unexpected indent"));
                skipBlock();
                continue;
            }
            statementInto(body);
        }
        depth--;
        if (peek().kind() == Kind.DEDENT) {
            next();
        }
        return body;
    }

    private Stmt decorated() {
        List<Expr> decorators = new ArrayList<>();
        while (acceptOp("@")) {
            decorators.add(test());
            if (peek().kind() != Kind.NEWLINE) {
                throw error("expected end of line after decorator");
            }
            next();
        }
        acceptName("async");
        if (peek().isName("def")) {
            return funcDef(decorators);
        }
        if (peek().isName("class")) {
            return classDef(decorators);
        }
        throw error("expected def or class after decorator");
    }

    private Stmt funcDef(List<Expr> decorators) {
        int line = next().line();
        String name = expectName();
        expectOp("(");
        List<PySyntax.Param> params = new ArrayList<>();
        while (!peek().isOp(")")) {
            int star = 0;
            if (acceptOp("*")) {
                star = 1;
            } else if (acceptOp("**")) {
                star = 2;
            } else if (acceptOp("/")) {
                if (!acceptOp(",")) {
                    break;
                }
                continue;
            }
            if (star == 1 && (peek().isOp(",") || peek().isOp(")"))) {
                acceptOp(",");
                continue;
            }
            String pn = expectName();
            if (acceptOp(":")) {
                test();
            }
            Expr def = null;
            if (acceptOp("=")) {
                def = test();
            }
            params.add(new PySyntax.Param(pn, def, star));
            if (!acceptOp(",")) {
                break;
            }
        }
        expectOp(")");
        if (acceptOp("->")) {
            test();
        }
        return new PySyntax.FuncDef(name, params, decorators, suite(), line);
    }

    private Stmt classDef(List<Expr> decorators) {
        int line = next().line();
        String name = expectName();
        List<Expr> bases = new ArrayList<>();
        if (acceptOp("(")) {
            if (!peek().isOp(")")) {
                for (Arg a : arguments()) {
                    if (a.keyword() == null && a.star() == 0) {
                        bases.add(a.value());
                    }
                }
            }
            expectOp(")");
        }
        return new PySyntax.ClassDef(name, bases, decorators, suite(), line);
    }

    private Stmt ifStmt() {
        int line = next().line();
        Expr test = namedTest();
        List<Stmt> body = suite();
        List<Stmt> orElse = List.of();
        if (peek().isName("elif")) {
            orElse = List.of(ifStmt());
        } else if (acceptName("else")) {
            orElse = suite();
        }
        return new PySyntax.If(test, body, orElse, line);
    }

    private Stmt forStmt() {
        int line = next().line();
        Expr target = targetList();
        if (!acceptName("in")) {
            throw error("expected 'in'");
        }
        Expr iter = testlist();
        List<Stmt> body = suite();
        List<Stmt> orElse = List.of();
        if (acceptName("else")) {
            orElse = suite();
        }
        return new PySyntax.For(target, iter, body, orElse, line);
    }

    private Stmt whileStmt() {
        int line = next().line();
        Expr test = namedTest();
        List<Stmt> body = suite();
        if (acceptName("else")) {
            suite();
        }
        return new PySyntax.While(test, body, line);
    }

    private Stmt withStmt() {
        int line = next().line();
        List<PySyntax.WithItem> items = new ArrayList<>();
        boolean paren = false;
        if (peek().isOp("(") && parenthesisedWithItems()) {
            next();
            paren = true;
        }
        do {
            if (paren && peek().isOp(")")) {
                break;
            }
            Expr ctx = test();
            Expr target = null;
            if (acceptName("as")) {
                target = targetAtom();
            }
            items.add(new PySyntax.WithItem(ctx, target));
        } while (acceptOp(","));
        if (paren) {
            expectOp(")");
        }
        return new PySyntax.With(items, suite(), line);
    }

    /** Whether {@code with (` opens a parenthesised list of items (Python 3.10) rather than an expression. */
    private boolean parenthesisedWithItems() {
        int level = 0;
        for (int k = p; k < toks.size(); k++) {
            PyToken t = toks.get(k);
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                level++;
            } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                level--;
                if (level == 0) {
                    return toks.get(k + 1).isOp(":") && hasAsInside(p, k);
                }
            } else if (t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF) {
                return false;
            }
        }
        return false;
    }

    private boolean hasAsInside(int from, int to) {
        for (int k = from; k < to; k++) {
            if (toks.get(k).isName("as")) {
                return true;
            }
        }
        return false;
    }

    private Stmt tryStmt() {
        int line = next().line();
        List<Stmt> body = suite();
        List<List<Stmt>> handlers = new ArrayList<>();
        List<Stmt> orElse = List.of();
        List<Stmt> fin = List.of();
        while (peek().isName("except")) {
            next();
            acceptOp("*");
            if (!peek().isOp(":")) {
                test();
                if (acceptName("as")) {
                    expectName();
                } else if (acceptOp(",")) {
                    test();
                }
            }
            handlers.add(suite());
        }
        if (acceptName("else")) {
            orElse = suite();
        }
        if (acceptName("finally")) {
            fin = suite();
        }
        return new PySyntax.Try(body, handlers, orElse, fin, line);
    }

    private void simpleStatements(List<Stmt> out) {
        out.add(smallStatement());
        while (acceptOp(";")) {
            if (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.EOF) {
                break;
            }
            out.add(smallStatement());
        }
        if (peek().kind() == Kind.NEWLINE) {
            next();
        } else if (peek().kind() != Kind.EOF && peek().kind() != Kind.DEDENT) {
            throw error("expected end of statement");
        }
    }

    private Stmt smallStatement() {
        PyToken t = peek();
        int line = t.line();
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "pass", "break", "continue" -> {
                    next();
                    return new PySyntax.Jump(t.text(), line);
                }
                case "return" -> {
                    next();
                    Expr v = atStatementEnd() ? null : testlist();
                    return new PySyntax.Return(v, line);
                }
                case "import" -> {
                    return importStmt();
                }
                case "from" -> {
                    return fromImport();
                }
                case "global", "nonlocal" -> {
                    next();
                    List<String> names = new ArrayList<>();
                    do {
                        names.add(expectName());
                    } while (acceptOp(","));
                    return new PySyntax.Global(t.text().equals("global") ? names : List.of(), line);
                }
                case "raise", "del", "assert" -> {
                    next();
                    if (!atStatementEnd()) {
                        testlist();
                        if (acceptName("from")) {
                            test();
                        }
                    }
                    return new PySyntax.Skip(t.text(), line);
                }
                default -> { }
            }
        }
        Expr first = testlistStar();
        if (acceptOp(":")) { // annotated assignment
            test();
            if (acceptOp("=")) {
                return new PySyntax.Assign(List.of(first), testlistStar(), line);
            }
            return new PySyntax.Skip("annotation", line);
        }
        if (peek().kind() == Kind.OP && peek().text().length() >= 2 && peek().text().endsWith("=")
                && !peek().text().equals("==") && !peek().text().equals("<=") && !peek().text().equals(">=")
                && !peek().text().equals("!=")) {
            String op = next().text();
            return new PySyntax.AugAssign(first, op.substring(0, op.length() - 1), testlistStar(), line);
        }
        if (peek().isOp("=")) {
            List<Expr> targets = new ArrayList<>();
            Expr value = first;
            while (acceptOp("=")) {
                targets.add(value);
                value = testlistStar();
            }
            return new PySyntax.Assign(targets, value, line);
        }
        return new PySyntax.ExprStmt(first, line);
    }

    private boolean atStatementEnd() {
        PyToken t = peek();
        return t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF || t.isOp(";") || t.kind() == Kind.DEDENT;
    }

    private Stmt importStmt() {
        int line = next().line();
        List<PySyntax.ImportName> names = new ArrayList<>();
        do {
            String module = dottedName();
            String alias = acceptName("as") ? expectName() : null;
            names.add(new PySyntax.ImportName(module, null, alias));
        } while (acceptOp(","));
        return new PySyntax.Import(names, line);
    }

    private Stmt fromImport() {
        int line = next().line();
        StringBuilder module = new StringBuilder();
        while (peek().isOp(".") || peek().isOp("...")) {
            module.append(next().text());
        }
        if (!peek().isName("import")) {
            module.append(dottedName());
        }
        if (!acceptName("import")) {
            throw error("expected 'import'");
        }
        List<PySyntax.ImportName> names = new ArrayList<>();
        if (acceptOp("*")) {
            names.add(new PySyntax.ImportName(module.toString(), "*", null));
            return new PySyntax.Import(names, line);
        }
        boolean paren = acceptOp("(");
        do {
            if (paren && peek().isOp(")")) {
                break;
            }
            String name = expectName();
            String alias = acceptName("as") ? expectName() : null;
            names.add(new PySyntax.ImportName(module.toString(), name, alias));
        } while (acceptOp(","));
        if (paren) {
            expectOp(")");
        }
        return new PySyntax.Import(names, line);
    }

    private String dottedName() {
        StringBuilder b = new StringBuilder(expectName());
        while (acceptOp(".")) {
            b.append('.').append(expectName());
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- expressions

    private Expr targetList() {
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

    private Expr targetAtom() {
        if (peek().isOp("*")) {
            int line = next().line();
            return new PySyntax.Starred(orExpr(), line);
        }
        return orExpr();
    }

    private Expr testlistStar() {
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

    private Expr testlist() {
        return testlistStar();
    }

    private Expr starExpr() {
        int line = expectOp("*").line();
        return new PySyntax.Starred(orExpr(), line);
    }

    private Expr namedTest() {
        if (peek().kind() == Kind.NAME && peek(1).isOp(":=")) {
            PyToken name = next();
            next();
            return new PySyntax.Walrus(name.text(), test(), name.line());
        }
        return test();
    }

    private Expr test() {
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

    private Expr orTest() {
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

    private void chain(int count) {
        if (count > MAX_OPERATORS) {
            throw new ParseError(peek(), "expression longer than " + MAX_OPERATORS + " operations; statement not read");
        }
    }

    private void postfixChain(int count) {
        if (count > MAX_DEPTH) {
            throw new ParseError(peek(), "more than " + MAX_DEPTH + " calls, subscripts or attributes in a row; "
                    + "statement not read");
        }
    }

    private Expr andTest() {
        Expr left = notTest();
        int count = 0;
        while (peek().isName("and")) {
            int line = next().line();
            left = new PySyntax.BinOp("and", left, notTest(), line);
            chain(++count);
        }
        return left;
    }

    private Expr notTest() {
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

    private Expr comparison() {
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

    private Expr orExpr() {
        return binary(0);
    }

    private static final String[][] LEVELS = {{"|"}, {"^"}, {"&"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%", "//", "@"}};

    private Expr binary(int level) {
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

    private Expr factor() {
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

    private Expr atomExpr() {
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

    private List<Arg> arguments() {
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

    private Expr subscriptList() {
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

    private Expr subscript() {
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

    private Expr atom() {
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

    private static boolean isKeyword(String s) {
        return switch (s) {
            case "if", "else", "elif", "for", "while", "def", "class", "return", "import", "from", "as", "with", "try",
                 "except", "finally", "raise", "pass", "break", "continue", "in", "is", "and", "or", "not", "global",
                 "nonlocal", "del", "assert", "lambda", "yield" -> true;
            default -> false;
        };
    }

    /** Items of a tuple or list after its first, up to and including the closing bracket. */
    private List<Expr> seqItems(Expr first, String close) {
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

    private Expr braces(int line) {
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

    private Expr comprehension(PySyntax.SeqKind kind, Expr element, Expr value, boolean dict, int line) {
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

    private Expr strings() {
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
    private void fstringParts(PyToken t, StringBuilder lit, List<Object> parts) {
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
