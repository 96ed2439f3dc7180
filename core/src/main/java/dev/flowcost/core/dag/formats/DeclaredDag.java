package dev.flowcost.core.dag.formats;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DAG as a declarative format (DOT, dag-factory YAML, REST task list, serialized DAG) declares it: its tasks
 * and edges, gathered and checked once: duplicate task ids, edges to tasks that do not exist, self-loops. Each
 * problem becomes a diagnostic, the rest of the DAG is kept. (A Python file's DAGs are built by running it, which
 * needs more: {@code dag.python.airflow.DagModelAssembler}.)
 */
final class DeclaredDag {

    private final String file;
    private final List<Diagnostic> diagnostics;
    private final Map<String, DagTask> tasks = new LinkedHashMap<>();
    private final Map<String, SourceLocation> edgeSources = new LinkedHashMap<>();
    private final Set<Edge> edges = new LinkedHashSet<>();

    DeclaredDag(String file, List<Diagnostic> diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    boolean hasTask(String id) {
        return tasks.containsKey(id);
    }

    void addTask(DagTask task, SourceLocation at) {
        if (tasks.containsKey(task.taskId())) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.DAG_TASK_DUPLICATE, file, at, "task '" + task.taskId()
                    + "' is defined twice; the first definition is kept"));
            return;
        }
        tasks.put(task.taskId(), task);
    }

    void addEdge(String upstream, String downstream, SourceLocation at) {
        Edge e = new Edge(upstream, downstream);
        if (edges.add(e)) {
            edgeSources.put(upstream + "\u0000" + downstream, at);
        }
    }

    List<DagTask> tasks() {
        return new ArrayList<>(tasks.values());
    }

    /** The declared edges whose ends both exist and differ; the others are reported. */
    List<Edge> edges() {
        List<Edge> out = new ArrayList<>();
        for (Edge e : edges) {
            SourceLocation at = edgeSources.getOrDefault(e.upstream() + "\u0000" + e.downstream(), SourceLocation.UNKNOWN);
            if (e.upstream().equals(e.downstream())) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.DAG_DEPENDENCY, file, at,
                        "task '" + e.upstream() + "' depends on itself; edge ignored"));
            } else if (!tasks.containsKey(e.upstream())) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.DAG_DEPENDENCY, file, at,
                        "dependency on unknown task '" + e.upstream() + "' (of '"
                        + e.downstream() + "'); edge ignored"));
            } else if (!tasks.containsKey(e.downstream())) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.DAG_DEPENDENCY, file, at,
                        "task '" + e.upstream() + "' points to unknown downstream task '"
                        + e.downstream() + "'; edge ignored"));
            } else {
                out.add(e);
            }
        }
        return out;
    }
}
