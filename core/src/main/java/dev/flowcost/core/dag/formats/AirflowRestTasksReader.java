package dev.flowcost.core.dag.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.ScheduleCalculator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the task list Airflow's REST API returns for one DAG ({@code GET /api/v1/dags/{dag_id}/tasks} in
 * Airflow 2, {@code GET /api/v2/dags/{dag_id}/tasks} in Airflow 3), so a team can cost DAGs exported from a running
 * environment without their Python source. Both shapes are {@code {"tasks": [...], "total_entries": n}}; v2 gives
 * retries and pool_slots as numbers that may be fractional and allows nulls; retry_delay is a TimeDelta object
 * ({@code days, seconds, microseconds}), a number of seconds, or null.
 *
 * <p>The payload does not name its DAG: the dag id is the {@code dag_id} field when present, else the file name
 * without {@code .json} (and without a trailing {@code .tasks} / {@code _tasks}). The schedule is not in the
 * payload either; when the DAG details ({@code schedule_interval}, {@code timetable_summary}) were merged into the
 * same object they are used, otherwise the schedule is UNKNOWN with an INFO.
 */
public final class AirflowRestTasksReader {

    /** Reads one task-list payload; never throws. */
    public DagReadResult read(String file, String content) {
        List<Diagnostic> diags = new ArrayList<>();
        try {
            return readChecked(file, content, diags);
        } catch (RuntimeException | StackOverflowError e) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_SYNTAX, file, SourceLocation.UNKNOWN,
                    "could not read the Airflow REST task list: "
                    + e.getClass().getSimpleName()));
            return new DagReadResult(List.of(), diags);
        }
    }

    private DagReadResult readChecked(String file, String content, List<Diagnostic> diags) {
        JsonNode root = JsonValues.parse(file, content == null ? "" : content, diags);
        if (root == null) {
            return new DagReadResult(List.of(), diags);
        }
        JsonNode tasks = root.isObject() ? root.get("tasks") : null;
        if (tasks == null || !tasks.isArray()) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_UNSUPPORTED, file, new SourceLocation("/tasks", 0, 0),
                    "expected an object with a \"tasks\" array (the Airflow REST API task list)"));
            return new DagReadResult(List.of(), diags);
        }
        LineIndex lines = LineIndex.of(JsonValues.JSON.getFactory(), content);
        String dagId = JsonValues.text(root, "dag_id", "dag_display_name");
        if (dagId == null || dagId.isBlank()) {
            dagId = stem(file);
        }
        DeclaredDag dag = new DeclaredDag(file, diags);
        for (int i = 0; i < tasks.size(); i++) {
            String pointer = "/tasks/" + i;
            JsonNode t = tasks.get(i);
            String taskId = JsonValues.text(t, "task_id");
            if (taskId == null || taskId.isBlank()) {
                diags.add(Diagnostic.warning(DiagnosticCode.DAG_ENTRY_IGNORED, file, new SourceLocation(pointer, 0, 0),
                        "task without task_id; skipped"));
                continue;
            }
            SourceLocation at = new SourceLocation(pointer, 0, 0);
            TaskBuilder b = task(file, taskId, t, pointer, diags);
            b.line = lines.line(pointer);
            dag.addTask(b.build(), at);
            for (String down : JsonValues.strings(t.get("downstream_task_ids"))) {
                dag.addEdge(taskId, down, new SourceLocation(pointer + "/downstream_task_ids", 0, 0));
            }
        }
        Schedule schedule = schedule(root);
        if (schedule.kind() == Schedule.Kind.UNKNOWN && schedule.expression().isEmpty()) {
            diags.add(Diagnostic.info(DiagnosticCode.DAG_SCHEDULE, file, SourceLocation.UNKNOWN,
                    "the REST task list carries no schedule for DAG '"
                    + dagId + "'; give runs per month in the workload file"));
        }
        Dag d = new Dag(dagId, file, 0, schedule, Optional.ofNullable(JsonValues.text(root, "start_date")),
                JsonValues.bool(root, false, "catchup"), JsonValues.integer(root, "max_active_runs"),
                JsonValues.integer(root, "max_active_tasks", "concurrency"), Map.of(), tags(root), dag.tasks(), dag.edges());
        return new DagReadResult(List.of(d), lines.withLines(diags));
    }

    private static TaskBuilder task(String file, String taskId, JsonNode t, String pointer, List<Diagnostic> diags) {
        TaskBuilder b = new TaskBuilder(taskId);
        JsonNode classRef = JsonValues.field(t, "class_ref");
        String className = JsonValues.text(classRef, "class_name");
        String module = JsonValues.text(classRef, "module_path");
        String opName = JsonValues.text(t, "operator_name");
        b.operator = className != null && !className.isBlank() ? className : opName == null ? "" : opName;
        b.module = module == null ? "" : module;
        if (b.operator.equals("_PythonDecoratedOperator") && opName != null && opName.startsWith("@")) {
            b.operator = opName;
        }
        b.readRunSettings(t, file, pointer, diags, "is_mapped");
        int dot = taskId.lastIndexOf('.');
        if (dot > 0) {
            b.taskGroup = Optional.of(taskId.substring(0, dot));
        }
        return b;
    }

    private static Schedule schedule(JsonNode root) {
        JsonNode si = root.get("schedule_interval");
        if (si != null && si.isObject() && si.has("value")) {
            String type = si.path("__type").asText("");
            JsonNode value = si.get("value");
            if (type.equals("TimeDelta") || type.equals("RelativeDelta")) {
                return ScheduleCalculator.parse("timedelta(seconds=" + JsonValues.seconds(si).orElse(0) + ")");
            }
            return ScheduleCalculator.parse(value.asText());
        }
        if (si != null && si.isObject() && (si.has("days") || si.has("seconds"))) {
            return ScheduleCalculator.parse("timedelta(seconds=" + JsonValues.seconds(si).orElse(0) + ")");
        }
        if (si != null && si.isTextual()) {
            return ScheduleCalculator.parse(si.asText());
        }
        if (si != null && si.isNull()) {
            return Schedule.none();
        }
        String summary = JsonValues.text(root, "timetable_summary", "schedule");
        if (summary != null) {
            return ScheduleCalculator.parse(summary);
        }
        return new Schedule(Schedule.Kind.UNKNOWN, "");
    }

    private static List<String> tags(JsonNode root) {
        List<String> out = new ArrayList<>();
        JsonNode tags = root.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode t : tags) {
                if (t.isTextual()) {
                    out.add(t.asText());
                } else if (t.isObject() && t.has("name")) {
                    out.add(t.get("name").asText());
                }
            }
        }
        return out;
    }

    /** "exports/orders.tasks.json" → "orders". */
    static String stem(String file) {
        String f = file == null ? "" : file.replace('\\', '/');
        String name = f.substring(f.lastIndexOf('/') + 1);
        for (String suffix : new String[] {".json", ".tasks", "_tasks", "-tasks"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return name.isEmpty() ? "dag" : name;
    }
}
