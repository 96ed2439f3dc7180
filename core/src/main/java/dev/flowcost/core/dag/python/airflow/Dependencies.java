package dev.flowcost.core.dag.python.airflow;

import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.python.airflow.AirflowValues.Through;
import dev.flowcost.core.dag.python.airflow.AirflowValues.XComGroup;
import dev.flowcost.core.dag.python.airflow.DagModel.GroupB;
import dev.flowcost.core.dag.python.airflow.DagModel.RawEdge;
import dev.flowcost.core.dag.python.airflow.DagModel.TaskB;
import dev.flowcost.core.dag.python.eval.PyValues.PyDict;
import dev.flowcost.core.dag.python.eval.PyValues.PyList;
import dev.flowcost.core.dag.python.eval.PyValues.Unknown;
import dev.flowcost.core.dag.python.eval.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a DAG file's tasks come to depend on each other, as Airflow wires them: {@code >>}, {@code set_downstream},
 * {@code chain}, {@code cross_downstream}, XCom data passed as arguments, and the setup/teardown context.
 * Dependencies are recorded as written ({@link RawEdge}); the assembler resolves groups to their tasks later.
 */
final class Dependencies {

    private final DagModel model;
    private final Reporter report;

    Dependencies(DagModel model, Reporter report) {
        this.model = model;
        this.report = report;
    }

