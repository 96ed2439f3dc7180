package dev.flowcost.core.dag;

/** A dependency: {@code downstream} may start only after {@code upstream} (subject to its trigger rule). */
public record Edge(String upstream, String downstream) {
}
