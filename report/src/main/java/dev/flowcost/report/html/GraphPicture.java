package dev.flowcost.report.html;

import dev.flowcost.advisor.analysis.Graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws a workflow's graph as layers top to bottom: each node sits one layer below the longest path reaching it
 * (edges that close a loop are set aside for the layering and drawn dashed), boxes with labels, arrows between them.
 * Linear in nodes and edges.
 */
final class GraphPicture {

    private static final double BOX_H = 30;
    private static final double LAYER_H = 70;
    private static final double GAP = 24;
    private static final double MARGIN = 16;
    private static final int MAX_LABEL = 28;

    private GraphPicture() {
    }

    static String draw(Graph graph, String label, String markerId) {
        List<Graph.Node> nodes = graph.nodes();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.putIfAbsent(nodes.get(i).id(), i);
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            out.add(new ArrayList<>());
        }
        List<int[]> edges = new ArrayList<>();
        for (Graph.Edge e : graph.edges()) {
            Integer from = index.get(e.from());
            Integer to = index.get(e.to());
            if (from != null && to != null) {
                edges.add(new int[]{from, to});
                out.get(from).add(to);
            }
        }
        Set<Long> back = backEdges(nodes.size(), out);
        int[] layer = layers(nodes.size(), out, back);

        List<List<Integer>> rows = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            while (rows.size() <= layer[i]) {
                rows.add(new ArrayList<>());
            }
            rows.get(layer[i]).add(i);
        }
        double[] x = new double[nodes.size()];
        double[] y = new double[nodes.size()];
        double[] w = new double[nodes.size()];
        double width = 0;
        double[] rowWidth = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            double cursor = MARGIN;
            for (int i : rows.get(r)) {
                w[i] = Math.max(70, shorten(nodes.get(i).label(), MAX_LABEL).length() * 7.2 + 16);
                x[i] = cursor;
                y[i] = MARGIN + r * LAYER_H;
                cursor += w[i] + GAP;
            }
            rowWidth[r] = cursor;
            width = Math.max(width, cursor);
        }
        for (int r = 0; r < rows.size(); r++) {
            double shift = (width - rowWidth[r]) / 2;
            for (int i : rows.get(r)) {
                x[i] += shift;
            }
        }
        double height = MARGIN * 2 + Math.max(1, rows.size()) * LAYER_H - (LAYER_H - BOX_H);
        Svg svg = new Svg(Math.max(width, 120), height, "graph", label).arrowMarker(markerId);
        for (int[] e : edges) {
            int from = e[0];
            int to = e[1];
            boolean loop = back.contains(key(from, to)) || layer[to] <= layer[from];
            double x1 = x[from] + w[from] / 2;
            double y1 = y[from] + BOX_H;
            double x2 = x[to] + w[to] / 2;
            double y2 = loop ? y[to] + BOX_H : y[to];
            svg.line(x1, loop ? y[from] : y1, x2, y2, loop ? "edge loop" : "edge", markerId);
        }
        for (int i = 0; i < nodes.size(); i++) {
            Graph.Node n = nodes.get(i);
            svg.rect(x[i], y[i], w[i], BOX_H, "node", n.id() + " (" + n.type() + ")");
            svg.text(x[i] + w[i] / 2, y[i] + 19, shorten(n.label(), MAX_LABEL), "middle", "node-label");
        }
        return svg.end();
    }

    /** Edges that reach a node still on the depth-first path: the ones that close loops. Iterative. */
    private static Set<Long> backEdges(int n, List<List<Integer>> out) {
        Set<Long> back = new HashSet<>();
        int[] state = new int[n];
        int[] next = new int[n];
        Deque<Integer> stack = new ArrayDeque<>();
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) {
                continue;
            }
            stack.push(root);
            state[root] = 1;
            while (!stack.isEmpty()) {
                int v = stack.peek();
                if (next[v] < out.get(v).size()) {
                    int to = out.get(v).get(next[v]++);
                    if (state[to] == 1) {
                        back.add(key(v, to));
                    } else if (state[to] == 0) {
                        state[to] = 1;
                        stack.push(to);
                    }
                } else {
                    state[v] = 2;
                    stack.pop();
                }
            }
        }
        return back;
    }

    /** Longest-path layer of each node over the edges that are not loops (Kahn's order). */
    private static int[] layers(int n, List<List<Integer>> out, Set<Long> back) {
        int[] inDegree = new int[n];
        for (int v = 0; v < n; v++) {
            for (int to : out.get(v)) {
                if (!back.contains(key(v, to))) {
                    inDegree[to]++;
                }
            }
        }
        int[] layer = new int[n];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int v = 0; v < n; v++) {
            if (inDegree[v] == 0) {
                ready.add(v);
            }
        }
        while (!ready.isEmpty()) {
            int v = ready.poll();
            for (int to : out.get(v)) {
                if (back.contains(key(v, to))) {
                    continue;
                }
                layer[to] = Math.max(layer[to], layer[v] + 1);
                if (--inDegree[to] == 0) {
                    ready.add(to);
                }
            }
        }
        return layer;
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    /** A label cut to {@code max} characters with an ellipsis; the full text stays in the box's title. */
    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
