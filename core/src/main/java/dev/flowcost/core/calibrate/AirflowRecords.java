package dev.flowcost.core.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads Airflow's records of what ran, in the shapes Airflow itself produces: the stable REST API's task-instance and
 * DAG-run collections ({@code GET /api/v1/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances}, the batch
 * {@code POST /api/v1/dags/~/dagRuns/~/taskInstances/list}, their {@code /api/v2} forms in Airflow 3, the v2 tries
 * list {@code .../taskInstances/{task_id}/tries}, and {@code GET .../dagRuns}), and CSV exports of the metadata
 * database's {@code task_instance} and {@code dag_run} tables with Airflow's column names. Fields read: dag_id,
 * task_id, dag_run_id (REST) or run_id (table; v1's execution_date when neither), map_index, start_date, end_date,
 * duration, state, try_number, queued_when (REST) or queued_dttm (table); for DAG runs dag_id, dag_run_id/run_id and
 * the first of logical_date, execution_date (v1, deprecated since 2.2), start_date, run_after (v2, required there;
 * logical_date is nullable in v2 and absent for manual runs), and state. Checked against Airflow's OpenAPI documents
 * (v1: airflow/api_connexion/openapi/v1.yaml, TaskInstance, DAGRun, CollectionInfo; v2:
 * airflow-core/src/airflow/api_fastapi/core_api/openapi/v2-rest-api-generated.yaml, TaskInstanceResponse,
 * TaskInstanceHistoryResponse, DAGRunResponse, *CollectionResponse with total_entries;
 * https://airflow.apache.org/docs/apache-airflow/stable/stable-rest-api-ref.html).
 */
final class AirflowRecords {
    private AirflowRecords() {
    }

    /** One task instance (one try when the export lists tries). {@code where} names the file and row. */
    record TaskInstance(String dagId, String runId, String taskId, int mapIndex, Optional<Instant> start,
                        Optional<Instant> end, double durationSeconds, String state, int tryNumber,
                        Optional<Instant> queuedAt, String where) {
        /** Seconds the try ran: {@code duration}, else end − start, else NaN. */
        double seconds() {
            if (Double.isFinite(durationSeconds)) {
                return durationSeconds;
            }
            if (start.isPresent() && end.isPresent()) {
                return Duration.between(start.get(), end.get()).toNanos() / 1e9;
            }
            return Double.NaN;
        }
    }

    /** One DAG run. */
    record DagRun(String dagId, String runId, Optional<Instant> start, String state, String where) {
    }

    static void taskInstances(String file, JsonNode root, Consumer<TaskInstance> out, Consumer<Diagnostic> report) {
        JsonNode list = root.get("task_instances");
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            String at = "/task_instances/" + i;
            if (!t.path("dag_id").isTextual() || !t.path("task_id").isTextual()) {
                report.accept(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, file, new SourceLocation(at, 0, 0),
                        "task instance without dag_id and task_id is not counted"));
                continue;
            }
            String run = t.path("dag_run_id").asText(t.path("run_id").asText(t.path("execution_date").asText("")));
            out.accept(new TaskInstance(t.get("dag_id").asText(), run, t.get("task_id").asText(),
                    t.path("map_index").asInt(-1), Timestamps.of(t.get("start_date")), Timestamps.of(t.get("end_date")),
                    t.path("duration").isNumber() ? t.get("duration").asDouble() : Double.NaN,
                    t.path("state").asText("").toLowerCase(Locale.ROOT), t.path("try_number").asInt(0),
                    Timestamps.of(t.get("queued_when")), file + ":" + at));
        }
    }

    static void dagRuns(String file, JsonNode root, Consumer<DagRun> out, Consumer<Diagnostic> report) {
        JsonNode list = root.get("dag_runs");
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String at = "/dag_runs/" + i;
            if (!r.path("dag_id").isTextual()) {
                report.accept(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, file, new SourceLocation(at, 0, 0),
                        "DAG run without dag_id is not counted"));
                continue;
            }
            Optional<Instant> when = Timestamps.of(r.get("logical_date")).or(() -> Timestamps.of(r.get("execution_date")))
                    .or(() -> Timestamps.of(r.get("start_date"))).or(() -> Timestamps.of(r.get("run_after")));
            out.accept(new DagRun(r.get("dag_id").asText(), r.path("dag_run_id").asText(r.path("run_id").asText("")),
                    when, r.path("state").asText("").toLowerCase(Locale.ROOT), file + ":" + at));
        }
    }

    /** Rows of a {@code task_instance} table CSV export; a row without dag_id or task_id is a warning. */
    static void taskInstanceCsv(Path file, Consumer<TaskInstance> out, Consumer<Diagnostic> report) throws IOException {
        csv(file, report, (row, col, line) -> {
            String dag = col.apply("dag_id");
            String task = col.apply("task_id");
            if (dag.isEmpty() || task.isEmpty()) {
                report.accept(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, file.toString(), SourceLocation.ofLine((int) line),
                        "row without dag_id and task_id is not counted"));
                return;
            }
            String run = col.apply("run_id");
            out.accept(new TaskInstance(dag, run.isEmpty() ? col.apply("execution_date") : run, task,
                    integer(col.apply("map_index"), -1), Timestamps.parse(col.apply("start_date")),
                    Timestamps.parse(col.apply("end_date")), decimal(col.apply("duration")),
                    col.apply("state").toLowerCase(Locale.ROOT), integer(col.apply("try_number"), 0),
                    Timestamps.parse(col.apply("queued_dttm")), file + ":" + line));
        });
    }

    /** Rows of a {@code dag_run} table CSV export. */
    static void dagRunCsv(Path file, Consumer<DagRun> out, Consumer<Diagnostic> report) throws IOException {
        csv(file, report, (row, col, line) -> {
            String dag = col.apply("dag_id");
            if (dag.isEmpty()) {
                report.accept(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, file.toString(),
                        SourceLocation.ofLine((int) line), "row without dag_id is not counted"));
                return;
            }
            Optional<Instant> when = Timestamps.parse(col.apply("logical_date"))
                    .or(() -> Timestamps.parse(col.apply("execution_date")))
                    .or(() -> Timestamps.parse(col.apply("start_date")))
                    .or(() -> Timestamps.parse(col.apply("run_after")));
            out.accept(new DagRun(dag, col.apply("run_id"), when, col.apply("state").toLowerCase(Locale.ROOT),
                    file + ":" + line));
        });
    }

    private interface RowHandler {
        void row(CSVRecord row, java.util.function.Function<String, String> column, long line);
    }

    private static void csv(Path file, Consumer<Diagnostic> report, RowHandler handler) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, format)) {
            Map<String, Integer> header = new HashMap<>();
            p.getHeaderMap().forEach((k, v) -> header.put(k.trim().toLowerCase(Locale.ROOT), v));
            for (CSVRecord row : p) {
                long line = row.getRecordNumber() + 1;
                if (!row.isConsistent()) {
                    report.accept(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, file.toString(),
                            SourceLocation.ofLine((int) line), "row "
                            + row.getRecordNumber() + " has " + row.size() + " field(s), the header " + header.size()
                            + " (cut off, or rows of another table mixed in?); not counted"));
                    continue;
                }
                handler.row(row, name -> {
                    Integer i = header.get(name);
                    return i == null || i >= row.size() ? "" : row.get(i).trim();
                }, line);
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            report.accept(Diagnostic.error(DiagnosticCode.INPUT_SYNTAX, file.toString(), SourceLocation.UNKNOWN, "not a readable CSV file: "
                    + e.getMessage()));
        }
    }

    private static int integer(String s, int otherwise) {
        try {
            return s.isEmpty() ? otherwise : (int) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static double decimal(String s) {
        try {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
