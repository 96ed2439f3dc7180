package dev.flowcost.report.inspect;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagRuns;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import java.util.ArrayList;
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
        List<DagJson> dags = new ArrayList<>();
        for (Entry e : entries) {
            Dag d = e.dag();
            List<TaskJson> tasks = d.tasks().stream().map(t -> new TaskJson(t.taskId(), t.operator(),
                    t.family().name().toLowerCase(Locale.ROOT), t.retries(), t.mapped(), t.triggerRule().airflowName(),
                    t.pool(), t.taskGroup().orElse(null), t.awsResource().orElse(null),
                    t.sensor().map(s -> s.deferrable() ? "deferrable" : s.mode().name().toLowerCase(Locale.ROOT))
                            .orElse(null), t.line() > 0 ? t.line() : null)).toList();
            List<List<String>> edges = d.edges().stream().map(edge -> List.of(edge.upstream(), edge.downstream()))
                    .toList();
            dags.add(new DagJson(d.dagId(), d.file(), d.line(), d.schedule().expression(),
                    d.schedule().kind().name().toLowerCase(Locale.ROOT),
                    e.runs().runsPerMonth().isPresent() ? e.runs().runsPerMonth().getAsDouble() : null,
                    e.runs().source(), e.runs().explanation(), d.catchup(), tasks, edges, diagnosticsOf(d.file())));
        }
        try {
            return MAPPER.writeValueAsString(new Json(dags, dev.flowcost.report.json.DiagnosticJson.array(diagnostics)))
                    + System.lineSeparator();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The JSON of {@code inspect}, field by field (the README's contract). */
    record Json(List<DagJson> dags, JsonNode diagnostics) {
    }

    /** One DAG; {@code runsPerMonth} is null when its schedule gives none. */
    record DagJson(String dagId, String file, int line, String schedule, String scheduleKind, Double runsPerMonth,
                   String runsPerMonthSource, String runsPerMonthExplanation, boolean catchup, List<TaskJson> tasks,
                   List<List<String>> edges, JsonNode diagnostics) {
    }

    /** One task; what it does not have (a TaskGroup, an AWS resource, a sensor mode, a known line) is left out. */
    record TaskJson(String taskId, String operator, String family, int retries, boolean mapped, String triggerRule,
                    String pool, @JsonInclude(JsonInclude.Include.NON_NULL) String taskGroup,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String awsResource,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String sensorMode,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer line) {
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
