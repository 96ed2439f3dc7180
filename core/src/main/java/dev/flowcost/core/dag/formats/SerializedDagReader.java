package dev.flowcost.core.dag.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.ScheduleCalculator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads Airflow's serialized DAG JSON (what the scheduler stores in {@code serialized_dag} and the webserver
 * renders): {@code {"__version": 1|2|3, "dag": {...}}}. It is the most faithful export of a parsed DAG, with
 * default_args already applied to every task. Any value may be wrapped as {@code {"__type": t, "__var": v}}; tasks
 * may be plain objects (Airflow 2) or {@code {"__type": "operator", "__var": {...}}} (Airflow 3); field names may
 * carry a leading underscore ({@code _dag_id}, {@code _task_type}, {@code _is_mapped}). Fields equal to Airflow's
 * defaults are left out of the serialization, so a missing field means the default (catchup: true before version
 * 2, false from version 2 on, Airflow 3's default).
 */
public final class SerializedDagReader {

    /** Reads one serialized DAG (or a JSON array of them); never throws. */
    public DagReadResult read(String file, String content) {
        List<Diagnostic> diags = new ArrayList<>();
        try {
            JsonNode root = JsonValues.parse(file, content == null ? "" : content, diags);
            if (root == null) {
                return new DagReadResult(List.of(), diags);
            }
            List<Dag> dags = new ArrayList<>();
            LineIndex lines = LineIndex.of(JsonValues.JSON.getFactory(), content);
            if (root.isArray()) {
                for (int i = 0; i < root.size(); i++) {
                    readOne(file, root.get(i), "/" + i, lines, dags, diags);
                }
            } else {
                readOne(file, root, "", lines, dags, diags);
            }
            return new DagReadResult(dags, lines.withLines(diags));
        } catch (RuntimeException | StackOverflowError e) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_SYNTAX, file, SourceLocation.UNKNOWN, "could not read the serialized DAG: "
                    + e.getClass().getSimpleName()));
            return new DagReadResult(List.of(), diags);
        }
    }

    private void readOne(String file, JsonNode doc, String base, LineIndex lines, List<Dag> dags, List<Diagnostic> diags) {
        JsonNode dagNode = JsonValues.field(doc, "dag");
        String dagPointer = base + "/dag";
        if (dagNode == null && doc != null && doc.isObject() && (doc.has("_dag_id") || doc.has("dag_id"))) {
            dagNode = doc;
            dagPointer = base;
        }
        if (dagNode == null || !dagNode.isObject()) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_UNSUPPORTED, file, new SourceLocation(base + "/dag", 0, 0),
                    "expected a serialized DAG: {\"__version\": n, \"dag\": {...}}"));
            return;
        }
        int version = JsonValues.integer(doc, "__version").orElse(1);
        String dagId = JsonValues.text(dagNode, "_dag_id", "dag_id");
        if (dagId == null || dagId.isBlank()) {
            diags.add(Diagnostic.error(DiagnosticCode.DAG_ENTRY_IGNORED, file,
                    new SourceLocation(dagPointer + "/dag_id", 0, 0), "serialized DAG without a dag_id"));
            return;
        }
        Map<String, String> groupOf = new HashMap<>();
        walkGroups(JsonValues.field(dagNode, "_task_group", "task_group"), null, groupOf, 0);
        DeclaredDag dag = new DeclaredDag(file, diags);
        JsonNode tasks = JsonValues.field(dagNode, "tasks");
        if (tasks == null || !tasks.isArray()) {
            diags.add(Diagnostic.warning(DiagnosticCode.DAG_NOTE, file, new SourceLocation(dagPointer + "/tasks", 0, 0),
                    "DAG '" + dagId + "' has no tasks array"));
        } else {
            for (int i = 0; i < tasks.size(); i++) {
                String pointer = dagPointer + "/tasks/" + i;
                JsonNode t = JsonValues.unwrap(tasks.get(i));
                String taskId = JsonValues.text(t, "task_id", "_task_id");
                if (taskId == null || taskId.isBlank()) {
                    diags.add(Diagnostic.warning(DiagnosticCode.DAG_ENTRY_IGNORED, file,
                            new SourceLocation(pointer, 0, 0), "task without task_id; skipped"));
                    continue;
                }
                dag.addTask(task(file, taskId, t, pointer, lines.line(pointer), groupOf, diags), new SourceLocation(pointer, 0, 0));
                for (String down : JsonValues.strings(JsonValues.field(t, "downstream_task_ids", "_downstream_task_ids"))) {
                    dag.addEdge(taskId, down, new SourceLocation(pointer + "/downstream_task_ids", 0, 0));
                }
            }
        }
        Map<String, String> defaultArgs = new LinkedHashMap<>();
        JsonValues.scalars(JsonValues.field(dagNode, "default_args"), defaultArgs);
        dags.add(new Dag(dagId, file, lines.line(dagPointer), schedule(dagNode), startDate(dagNode),
                JsonValues.bool(dagNode, version < 2, "catchup"), JsonValues.integer(dagNode, "max_active_runs"),
                firstPresent(JsonValues.integer(dagNode, "max_active_tasks"), JsonValues.integer(dagNode, "_concurrency", "concurrency")),
                defaultArgs, JsonValues.strings(JsonValues.field(dagNode, "tags")), dag.tasks(), dag.edges()));
    }

    private static OptionalInt firstPresent(OptionalInt a, OptionalInt b) {
        return a.isPresent() ? a : b;
    }

    private static DagTask task(String file, String taskId, JsonNode t, String pointer, int line, Map<String, String> groupOf,
                                List<Diagnostic> diags) {
        TaskBuilder b = new TaskBuilder(taskId);
        b.line = line;
        String type = JsonValues.text(t, "_task_type", "task_type");
        String module = JsonValues.text(t, "_task_module", "task_module");
        String opName = JsonValues.text(t, "_operator_name", "operator_name");
        b.operator = type == null ? "" : type;
        b.module = module == null ? "" : module;
        if ((b.operator.isEmpty() || b.operator.endsWith("DecoratedOperator")) && opName != null && opName.startsWith("@")) {
            b.operator = opName;
        } else if (b.operator.endsWith("DecoratedOperator")) {
            b.familyOverride = OperatorFamily.WORKER_CODE;
        }
        b.readRunSettings(t, file, pointer, diags, "_is_mapped", "is_mapped");
        String group = groupOf.get(taskId);
        if (group == null && taskId.lastIndexOf('.') > 0) {
            group = taskId.substring(0, taskId.lastIndexOf('.'));
        }
        b.taskGroup = Optional.ofNullable(group);
        if (JsonValues.bool(t, false, "_is_setup", "is_setup")) {
            b.role = DagTask.Role.SETUP;
        } else if (JsonValues.bool(t, false, "_is_teardown", "is_teardown")) {
            b.role = DagTask.Role.TEARDOWN;
        }
        String mode = JsonValues.text(t, "mode");
        b.sensorMode = mode == null ? "" : mode;
        b.pokeInterval = JsonValues.seconds(JsonValues.field(t, "poke_interval"));
        b.sensorTimeout = JsonValues.seconds(JsonValues.field(t, "timeout"));
        b.deferrable = JsonValues.bool(t, false, "deferrable", "_is_deferrable");
        for (String key : new String[] {"job_name", "function_name", "state_machine_arn", "crawler_name", "job_queue",
                "job_definition", "task_definition", "bucket_name", "bucket_key", "application_id"}) {
            String v = JsonValues.text(t, key);
            if (v != null) {
                b.arguments.put(key, v);
            }
        }
        return b.build();
    }

    /** Records, for every task id under {@code group}, the id of the innermost TaskGroup containing it. */
    private static void walkGroups(JsonNode group, String groupId, Map<String, String> groupOf, int depth) {
        if (group == null || !group.isObject() || depth > 100) {
            return;
        }
        JsonNode children = JsonValues.field(group, "children");
        if (children == null || !children.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = children.fields();
        while (it.hasNext()) {
            JsonNode pair = JsonValues.unwrap(it.next().getValue());
            if (pair == null || !pair.isArray() || pair.size() < 2) {
                continue;
            }
            String kind = pair.get(0).asText("");
            JsonNode value = JsonValues.unwrap(pair.get(1));
            if (kind.equals("operator") && value != null && value.isValueNode()) {
                if (groupId != null) {
                    groupOf.put(value.asText(), groupId);
                }
            } else if (kind.equals("taskgroup") && value != null && value.isObject()) {
                String id = JsonValues.text(value, "_group_id", "group_id");
                walkGroups(value, id == null ? groupId : id, groupOf, depth + 1);
            }
        }
    }

    private static Schedule schedule(JsonNode dagNode) {
        JsonNode tt = dagNode.get("timetable");
        if (tt != null && tt.isObject()) {
            String type = JsonValues.wrapperType(tt);
            JsonNode var = JsonValues.unwrap(tt);
            String shortType = type.substring(type.lastIndexOf('.') + 1);
            switch (shortType) {
                case "NullTimetable":
                    return Schedule.none();
                case "OnceTimetable":
                    return new Schedule(Schedule.Kind.PRESET, "@once");
                case "ContinuousTimetable":
                    return new Schedule(Schedule.Kind.PRESET, "@continuous");
                case "DatasetTriggeredTimetable":
                case "AssetTriggeredTimetable":
                case "DatasetOrTimeSchedule":
                case "AssetOrTimeSchedule":
                    return new Schedule(Schedule.Kind.DATASET, shortType);
                default:
                    break;
            }
            String expression = JsonValues.text(var, "expression");
            if (expression != null) {
                Schedule s = ScheduleCalculator.parse(expression);
                return s.kind() == Schedule.Kind.UNKNOWN ? new Schedule(Schedule.Kind.CRON, expression) : s;
            }
            JsonNode delta = JsonValues.field(var, "delta");
            if (delta != null && JsonValues.seconds(delta).isPresent()) {
                return new Schedule(Schedule.Kind.TIMEDELTA, "timedelta(seconds=" + JsonValues.seconds(delta).getAsDouble() + ")");
            }
            if (!type.isEmpty()) {
                return new Schedule(Schedule.Kind.TIMETABLE, type);
            }
        }
        JsonNode si = dagNode.get("schedule_interval");
        if (si != null) {
            if (si.isNull()) {
                return Schedule.none();
            }
            String wrapper = JsonValues.wrapperType(si);
            JsonNode v = JsonValues.unwrap(si);
            if (wrapper.equals("timedelta") || wrapper.equals("relativedelta") || v.isNumber()) {
                if (JsonValues.seconds(v).isPresent()) {
                    return new Schedule(Schedule.Kind.TIMEDELTA, "timedelta(seconds=" + JsonValues.seconds(v).getAsDouble() + ")");
                }
                return new Schedule(Schedule.Kind.UNKNOWN, v.toString());
            }
            if (v.isTextual()) {
                return ScheduleCalculator.parse(v.asText());
            }
        }
        return new Schedule(Schedule.Kind.UNKNOWN, "");
    }

    private static Optional<String> startDate(JsonNode dagNode) {
        JsonNode v = JsonValues.field(dagNode, "start_date");
        if (v == null) {
            return Optional.empty();
        }
        if (v.isNumber() && Double.isFinite(v.asDouble()) && Math.abs(v.asDouble()) < 1e11) {
            return Optional.of(Instant.ofEpochMilli((long) (v.asDouble() * 1000)).toString());
        }
        return v.isValueNode() ? Optional.of(v.asText()) : Optional.empty();
    }
}
