package dev.flowcost.core.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Expected visits of the transient states of one scope's absorbing Markov chain, solved sparsely: a state machine's
 * transition structure has a handful of successors per state, so a dense n×n matrix (4 GB for 20,000 states) is
 * never built. The chain is split into strongly connected components (Tarjan's algorithm, iterative) and walked in
 * topological order from the start: a component without a loop is one substitution, and only a loop's own states
 * are solved together, by Gaussian elimination on sparse rows with diagonal pivots taken in Markowitz order (fewest
 * fills first). The matrix I − Qᵀ of a transient component is column diagonally dominant, so diagonal pivots need no
 * row exchanges to stay stable. Exact up to floating-point rounding; memory and time linear in states plus
 * transitions for chains and loops of the shapes state machines have.
 */
final class LinearSolver {

    /** A pivot below this means the loop cannot be left (the component is closed): no finite solution. */
    private static final double SINGULAR = 1e-13;
    /** Fill-in beyond this many entries in one loop is refused rather than exhausting memory. */
    static final long MAX_FILL = 20_000_000L;

    private LinearSolver() {
    }

    /** Thrown when one loop's elimination would need more than {@link #MAX_FILL} matrix entries. */
    static final class TooEntangledException extends RuntimeException {
        TooEntangledException(int states) {
            super("a loop of " + states + " states is too entangled to solve exactly");
        }
    }

    /**
     * Expected visits of every state for one run entering at state 0.
     *
     * @param targets     per state, the states it can go to next (within the scope)
     * @param probability per state, the probability of each of those targets (same order)
     * @return the visits, or null when some loop reachable from the start is never left
     */
    static double[] visits(int[][] targets, double[][] probability) {
        int n = targets.length;
        double[] visits = new double[n];
        if (n == 0) {
            return visits;
        }
        int[] component = new int[n];
        List<int[]> components = components(targets, component);
        double[] inflow = new double[n];
        inflow[0] = 1;
        for (int c = components.size() - 1; c >= 0; c--) { // Tarjan emits sinks first: walk them backwards
            int[] members = components.get(c);
            if (!solveComponent(members, c, component, targets, probability, inflow, visits)) {
                return null;
            }
            for (int i : members) {
                for (int k = 0; k < targets[i].length; k++) {
                    int j = targets[i][k];
                    if (component[j] != c) {
                        inflow[j] += visits[i] * probability[i][k];
                    }
                }
            }
        }
        return visits;
    }

    private static boolean solveComponent(int[] members, int c, int[] component, int[][] targets,
                                          double[][] probability, double[] inflow, double[] visits) {
        double leave = 0;
        for (int i : members) {
            double stay = 0;
            for (int k = 0; k < targets[i].length; k++) {
                if (component[targets[i][k]] == c) {
                    stay += probability[i][k];
                }
            }
            leave = Math.max(leave, 1 - stay);
        }
        if (leave < SINGULAR) {
            boolean entered = false;
            for (int i : members) {
                entered |= inflow[i] > 0;
            }
            if (!entered) {
                return true; // never reached: visits stay 0
            }
            return false;
        }
        if (members.length == 1) {
            int i = members[0];
            double self = 0;
            for (int k = 0; k < targets[i].length; k++) {
                if (targets[i][k] == i) {
                    self += probability[i][k];
                }
            }
            visits[i] = inflow[i] / (1 - self);
            return true;
        }
        return eliminate(members, c, component, targets, probability, inflow, visits);
    }

    /** Solves (I − Q_CCᵀ) v = inflow over the component's states by sparse Gaussian elimination. */
    private static boolean eliminate(int[] members, int c, int[] component, int[][] targets, double[][] probability,
                                     double[] inflow, double[] visits) {
        int m = members.length;
        Map<Integer, Integer> local = new HashMap<>(m * 2);
        for (int i = 0; i < m; i++) {
            local.put(members[i], i);
        }
        @SuppressWarnings("unchecked")
        Map<Integer, Double>[] rows = new Map[m];
        @SuppressWarnings("unchecked")
        Set<Integer>[] cols = new Set[m];
        double[] rhs = new double[m];
        for (int i = 0; i < m; i++) {
            rows[i] = new HashMap<>(8);
            cols[i] = new HashSet<>(8);
            rows[i].put(i, 1.0);
            cols[i].add(i);
            rhs[i] = inflow[members[i]];
        }
        long entries = m;
        for (int a = 0; a < m; a++) { // equation of state j: v_j − Σ_i P_ij v_i = inflow_j
            int i = members[a];
            for (int k = 0; k < targets[i].length; k++) {
                int t = targets[i][k];
                if (component[t] == c) {
                    int j = local.get(t);
                    rows[j].merge(a, -probability[i][k], Double::sum);
                    if (cols[a].add(j)) {
                        entries++;
                    }
                }
            }
        }
        boolean[] done = new boolean[m];
        int[] order = new int[m];
        PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
        for (int i = 0; i < m; i++) {
            queue.add(new long[] {cost(rows[i], cols[i]), i});
        }
        int step = 0;
        while (step < m) {
            long[] top = queue.poll();
            int k = (int) top[1];
            if (done[k] || top[0] != cost(rows[k], cols[k])) {
                if (!done[k]) {
                    queue.add(new long[] {cost(rows[k], cols[k]), k});
                }
                continue;
            }
            done[k] = true;
            order[step++] = k;
            Map<Integer, Double> pivotRow = rows[k];
            double pivot = pivotRow.get(k);
            if (Math.abs(pivot) < SINGULAR) {
                return false;
            }
            for (int r : cols[k].toArray(new Integer[0])) {
                if (r == k || done[r]) {
                    continue;
                }
                Map<Integer, Double> row = rows[r];
                Double a = row.remove(k);
                if (a == null || a == 0) {
                    continue;
                }
                double f = a / pivot;
                for (Map.Entry<Integer, Double> e : pivotRow.entrySet()) {
                    int col = e.getKey();
                    if (col == k || done[col]) {
                        continue;
                    }
                    row.merge(col, -f * e.getValue(), Double::sum);
                    if (cols[col].add(r)) {
                        entries++;
                    }
                }
                rhs[r] -= f * rhs[k];
                queue.add(new long[] {cost(row, cols[r]), r});
            }
            if (entries > MAX_FILL) {
                throw new TooEntangledException(m);
            }
            for (int col : pivotRow.keySet()) {
                if (col != k && !done[col]) {
                    queue.add(new long[] {cost(rows[col], cols[col]), col});
                }
            }
        }
        double[] x = new double[m];
        for (int s = m - 1; s >= 0; s--) {
            int k = order[s];
            double v = rhs[k];
            for (Map.Entry<Integer, Double> e : rows[k].entrySet()) {
                if (e.getKey() != k) {
                    v -= e.getValue() * x[e.getKey()];
                }
            }
            x[k] = v / rows[k].get(k);
        }
        for (int i = 0; i < m; i++) {
            visits[members[i]] = x[i];
        }
        return true;
    }

    /** Markowitz cost of pivoting on a state: (entries in its row − 1) × (rows with an entry in its column − 1). */
    private static long cost(Map<Integer, Double> row, Set<Integer> col) {
        return (long) (row.size() - 1) * (col.size() - 1);
    }

    /** Strongly connected components reachable from state 0, in Tarjan's order (a component after all it leads to). */
    static List<int[]> components(int[][] targets, int[] component) {
        int n = targets.length;
        int[] index = new int[n];
        int[] low = new int[n];
        Arrays.fill(index, -1);
        Arrays.fill(component, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int sp = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int depth = 0;
        int counter = 0;
        List<int[]> out = new ArrayList<>();
        callNode[0] = 0;
        callEdge[0] = 0;
        index[0] = low[0] = counter++;
        stack[sp++] = 0;
        onStack[0] = true;
        depth = 1;
        while (depth > 0) {
            int v = callNode[depth - 1];
            if (callEdge[depth - 1] < targets[v].length) {
                int w = targets[v][callEdge[depth - 1]++];
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    stack[sp++] = w;
                    onStack[w] = true;
                    callNode[depth] = w;
                    callEdge[depth] = 0;
                    depth++;
                } else if (onStack[w]) {
                    low[v] = Math.min(low[v], index[w]);
                }
                continue;
            }
            if (low[v] == index[v]) {
                int size = 0;
                while (stack[sp - 1 - size] != v) {
                    size++;
                }
                size++;
                int[] members = new int[size];
                for (int i = 0; i < size; i++) {
                    int w = stack[--sp];
                    onStack[w] = false;
                    component[w] = out.size();
                    members[size - 1 - i] = w;
                }
                out.add(members);
            }
            depth--;
            if (depth > 0) {
                int parent = callNode[depth - 1];
                low[parent] = Math.min(low[parent], low[v]);
            }
        }
        return out;
    }
}
