package dev.flowcost.core.convert;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays a DAG out as nested sequences and fan-outs (a series-parallel decomposition), so that it can be written
 * as chains of states and Parallel states. Where a part of the graph is not series-parallel that part is laid out
 * by topological level instead: every task still runs after all its upstreams, but some tasks wait for
 * unrelated ones ({@link #layered()} says whether that happened).
 *
 * <p>The decomposition is exact where the graph allows: a series split A;B is made only when every task of B
 * depends (transitively) on every task of A, and a fan-out only between parts with no edge between them.
 *
 * <p>Bounded by design (issue 15): no recursion and no descendant sets. A part's series splits are found in one
 * sweep along the topological order: a cut is valid exactly when every sink of the part before it has an edge to
 * every source of the part after it (a sink's path to a later task must leave through a direct edge to a source),
 * which the sweep keeps as a running count. Each level of the decomposition costs time linear in the tasks and edges,
 * and fan-outs nested deeper than {@value #MAX_NESTING} are laid out by level, so the Parallel states written stay
 * within what the state-machine reader accepts.
 */
final class DagLayout {

    /** Fan-outs nested deeper than this are laid out by level (each Parallel is about four JSON levels). */
    static final int MAX_NESTING = 32;

    private final List<String> order;
    private final int[][] down;
    private final int[][] up;
    private final List<Set<String>> layeredParts = new ArrayList<>();
    private final List<Set<String>> tooDeepParts = new ArrayList<>();
    /** Scratch: local index of a task in the part being looked at, valid where {@link #stamp} matches. */
    private final int[] local;
    private final int[] stamp;
    private int stampNow;

    /**
     * @param order tasks in a topological order (every edge goes from an earlier to a later task)
     * @param edges upstream → downstream pairs among those tasks
     */
    DagLayout(List<String> order, List<Map.Entry<String, String>> edges) {
        this.order = List.copyOf(order);
        int n = order.size();
        Map<String, Integer> position = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            position.put(order.get(i), i);
        }
        List<Set<Integer>> d = new ArrayList<>(n);
        List<Set<Integer>> u = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            d.add(new LinkedHashSet<>());
            u.add(new LinkedHashSet<>());
        }
        for (Map.Entry<String, String> e : edges) {
            int a = position.get(e.getKey());
            int b = position.get(e.getValue());
            d.get(a).add(b);
            u.get(b).add(a);
        }
        down = new int[n][];
        up = new int[n][];
        for (int i = 0; i < n; i++) {
            down[i] = d.get(i).stream().mapToInt(Integer::intValue).toArray();
            up[i] = u.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        local = new int[n];
        stamp = new int[n];
    }

    /** The whole DAG as one block. */
    Block layout() {
        int[] all = new int[order.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return decompose(all);
    }

    /** The groups of tasks that had to be laid out by level because they are not series-parallel. */
    List<Set<String>> layered() {
        return List.copyOf(layeredParts);
    }

    /** The groups of tasks laid out by level because their fan-outs nest more than {@value #MAX_NESTING} deep. */
    List<Set<String>> tooDeep() {
        return List.copyOf(tooDeepParts);
    }

    private enum Kind { TASK, FORK, SEQUENCE, LEVELS }

    /** One part being decomposed: its tasks (ascending topological positions) and what it became. */
    private static final class Piece {
        final int[] part;
        final int nesting;
        Kind kind;
        final List<Piece> children = new ArrayList<>();
        Block block;

        Piece(int[] part, int nesting) {
            this.part = part;
            this.nesting = nesting;
        }
    }

    /** Splits parts top-down with an explicit stack, then builds the blocks bottom-up. */
    private Block decompose(int[] whole) {
        Piece root = new Piece(whole, 0);
        List<Piece> visited = new ArrayList<>();
        Deque<Piece> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Piece p = todo.pop();
            visited.add(p);
            classify(p);
            for (int i = p.children.size() - 1; i >= 0; i--) {
                todo.push(p.children.get(i));
            }
        }
        for (int i = visited.size() - 1; i >= 0; i--) { // children come after their parent in visiting order
            Piece p = visited.get(i);
            p.block = build(p);
        }
        return root.block;
    }

    private void classify(Piece p) {
        if (p.part.length == 1) {
            p.kind = Kind.TASK;
            return;
        }
        List<int[]> components = components(p.part);
        if (components.size() > 1) {
            if (p.nesting >= MAX_NESTING) {
                p.kind = Kind.LEVELS;
                tooDeepParts.add(names(p.part));
                return;
            }
            p.kind = Kind.FORK;
            components.forEach(c -> p.children.add(new Piece(c, p.nesting + 1)));
            return;
        }
        List<int[]> stages = stages(p.part);
        if (stages.size() > 1) {
            p.kind = Kind.SEQUENCE;
            stages.forEach(s -> p.children.add(new Piece(s, p.nesting)));
            return;
        }
        p.kind = Kind.LEVELS;
        layeredParts.add(names(p.part));
    }

    private Block build(Piece p) {
        switch (p.kind) {
            case TASK:
                return new Block.Task(order.get(p.part[0]));
            case FORK: {
                List<Block> branches = new ArrayList<>();
                p.children.forEach(c -> branches.add(c.block));
                return new Block.Fork(branches);
            }
            case SEQUENCE: {
                List<Block> stages = new ArrayList<>();
                for (Piece c : p.children) {
                    if (c.block instanceof Block.Sequence s) {
                        stages.addAll(s.stages());
                    } else {
                        stages.add(c.block);
                    }
                }
                return new Block.Sequence(stages);
            }
            default:
                return byLevel(p.part);
        }
    }

    private Set<String> names(int[] part) {
        Set<String> out = new LinkedHashSet<>();
        for (int t : part) {
            out.add(order.get(t));
        }
        return out;
    }

    /** Marks the part's tasks with their local index (0..) for O(1) membership tests. */
    private void mark(int[] part) {
        stampNow++;
        for (int i = 0; i < part.length; i++) {
            local[part[i]] = i;
            stamp[part[i]] = stampNow;
        }
    }

    private boolean inPart(int task) {
        return stamp[task] == stampNow;
    }

    /** Weakly connected components of the part, each in topological order, ordered by their first task. */
    private List<int[]> components(int[] part) {
        mark(part);
        int m = part.length;
        int[] comp = new int[m];
        Arrays.fill(comp, -1);
        int count = 0;
        int[] queue = new int[m];
        for (int s = 0; s < m; s++) {
            if (comp[s] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            comp[s] = count;
            while (head < tail) {
                int t = part[queue[head++]];
                for (int[] nbrs : new int[][] {down[t], up[t]}) {
                    for (int x : nbrs) {
                        if (inPart(x) && comp[local[x]] < 0) {
                            comp[local[x]] = count;
                            queue[tail++] = local[x];
                        }
                    }
                }
            }
            count++;
        }
        int[] sizes = new int[count];
        for (int c : comp) {
            sizes[c]++;
        }
        List<int[]> out = new ArrayList<>(count);
        int[] fill = new int[count];
        for (int c = 0; c < count; c++) {
            out.add(new int[sizes[c]]);
        }
        for (int i = 0; i < m; i++) { // components are numbered by their first task, and filled in order
            out.get(comp[i])[fill[comp[i]]++] = part[i];
        }
        return out;
    }

    /**
     * The connected part's series stages: the segments between every valid cut of its topological order (a cut is
     * valid when every task after it descends from every task before it). One sweep; see the class comment.
     */
    private List<int[]> stages(int[] part) {
        mark(part);
        int m = part.length;
        int[] upInS = new int[m];
        int[] downInP = new int[m];
        boolean[] inP = new boolean[m];
        boolean[] source = new boolean[m];
        boolean[] sink = new boolean[m];
        long sources = 0;
        long sinks = 0;
        for (int i = 0; i < m; i++) {
            for (int u : up[part[i]]) {
                if (inPart(u)) {
                    upInS[i]++;
                }
            }
            if (upInS[i] == 0) {
                source[i] = true;
                sources++;
            }
        }
        long crossing = 0; // edges from a sink of P to a source of S
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < m - 1; i++) {
            int t = part[i];
            // t leaves S: it is a source of S (its upstreams all came earlier)
            for (int u : up[t]) {
                if (inPart(u) && sink[local[u]]) {
                    crossing--;
                }
            }
            source[i] = false;
            sources--;
            inP[i] = true;
            // its upstreams are no longer sinks of P
            for (int u : up[t]) {
                if (!inPart(u)) {
                    continue;
                }
                int lu = local[u];
                if (downInP[lu]++ == 0 && sink[lu]) {
                    sink[lu] = false;
                    sinks--;
                    for (int v : down[u]) {
                        if (inPart(v) && source[local[v]]) {
                            crossing--;
                        }
                    }
                }
            }
            // its downstreams may become sources of S
            for (int v : down[t]) {
                if (!inPart(v)) {
                    continue;
                }
                int lv = local[v];
                if (--upInS[lv] == 0) {
                    source[lv] = true;
                    sources++;
                    for (int u : up[v]) {
                        if (inPart(u) && sink[local[u]]) {
                            crossing++;
                        }
                    }
                }
            }
            // t is a sink of P (its downstreams all come later)
            sink[i] = true;
            sinks++;
            for (int v : down[t]) {
                if (inPart(v) && source[local[v]]) {
                    crossing++;
                }
            }
            if (crossing == sinks * sources) {
                out.add(Arrays.copyOfRange(part, start, i + 1));
                start = i + 1;
            }
        }
        out.add(Arrays.copyOfRange(part, start, m));
        return out;
    }

    /** Topological levels (longest path from the part's sources): each level a fan-out of its tasks. */
    private Block byLevel(int[] part) {
        mark(part);
        int[] level = new int[part.length];
        List<List<String>> levels = new ArrayList<>();
        for (int i = 0; i < part.length; i++) {
            int l = 0;
            for (int u : up[part[i]]) {
                if (inPart(u)) {
                    l = Math.max(l, level[local[u]] + 1);
                }
            }
            level[i] = l;
            while (levels.size() <= l) {
                levels.add(new ArrayList<>());
            }
            levels.get(l).add(order.get(part[i]));
        }
        List<Block> stages = new ArrayList<>();
        for (List<String> lv : levels) {
            if (lv.size() == 1) {
                stages.add(new Block.Task(lv.get(0)));
            } else {
                List<Block> branches = new ArrayList<>();
                lv.forEach(t -> branches.add(new Block.Task(t)));
                stages.add(new Block.Fork(branches));
            }
        }
        return new Block.Sequence(stages);
    }
}
