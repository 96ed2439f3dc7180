package dev.flowcost.core.dag.python.syntax;

import java.util.List;

/**
 * The syntax tree of the Python subset DAG files use. Anything the parser does not model becomes
 * {@link Opaque}, so the reader can still walk the rest of the file.
 */
public final class PySyntax {

    private PySyntax() {
    }

    /** An expression. */
    public sealed interface Expr permits Name, Const, FStr, Attr, Call, Subscript, Seq, DictE, BinOp, Unary, IfExp, Comp,
            Starred, Slice, Opaque, Walrus {
        int line();
    }

    /** A statement. */
    public sealed interface Stmt permits ExprStmt, Assign, AugAssign, Import, With, FuncDef, ClassDef, For, While, If, Return,
            Try, Jump, Global, Skip {
        int line();
    }

    /** Python's None, as a constant value. */
    public enum NoneValue { NONE;
        @Override
        public String toString() {
            return "None";
        }
    }

    public record Name(String id, int line) implements Expr { }

    /** A literal: String, Long, Double, Boolean or {@link NoneValue}. */
    public record Const(Object value, int line) implements Expr { }

    /** An f-string: its parts are String literals or Expr replacement fields (with an optional format spec). */
    public record FStr(List<Object> parts, int line) implements Expr { }

    /** A replacement field of an f-string. */
    public record Field(Expr expr, String spec) { }

    public record Attr(Expr obj, String name, int line) implements Expr { }

    /** A call argument: {@code star} is 0 for plain/keyword, 1 for {@code *x}, 2 for {@code **x}; keyword null when positional. */
    public record Arg(String keyword, Expr value, int star) { }

    public record Call(Expr fn, List<Arg> args, int line) implements Expr { }

    public record Subscript(Expr obj, Expr index, int line) implements Expr { }

    public enum SeqKind { LIST, TUPLE, SET }

    public record Seq(SeqKind kind, List<Expr> items, int line) implements Expr { }

    /** A dict display; a null key means {@code **value}. */
    public record DictE(List<Expr> keys, List<Expr> values, int line) implements Expr { }

    public record BinOp(String op, Expr left, Expr right, int line) implements Expr { }

    public record Unary(String op, Expr operand, int line) implements Expr { }

    public record IfExp(Expr body, Expr test, Expr orElse, int line) implements Expr { }

    /** One {@code for target in iter if cond...} clause of a comprehension. */
    public record CompFor(Expr target, Expr iter, List<Expr> conditions) { }

    /** A comprehension; {@code value} is set for dict comprehensions. */
    public record Comp(SeqKind kind, boolean dict, Expr element, Expr value, List<CompFor> clauses, int line) implements Expr { }

    public record Starred(Expr value, int line) implements Expr { }

    public record Slice(Expr lower, Expr upper, Expr step, int line) implements Expr { }

    /** Something the reader does not evaluate (lambda, yield, await...): {@code what} names it. */
    public record Opaque(String what, int line) implements Expr { }

    /** {@code name := value}: an assignment inside an expression (Python 3.8). */
    public record Walrus(String name, Expr value, int line) implements Expr { }

    public record ExprStmt(Expr expr, int line) implements Stmt { }

    public record Assign(List<Expr> targets, Expr value, int line) implements Stmt { }

    public record AugAssign(Expr target, String op, Expr value, int line) implements Stmt { }

    /** One imported name: {@code from module import name as alias}, or {@code import module as alias} (name null). */
    public record ImportName(String module, String name, String alias) { }

    public record Import(List<ImportName> names, int line) implements Stmt { }

    public record WithItem(Expr context, Expr target) { }

    public record With(List<WithItem> items, List<Stmt> body, int line) implements Stmt { }

    /** A parameter; {@code star} is 0, 1 for {@code *args}, 2 for {@code **kwargs}. */
    public record Param(String name, Expr defaultValue, int star) { }

    public record FuncDef(String name, List<Param> params, List<Expr> decorators, List<Stmt> body, int line) implements Stmt { }

    public record ClassDef(String name, List<Expr> bases, List<Expr> decorators, List<Stmt> body, int line) implements Stmt { }