    static boolean isNode(Object v) {
        if (v instanceof TaskB || v instanceof GroupB || v instanceof XComGroup || v instanceof Through) {
            return true;
        }
        if (v instanceof PyList l) {
            for (Object x : l.items()) {
                if (isNode(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Records upstream → downstream for every pair of nodes on the two sides. */
    void connect(Object up, Object down, int line) {
        if (up instanceof PyList && down instanceof PyList && report.once("listlist" + line)) {
            report.warn(DiagnosticCode.DAG_DEPENDENCY, line, "Airflow does not allow list >> list; every pair of tasks was connected");
        }
        connectEvery(up, down, line);
    }

    private static final int MAX_COLLECTED = 10_000;

    static List<Object> nodes(Object v) {
        List<Object> out = new ArrayList<>();
        collectNodes(v, out, 0, new int[1]);
        return out;
    }

    private static void collectNodes(Object v, List<Object> out, int level, int[] visits) {
        if (level > 20 || ++visits[0] > MAX_COLLECTED) {
            return;
        }
        if (v instanceof TaskB || v instanceof GroupB) {
            out.add(v);
        } else if (v instanceof Through t) {
            collectNodes(t.upstream(), out, level + 1, visits);
        } else if (v instanceof XComGroup g) {
            for (Object x : g.refs()) {
                collectNodes(x, out, level + 1, visits);
            }
        } else if (v instanceof PyList l) {
            for (Object x : l.items()) {
                collectNodes(x, out, level + 1, visits);
            }
        }
    }

    /** XCom producers anywhere inside an argument value: each becomes an upstream of the task it feeds. */
    private static void collectXComs(Object v, List<TaskB> out, int level) {
        collectXComs(v, out, level, new int[1]);
    }

    private static void collectXComs(Object v, List<TaskB> out, int level, int[] visits) {
        if (level > 20 || ++visits[0] > MAX_COLLECTED) {
            return;
        }
        if (v instanceof TaskB t) {
            out.add(t);
        } else if (v instanceof XComGroup g) {
            for (Object x : g.refs()) {
                collectXComs(x, out, level + 1, visits);
            }
        } else if (v instanceof PyList l) {
            for (Object x : l.items()) {
                collectXComs(x, out, level + 1, visits);
            }
        } else if (v instanceof PyDict d) {
            for (Object x : d.map().values()) {
                collectXComs(x, out, level + 1, visits);
            }
            for (Object x : d.map().keySet()) {
                collectXComs(x, out, level + 1, visits);
            }
        }
    }

    void dataEdges(TaskB task, List<Object> pos, Map<String, Object> kw, int line) {
        List<TaskB> producers = new ArrayList<>();
        for (Object v : pos) {
            collectXComs(v, producers, 0);
        }
        for (Map.Entry<String, Object> e : kw.entrySet()) {
            if (!e.getKey().equals("dag") && !e.getKey().equals("task_group")) {
                collectXComs(e.getValue(), producers, 0);
            }
        }
        for (TaskB p : producers) {
            if (p != task) {
                model.edges.add(new RawEdge(p, task, line));
            }
        }
    }

    /** Every upstream node to every downstream node, as cross_downstream() does (lists on both sides are its point). */
    void connectEvery(Object up, Object down, int line) {
        List<Object> ups = nodes(up);
        List<Object> downs = nodes(down);
        if ((ups.isEmpty() && !downs.isEmpty() || downs.isEmpty() && !ups.isEmpty()) && report.once("unresolved-edge" + line)) {
            report.info(DiagnosticCode.DAG_DEPENDENCY, line,
                    "one side of a dependency is not known statically; that dependency is not read");
        }
        for (Object u : ups) {
            for (Object d : downs) {
                model.edges.add(new RawEdge(u, d, line));
            }
        }
    }

    /** {@code Label("x")} (an edge modifier) or a list made only of them: it names an edge but is no node. */
    private static boolean isLabel(Object v) {
        if (v instanceof Unknown u) {
            return u.text().startsWith("Label(") || u.text().startsWith("EdgeModifier(");
        }
        if (v instanceof PyList l && !l.items().isEmpty()) {
            for (Object x : l.items()) {
                if (!isLabel(x)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Airflow's chain(): neighbours connect; two lists of equal length connect element-wise. */
    void chain(List<Object> all, int line, boolean linear) {
        // labels only name the edge between their neighbours: chain(a, Label("x"), b) is the edge a -> b
        List<Object> items = new ArrayList<>();
        for (Object x : all) {
            if (!isLabel(x)) {
                items.add(x);
            }
        }
        for (int i = 0; i + 1 < items.size(); i++) {
            Object a = items.get(i);
            Object b = items.get(i + 1);
            if (!linear && a instanceof PyList la && b instanceof PyList lb) {
                if (la.items().size() != lb.items().size()) {
                    report.error(DiagnosticCode.DAG_DEPENDENCY, line,
                            "chain() got lists of different lengths (" + la.items().size() + " and "
                            + lb.items().size() + "); Airflow rejects this");
                    continue;
                }
                for (int k = 0; k < la.items().size(); k++) {
                    connect(la.items().get(k), lb.items().get(k), line);
                }
            } else {
                List<Object> ups = nodes(a);
                List<Object> downs = nodes(b);
                for (Object u : ups) {
                    for (Object d : downs) {
                        model.edges.add(new RawEdge(u, d, line));
                    }
                }
            }
        }
    }

    /**
     * {@code with setup >> teardown:} (Airflow 2.7): the tasks made in the block run between them, so the setups
     * (the context task if it is a setup, else the setups upstream of the teardown) go before the block's first
     * tasks and the teardowns (the context task if it is a teardown, else those downstream of the setup) after its
     * last ones.
     */
    void wrapInSetupTeardown(List<TaskB> context, List<TaskB> work, int edgesBefore, int line) {
        java.util.Set<Object> setups = new java.util.LinkedHashSet<>();
        java.util.Set<Object> teardowns = new java.util.LinkedHashSet<>();
        for (TaskB t : context) {
            if (t.role == DagTask.Role.SETUP) {
                setups.add(t);
            } else if (t.role == DagTask.Role.TEARDOWN) {
                teardowns.add(t);
            }
        }
        for (int i = 0; i < edgesBefore; i++) {
            RawEdge e = model.edges.get(i);
            if (teardowns.contains(e.downstream()) && e.upstream() instanceof TaskB u && u.role == DagTask.Role.SETUP
                    && context.contains((TaskB) e.downstream())) {
                setups.add(u);
            }
            if (setups.contains(e.upstream()) && e.downstream() instanceof TaskB d && d.role == DagTask.Role.TEARDOWN
                    && context.contains((TaskB) e.upstream())) {
                teardowns.add(d);
            }
        }
        java.util.Set<Object> hasUp = new java.util.HashSet<>();
        java.util.Set<Object> hasDown = new java.util.HashSet<>();
        for (int i = edgesBefore; i < model.edges.size(); i++) {
            RawEdge e = model.edges.get(i);
            if (work.contains(e.upstream()) && work.contains(e.downstream())) {
                hasUp.add(e.downstream());
                hasDown.add(e.upstream());
            }
        }
        for (TaskB t : work) {
            if (!hasUp.contains(t)) {
                for (Object s : setups) {
                    model.edges.add(new RawEdge(s, t, line));
                }
            }
            if (!hasDown.contains(t)) {
                for (Object d : teardowns) {
                    model.edges.add(new RawEdge(t, d, line));
                }
            }
        }
    }
}
