package dev.flowcost.core.dag.formats;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the Graphviz DOT that {@code airflow dags show --save dag.dot} writes, the one export every Airflow version
 * can make from the command line. DOT carries the graph and TaskGroups (as {@code subgraph cluster_*}) but not
 * operators, retries or schedules: every task is kept with operator "unknown" (one INFO per file says so) and the
 * schedule is UNKNOWN. Airflow draws a TaskGroup's edges through join nodes ({@code group.upstream_join_id},
 * {@code group.downstream_join_id}); those are not tasks, so they are removed and the edges through them joined.
 *
 * <p>Grammar handled: {@code [strict] (graph|digraph) [id] { ... }} with node, edge and attribute statements,
 * {@code a -> b -> c} chains, {@code {a b} -> c} and subgraphs as edge ends, quoted ids with escapes, HTML ids,
 * ports ({@code a:p}), and {@code //}, {@code /* *}{@code /} and {@code #} comments.
 */
public final class DotDagReader {

    /** Reads every graph in a DOT file as a DAG; never throws. */
    public DagReadResult read(String file, String content) {
        List<Diagnostic> diags = new ArrayList<>();
        try {
            List<Token> tokens = new Lexer(content == null ? "" : content).tokens();
            Parser parser = new Parser(file, tokens, diags);
            List<Dag> dags = parser.graphs();
            if (dags.stream().anyMatch(d -> !d.tasks().isEmpty())) {
                diags.add(Diagnostic.info(DiagnosticCode.DAG_OPERATOR_UNKNOWN, file, SourceLocation.UNKNOWN,
                        "DOT does not name operators: every task is read with "
                        + "operator 'unknown'; give durations in the workload file or read the Python source for operators"));
            }
            return new DagReadResult(dags, diags);
        } catch (DotSyntaxError e) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_SYNTAX, file, new SourceLocation("", e.line, e.column), e.getMessage()));
            return new DagReadResult(List.of(), diags);
        } catch (RuntimeException | StackOverflowError e) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, file, SourceLocation.UNKNOWN,
                    "could not read the DOT file: " + e.getClass().getSimpleName()));
            return new DagReadResult(List.of(), diags);
        }
    }

    private enum Kind { ID, QUOTED, LBRACE, RBRACE, LBRACKET, RBRACKET, SEMI, COMMA, EQUALS, ARROW, COLON, EOF }

    private record Token(Kind kind, String text, int line, int column) {
        boolean isKeyword(String k) {
            return kind == Kind.ID && text.equalsIgnoreCase(k);
        }

        boolean isId() {
            return kind == Kind.ID || kind == Kind.QUOTED;
        }
    }

    /** A syntax error at a place in the file. */
    private static final class DotSyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        DotSyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private static final class Lexer {
        private final String s;
        private int pos;
        private int line = 1;
        private int col = 1;

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            boolean lineStart = true;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    advance();
                    lineStart = true;
                    continue;
                }
                if (Character.isWhitespace(c)) {
                    advance();
                    continue;
                }
                if (c == '#' && lineStart) {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        advance();
                    }
                    continue;
                }
                lineStart = false;
                if (c == '/' && peek(1) == '/') {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        advance();
                    }
                    continue;
                }
                if (c == '/' && peek(1) == '*') {
                    int l = line;
                    int k = col;
                    advance();
                    advance();
                    while (pos < s.length() && !(s.charAt(pos) == '*' && peek(1) == '/')) {
                        advance();
                    }
                    if (pos >= s.length()) {
                        throw new DotSyntaxError("unterminated /* comment", l, k);
                    }
                    advance();
                    advance();
                    continue;
                }
                int l = line;
                int k = col;
                switch (c) {
                    case '{' -> out.add(single(Kind.LBRACE, l, k));
                    case '}' -> out.add(single(Kind.RBRACE, l, k));
                    case '[' -> out.add(single(Kind.LBRACKET, l, k));
                    case ']' -> out.add(single(Kind.RBRACKET, l, k));
                    case ';' -> out.add(single(Kind.SEMI, l, k));
                    case ',' -> out.add(single(Kind.COMMA, l, k));
                    case '=' -> out.add(single(Kind.EQUALS, l, k));
                    case ':' -> out.add(single(Kind.COLON, l, k));
                    case '"' -> out.add(quoted(l, k));
                    case '<' -> out.add(html(l, k));
                    default -> {
                        if (c == '-' && (peek(1) == '>' || peek(1) == '-')) {
                            advance();
                            advance();
                            out.add(new Token(Kind.ARROW, "->", l, k));
                        } else if (isIdChar(c) || c == '-' || c == '.') {
                            StringBuilder b = new StringBuilder();
                            while (pos < s.length() && (isIdChar(s.charAt(pos)) || s.charAt(pos) == '.'
                                    || (s.charAt(pos) == '-' && !(peek(1) == '>' || peek(1) == '-')))) {
                                b.append(s.charAt(pos));
                                advance();
                            }
                            out.add(new Token(Kind.ID, b.toString(), l, k));
                        } else {
                            throw new DotSyntaxError("unexpected character '" + printable(c) + "'", l, k);
                        }
                    }
                }
            }
            out.add(new Token(Kind.EOF, "", line, col));
            return out;
        }

        private static String printable(char c) {
            return Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
        }

        private static boolean isIdChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c >= 0x80;
        }

        private char peek(int ahead) {
            int p = pos + ahead;
            return p < s.length() ? s.charAt(p) : '\0';
        }

        private void advance() {
            if (s.charAt(pos) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            pos++;
        }

        private Token single(Kind kind, int l, int k) {
            String t = String.valueOf(s.charAt(pos));
            advance();
            return new Token(kind, t, l, k);
        }

        private Token quoted(int l, int k) {
            advance();
            StringBuilder b = new StringBuilder();
            while (pos < s.length() && s.charAt(pos) != '"') {
                char c = s.charAt(pos);
                if (c == '\\' && pos + 1 < s.length()) {
                    char n = s.charAt(pos + 1);
                    advance();
                    advance();
                    if (n == '"' || n == '\\') {
                        b.append(n);
                    } else if (n == '\n') {
                        continue; // line continuation
                    } else {
                        b.append('\\').append(n);
                    }
                    continue;
                }
                b.append(c);
                advance();
            }
            if (pos >= s.length()) {
                throw new DotSyntaxError("unterminated quoted string", l, k);
            }
            advance();
            // "a" + "b" concatenation
            return new Token(Kind.QUOTED, b.toString(), l, k);
        }

        private Token html(int l, int k) {
            int depth = 0;
            StringBuilder b = new StringBuilder();
            do {
                if (pos >= s.length()) {
                    throw new DotSyntaxError("unterminated <html> id", l, k);
                }
                char c = s.charAt(pos);
                if (c == '<') {
                    depth++;
                } else if (c == '>') {
                    depth--;
                }
                b.append(c);
                advance();
            } while (depth > 0);
            return new Token(Kind.QUOTED, b.substring(1, b.length() - 1), l, k);
        }
    }

    /** A node as the graph declares it. */
    private static final class Node {
        final String id;
        final int line;
        final Map<String, String> attrs = new LinkedHashMap<>();
        String cluster;

        Node(String id, int line) {
            this.id = id;
            this.line = line;
        }
    }

    private static final class Parser {
        private static final int MAX_DEPTH = 200;
        private final String file;
        private final List<Token> t;
        private final List<Diagnostic> diags;
        private int i;
        private Map<String, Node> nodes;
        private Set<Edge> edges;
        private Map<String, Integer> edgeLines;
        private final Deque<String> clusters = new ArrayDeque<>();
        private int depth;

        Parser(String file, List<Token> tokens, List<Diagnostic> diags) {
            this.file = file;
            this.t = tokens;
            this.diags = diags;
        }

        List<Dag> graphs() {
            List<Dag> out = new ArrayList<>();
            while (cur().kind() != Kind.EOF) {
                out.add(graph());
            }
            if (out.isEmpty()) {
                throw new DotSyntaxError("no graph found: expected 'digraph <dag_id> { ... }'", 1, 1);
            }
            return out;
        }

        private Token cur() {
            return t.get(i);
        }

        private Token next() {
            Token k = t.get(i);
            if (k.kind() != Kind.EOF) {
                i++;
            }
            return k;
        }

        private Token expect(Kind kind, String what) {
            Token k = cur();
            if (k.kind() != kind) {
                throw new DotSyntaxError("expected " + what + " but found " + describe(k), k.line(), k.column());
            }
            return next();
        }

        private static String describe(Token k) {
            return k.kind() == Kind.EOF ? "end of file" : "'" + k.text() + "'";
        }

        private Dag graph() {
            nodes = new LinkedHashMap<>();
            edges = new LinkedHashSet<>();
            edgeLines = new LinkedHashMap<>();
            clusters.clear();
            Token start = cur();
            if (cur().isKeyword("strict")) {
                next();
            }
            if (cur().isKeyword("graph")) {
                diags.add(Diagnostic.warning(DiagnosticCode.DAG_NOTE, file, new SourceLocation("", cur().line(), cur().column()),
                        "undirected 'graph': edges are read left to right as upstream -> downstream"));
                next();
            } else if (cur().isKeyword("digraph")) {
                next();
            } else {
                throw new DotSyntaxError("expected 'digraph' but found " + describe(cur()), cur().line(), cur().column());
            }
            String name = null;
            if (cur().isId()) {
                name = next().text();
            }
            Map<String, String> graphAttrs = new LinkedHashMap<>();
            expect(Kind.LBRACE, "'{'");
            stmtList(graphAttrs);
            expect(Kind.RBRACE, "'}'");
            if (name == null || name.isBlank()) {
                name = graphAttrs.getOrDefault("label", "");
            }
            if (name.isBlank()) {
                name = "dag";
                diags.add(Diagnostic.warning(DiagnosticCode.DAG_NOTE, file, SourceLocation.ofLine(start.line()),
                        "graph has no name; dag id 'dag' used"));
            }
            return build(name, start.line());
        }

        /** Statements until '}' (not consumed); returns the node ids they mention. */
        private Set<String> stmtList(Map<String, String> graphAttrs) {
            if (++depth > MAX_DEPTH) {
                throw new DotSyntaxError("subgraphs nested too deeply", cur().line(), cur().column());
            }
            Set<String> mentioned = new LinkedHashSet<>();
            while (cur().kind() != Kind.RBRACE && cur().kind() != Kind.EOF) {
                stmt(graphAttrs, mentioned);
                while (cur().kind() == Kind.SEMI || cur().kind() == Kind.COMMA) {
                    next();
                }
            }
            depth--;
            return mentioned;
        }

        private void stmt(Map<String, String> graphAttrs, Set<String> mentioned) {
            Token k = cur();
            if (k.isKeyword("graph") || k.isKeyword("node") || k.isKeyword("edge")) {
                next();
                Map<String, String> attrs = attrLists();
                if (k.isKeyword("graph")) {
                    graphAttrs.putAll(attrs);
                }
                return;
            }
            if (k.isId() && t.get(i + 1).kind() == Kind.EQUALS) {
                String key = next().text();
                next();
                if (!cur().isId()) {
                    throw new DotSyntaxError("expected a value after '='", cur().line(), cur().column());
                }
                graphAttrs.put(key, next().text());
                return;
            }
            Set<String> left = endpoint();
            mentioned.addAll(left);
            boolean sawEdge = false;
            while (cur().kind() == Kind.ARROW) {
                Token arrow = next();
                Set<String> right = endpoint();
                mentioned.addAll(right);
                for (String a : left) {
                    for (String b : right) {
                        Edge e = new Edge(a, b);
                        if (edges.add(e)) {
                            edgeLines.put(a + "\u0000" + b, arrow.line());
                        }
                    }
                }
                left = right;
                sawEdge = true;
            }
            Map<String, String> attrs = cur().kind() == Kind.LBRACKET ? attrLists() : Map.of();
            if (!sawEdge && left.size() == 1 && k.isId()) {
                nodes.get(left.iterator().next()).attrs.putAll(attrs);
            }
        }

        /** A node id (with optional port) or a subgraph; returns the node ids it stands for. */
        private Set<String> endpoint() {
            Token k = cur();
            if (k.isKeyword("subgraph") || k.kind() == Kind.LBRACE) {
                String name = null;
                if (k.isKeyword("subgraph")) {
                    next();
                    if (cur().isId()) {
                        name = next().text();
                    }
                }
                expect(Kind.LBRACE, "'{'");
                Map<String, String> attrs = new LinkedHashMap<>();
                boolean cluster = name != null && name.startsWith("cluster");
                if (cluster) {
                    clusters.push(name);
                }
                Set<String> inner;
                try {
                    inner = stmtList(attrs);
                } finally {
                    if (cluster) {
                        clusters.pop();
                    }
                }
                expect(Kind.RBRACE, "'}'");
                if (cluster) {
                    String label = attrs.getOrDefault("label", name.substring("cluster".length()).replaceFirst("^_", ""));
                    for (String id : inner) {
                        Node n = nodes.get(id);
                        if (n != null && n.cluster == null) {
                            n.cluster = label;
                        }
                    }
                }
                return inner;
            }
            if (!k.isId()) {
                throw new DotSyntaxError("expected a node id, attribute or subgraph but found " + describe(k), k.line(), k.column());
            }
            next();
            if (cur().kind() == Kind.COLON) {
                next();
                if (cur().isId()) {
                    next();
                }
                if (cur().kind() == Kind.COLON) {
                    next();
                    if (cur().isId()) {
                        next();
                    }
                }
            }
            nodes.computeIfAbsent(k.text(), id -> new Node(id, k.line()));
            Set<String> one = new LinkedHashSet<>();
            one.add(k.text());
            return one;
        }

        private Map<String, String> attrLists() {
            Map<String, String> attrs = new LinkedHashMap<>();
            while (cur().kind() == Kind.LBRACKET) {
                next();
                while (cur().kind() != Kind.RBRACKET) {
                    Token key = cur();
                    if (!key.isId()) {
                        throw new DotSyntaxError("expected an attribute name but found " + describe(key), key.line(), key.column());
                    }
                    next();
                    String value = "true";
                    if (cur().kind() == Kind.EQUALS) {
                        next();
                        if (!cur().isId()) {
                            throw new DotSyntaxError("expected a value after '='", cur().line(), cur().column());
                        }
                        value = next().text();
                    }
                    attrs.put(key.text(), value);
                    while (cur().kind() == Kind.COMMA || cur().kind() == Kind.SEMI) {
                        next();
                    }
                }
                next();
            }
            return attrs;
        }

        private static boolean isJoinNode(Node n) {
            return n.id.endsWith("upstream_join_id") || n.id.endsWith("downstream_join_id");
        }

        private Dag build(String dagId, int line) {
            DeclaredDag dag = new DeclaredDag(file, diags);
            Set<String> joins = new LinkedHashSet<>();
            for (Node n : nodes.values()) {
                if (isJoinNode(n)) {
                    joins.add(n.id);
                    continue;
                }
                TaskBuilder b = new TaskBuilder(n.id);
                b.operator = "unknown";
                b.familyOverride = OperatorFamily.UNKNOWN;
                b.line = n.line;
                // a task id already carries its full group path ("outer.inner.task"); a cluster label only the last part
                Optional<String> group = n.id.lastIndexOf('.') > 0
                        ? Optional.of(n.id.substring(0, n.id.lastIndexOf('.'))) : Optional.ofNullable(n.cluster);
                b.taskGroup = group;
                dag.addTask(b.build(), SourceLocation.ofLine(n.line));
            }
            for (Edge e : collapse(joins)) {
                dag.addEdge(e.upstream(), e.downstream(),
                        SourceLocation.ofLine(edgeLines.getOrDefault(e.upstream() + "\u0000" + e.downstream(), line)));
            }
            return new Dag(dagId, file, line, new Schedule(Schedule.Kind.UNKNOWN, ""), Optional.empty(), false,
                    OptionalInt.empty(), OptionalInt.empty(), Map.of(), List.of(), dag.tasks(), dag.edges());
        }

        /** Edges between real tasks, joining every path that runs through join nodes. */
        private Set<Edge> collapse(Set<String> joins) {
            Map<String, List<String>> fromJoin = new LinkedHashMap<>();
            for (Edge f : edges) {
                if (joins.contains(f.upstream())) {
                    fromJoin.computeIfAbsent(f.upstream(), x -> new ArrayList<>()).add(f.downstream());
                }
            }
            Set<Edge> out = new LinkedHashSet<>();
            for (Edge e : edges) {
                if (joins.contains(e.upstream())) {
                    continue;
                }
                Set<String> seen = new LinkedHashSet<>();
                Deque<String> todo = new ArrayDeque<>();
                todo.push(e.downstream());
                while (!todo.isEmpty()) {
                    String d = todo.pop();
                    if (!joins.contains(d)) {
                        Edge real = new Edge(e.upstream(), d);
                        if (out.add(real) && !edgeLines.containsKey(e.upstream() + "\u0000" + d)) {
                            edgeLines.put(e.upstream() + "\u0000" + d, edgeLines.getOrDefault(e.upstream() + "\u0000" + e.downstream(), 0));
                        }
                        continue;
                    }
                    if (seen.add(d)) {
                        for (String f : fromJoin.getOrDefault(d, List.of())) {
                            todo.push(f);
                        }
                    }
                }
            }
            return out;
        }
    }
}