    public record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse, int line) implements Stmt { }

    public record While(Expr test, List<Stmt> body, int line) implements Stmt { }

    public record If(Expr test, List<Stmt> body, List<Stmt> orElse, int line) implements Stmt { }

    public record Return(Expr value, int line) implements Stmt { }

    public record Try(List<Stmt> body, List<List<Stmt>> handlers, List<Stmt> orElse, List<Stmt> finallyBody, int line)
            implements Stmt { }

    /** break, continue or pass. */
    public record Jump(String keyword, int line) implements Stmt { }

    public record Global(List<String> names, int line) implements Stmt { }

    /** A statement read but deliberately not modelled (raise, del, assert, match...). */
    public record Skip(String what, int line) implements Stmt { }

    /** Renders an expression back to compact Python-like text, for diagnostics and "as written" fields. */
    public static String show(Expr e) {
        StringBuilder b = new StringBuilder();
        show(e, b, 0);
        return b.toString();
    }

    private static void show(Expr e, StringBuilder b, int depth) {
        if (depth > 60 || b.length() > 500) {
            b.append("...");
            return;
        }
        int d = depth + 1;
        if (e == null) {
            b.append("None");
        } else if (e instanceof Name x) {
            b.append(x.id());
        } else if (e instanceof Const c) {
            if (c.value() instanceof String s) {
                b.append('"').append(s).append('"');
            } else if (c.value() instanceof Boolean bo) {
                b.append(bo ? "True" : "False");
            } else {
                b.append(c.value());
            }
        } else if (e instanceof FStr f) {
            b.append("f\"");
            for (Object p : f.parts()) {
                if (p instanceof Field fd) {
                    b.append('{');
                    show(fd.expr(), b, d);
                    b.append('}');
                } else {
                    b.append(p);
                }
            }
            b.append('"');
        } else if (e instanceof Attr a) {
            show(a.obj(), b, d);
            b.append('.').append(a.name());
        } else if (e instanceof Call c) {
            show(c.fn(), b, d);
            b.append('(');
            for (int i = 0; i < c.args().size(); i++) {
                Arg a = c.args().get(i);
                if (i > 0) {
                    b.append(", ");
                }
                b.append(a.star() == 1 ? "*" : a.star() == 2 ? "**" : "");
                if (a.keyword() != null) {
                    b.append(a.keyword()).append('=');
                }
                show(a.value(), b, d);
            }
            b.append(')');
        } else if (e instanceof Subscript s) {
            show(s.obj(), b, d);
            b.append('[');
            show(s.index(), b, d);
            b.append(']');
        } else if (e instanceof Seq s) {
            b.append(s.kind() == SeqKind.LIST ? "[" : s.kind() == SeqKind.TUPLE ? "(" : "{");
            for (int i = 0; i < s.items().size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                show(s.items().get(i), b, d);
            }
            b.append(s.kind() == SeqKind.LIST ? "]" : s.kind() == SeqKind.TUPLE ? ")" : "}");
        } else if (e instanceof DictE m) {
            b.append('{');
            for (int i = 0; i < m.keys().size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                if (m.keys().get(i) == null) {
                    b.append("**");
                } else {
                    show(m.keys().get(i), b, d);
                    b.append(": ");
                }
                show(m.values().get(i), b, d);
            }
            b.append('}');
        } else if (e instanceof BinOp o) {
            show(o.left(), b, d);
            b.append(' ').append(o.op()).append(' ');
            show(o.right(), b, d);
        } else if (e instanceof Unary u) {
            b.append(u.op()).append(u.op().equals("not") ? " " : "");
            show(u.operand(), b, d);
        } else if (e instanceof Starred s) {
            b.append('*');
            show(s.value(), b, d);
        } else if (e instanceof IfExp i) {
            show(i.body(), b, d);
            b.append(" if ");
            show(i.test(), b, d);
            b.append(" else ");
            show(i.orElse(), b, d);
        } else if (e instanceof Comp) {
            b.append("<comprehension>");
        } else if (e instanceof Slice) {
            b.append(':');
        } else if (e instanceof Opaque o) {
            b.append('<').append(o.what()).append('>');
        } else if (e instanceof Walrus w) {
            b.append(w.name()).append(" := ");
            show(w.value(), b, d);
        }
    }
}
