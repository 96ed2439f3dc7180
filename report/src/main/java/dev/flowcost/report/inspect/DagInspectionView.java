package dev.flowcost.report.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagRuns;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import java.util.List;
import java.util.Locale;

/**
 * What {@code flowcost inspect} prints: the DAGs found with their tasks, edges, schedule and runs per month, and
 * the diagnostics of reading them. The JSON field names are a public contract (README).
 */
public final class DagInspectionView {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One DAG with how often it runs. */
    public record Entry(Dag dag, DagRuns runs) {
    }

    private final List<Entry> entries;
    private final List<Diagnostic> diagnostics;

    public DagInspectionView(List<Entry> entries, List<Diagnostic> diagnostics) {
        this.entries = List.copyOf(entries);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public String json() {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode dags = root.putArray("dags");
        for (Entry e : entries) {
            Dag d = e.dag();
            ObjectNode o = dags.addObject();
            o.put("dagId", d.dagId());
            o.put("file", d.file());
            o.put("line", d.line());
            o.put("schedule", d.schedule().expression());
            o.put("scheduleKind", d.schedule().kind().name().toLowerCase(Locale.ROOT));
            if (e.runs().runsPerMonth().isPresent()) {
                o.put("runsPerMonth", e.runs().runsPerMonth().getAsDouble());
            } else {
                o.putNull("runsPerMonth");
            }
            o.put("runsPerMonthSource", e.runs().source());
            o.put("runsPerMonthExplanation", e.runs().explanation());
            o.put("catchup", d.catchup());
            ArrayNode tasks = o.putArray("tasks");
            for (DagTask t : d.tasks()) {
                ObjectNode to = tasks.addObject();
                to.put("taskId", t.taskId());
                to.put("operator", t.operator());
                to.put("family", t.family().name().toLowerCase(Locale.ROOT));
                to.put("retries", t.retries());
                to.put("mapped", t.mapped());
                to.put("triggerRule", t.triggerRule().airflowName());
                to.put("pool", t.pool());
                t.taskGroup().ifPresent(g -> to.put("taskGroup", g));
                t.awsResource().ifPresent(r -> to.put("awsResource", r));
                t.sensor().ifPresent(s -> to.put("sensorMode", s.deferrable() ? "deferrable" : s.mode().name().toLowerCase(Locale.ROOT)));
                if (t.line() > 0) {
                    to.put("line", t.line());
                }
            }
            ArrayNode edges = o.putArray("edges");
            for (Edge edge : d.edges()) {
                edges.addArray().add(edge.upstream()).add(edge.downstream());
            }
            o.set("diagnostics", diagnosticsOf(d.file()));
        }
        root.set("diagnostics", dev.flowcost.report.json.DiagnosticJson.array(diagnostics));
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private ArrayNode diagnosticsOf(String file) {
        return dev.flowcost.report.json.DiagnosticJson.array(diagnostics.stream().filter(d -> d.file().equals(file)).toList());
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        for (Entry e : entries) {
            Dag d = e.dag();
            b.append(String.format(Locale.ROOT, "DAG %s  (%s%s)%n", d.dagId(), d.file(), d.line() > 0 ? ":" + d.line() : ""));
            b.append("  schedule: ").append(d.schedule().expression().isEmpty() ? "(none)" : d.schedule().expression())
                    .append(" — ").append(e.runs().explanation()).append('\n');
            b.append(String.format(Locale.ROOT, "  %d task(s), %d edge(s), catchup %s%n", d.tasks().size(), d.edges().size(), d.catchup()));
            int w = Math.max(7, d.tasks().stream().mapToInt(t -> t.taskId().length()).max().orElse(7));
            for (DagTask t : d.tasks()) {
                List<String> down = d.downstreamOf(t.taskId());
                b.append(String.format(Locale.ROOT, "    %-" + w + "s  %-28s retries %d%s%s%s%n", t.taskId(), t.operator(),
                        t.retries(), t.mapped() ? "  mapped" : "",
                        t.triggerRule().name().equals("ALL_SUCCESS") ? "" : "  " + t.triggerRule().airflowName(),
                        down.isEmpty() ? "" : "  → " + String.join(", ", down)));
            }
            b.append('\n');
        }
        if (entries.isEmpty()) {
            b.append("No DAG found.\n");
        }
        for (Diagnostic x : diagnostics) {
            b.append(x.render()).append('\n');
        }
        return b.toString();
    }
}
