package dev.flowcost.advisor.analysis;

import java.util.List;

/** A workflow's shape for pictures: nodes (states or tasks, with their type) and directed edges between them. */
public record Graph(List<Node> nodes, List<Edge> edges) {

    public Graph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public static Graph empty() {
        return new Graph(List.of(), List.of());
    }

    /** @param id unique id (state path or task id) @param label text shown @param type state type or operator */
    public record Node(String id, String label, String type) {
    }

    public record Edge(String from, String to) {
    }
}
