package dev.flowcost.core.dag.python.syntax;

import dev.flowcost.core.dag.python.syntax.PySyntax.Arg;
import dev.flowcost.core.dag.python.syntax.PySyntax.Expr;
import dev.flowcost.core.dag.python.syntax.PySyntax.Stmt;
import dev.flowcost.core.dag.python.syntax.PyToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for the Python statements DAG files use (the expressions are
 * {@link ExpressionParser}'s). A statement it cannot parse becomes a syntax problem (line:column) and the parser
 * resumes at the next statement, so one bad line never hides the DAG. Nesting is bounded so hostile input cannot exhaust the stack.
 */
public final class PyParser extends ExpressionParser {

    /** A syntax problem at a place. */
    public record Problem(int line, int column, String message) {
    }

    private final List<Problem> problems;

    public PyParser(List<PyToken> tokens, List<Problem> problems) {
        super(tokens);
        this.problems = problems;
    }

    /** Parses a whole module. */
    public List<Stmt> module() {
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
}
