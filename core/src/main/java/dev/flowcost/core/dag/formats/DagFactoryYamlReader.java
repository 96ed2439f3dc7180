package dev.flowcost.core.dag.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.ScheduleCalculator;
import dev.flowcost.core.dag.TriggerRule;
import dev.flowcost.core.input.LocatedDocument;
import dev.flowcost.core.input.LocatedParser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads DAG Factory YAML (astronomer/dag-factory, also what Amazon MWAA Serverless runs): each top-level key is a
 * dag id whose value holds {@code default_args}, {@code schedule} (or {@code schedule_interval}), {@code catchup},
 * {@code task_groups} and {@code tasks}; an optional top-level {@code default:} block is merged under every DAG.
 * Tasks and task groups come either as a mapping keyed by id (before 1.0) or as a list of entries with
 * {@code task_id} / {@code group_name} (1.0 and later). A task in a group gets Airflow's id {@code group.task};
 * {@code dependencies} name tasks or groups as written in the file. Task settings not given on the task come from
 * default_args (retries, retry_delay_sec, trigger_rule, pool, ...).
 */
public final class DagFactoryYamlReader {

    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());
    /** Task keys that are settings, not operator arguments. */
    private static final Set<String> TASK_SETTINGS = Set.of("operator", "decorator", "dependencies", "task_group_name",
            "task_id", "retries", "retry_delay_sec", "retry_delay", "retry_exponential_backoff", "max_retry_delay",
            "max_retry_delay_sec", "execution_timeout", "execution_timeout_secs", "trigger_rule", "pool", "pool_slots",
            "expand", "partial", "mode", "poke_interval", "timeout", "deferrable");

    /** Whether a parsed YAML document looks like DAG Factory: some top-level value is a mapping with {@code tasks}. */
    public static boolean looksLikeDagFactory(JsonNode root) {
        if (root == null || !root.isObject()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("default") && e.getValue().isObject() && e.getValue().has("tasks")) {
                return true;
            }
        }
        return false;
    }

    /**
     * How DAG Factory YAML is parsed: by the shared located parser (aliases expanded with the same limits as every
     * reader, one document per file) with YAML 1.1 booleans, as PyYAML reads them for dag-factory.
     */
    private static final LocatedParser.Options OPTIONS = new LocatedParser.Options("DAG Factory YAML file",
            "a mapping of dag ids to DAG definitions", false, true);

    /** Parses YAML text, or returns null with an ERROR diagnostic (a second document is an error). */
    public static JsonNode parseYaml(String file, String content, List<Diagnostic> out) {
        return parse(file, content, OPTIONS, out);
    }

    /** Parses the first document of YAML text, to tell whether it is DAG Factory; null with an ERROR when malformed. */
    public static JsonNode parseFirstDocument(String file, String content, List<Diagnostic> out) {
        return parse(file, content, OPTIONS.firstDocument(), out);
    }

    private static JsonNode parse(String file, String content, LocatedParser.Options options, List<Diagnostic> out) {
        if (content.isBlank()) {
            return null;
        }
        LocatedDocument d = LocatedParser.parse(file, content, true, true, options, out);
        return d == null || d.root() == null || d.root().isMissingNode() || d.root().isNull() ? null : d.root();
    }

    /** Reads every DAG in a DAG Factory YAML file; never throws. */
    public DagReadResult read(String file, String content) {
        List<Diagnostic> diags = new ArrayList<>();
        try {
            JsonNode root = parseYaml(file, content == null ? "" : content, diags);
            if (root == null) {
                if (diags.isEmpty()) {
                    diags.add(Diagnostic.info(DiagnosticCode.INPUT_EMPTY, file, SourceLocation.UNKNOWN, "empty YAML file: no DAG found"));
                }
                return new DagReadResult(List.of(), diags);
            }
            if (!root.isObject()) {
                diags.add(Diagnostic.error(DiagnosticCode.INPUT_UNSUPPORTED, file, SourceLocation.UNKNOWN,
                        "expected a mapping of dag ids to DAG definitions (DAG Factory YAML)"));
                return new DagReadResult(List.of(), diags);
            }
            LineIndex lines = LineIndex.of(YAML.getFactory(), content);
            JsonNode defaults = root.get("default");
            List<Dag> dags = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String dagId = e.getKey();
                if (dagId.equals("default")) {
                    continue;
                }
                String pointer = "/" + SourceLocation.escapeToken(dagId);
                if (!e.getValue().isObject()) {
                    diags.add(Diagnostic.info(DiagnosticCode.DAG_ENTRY_IGNORED, file, new SourceLocation(pointer, 0, 0),
                            "top-level key '" + dagId + "' is not a DAG definition; ignored"));
                    continue;
                }
                JsonNode config = merge(defaults, e.getValue());
                readDag(file, dagId, config, pointer, lines, diags).ifPresent(dags::add);
            }
            if (dags.isEmpty()) {
                diags.add(Diagnostic.info(DiagnosticCode.DAG_NONE_FOUND, file, SourceLocation.UNKNOWN, "no DAG found in this YAML file"));
            }
            return new DagReadResult(dags, lines.withLines(diags));
        } catch (RuntimeException | StackOverflowError e) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_SYNTAX, file, SourceLocation.UNKNOWN, "could not read the DAG Factory file: "
                    + e.getClass().getSimpleName()));
            return new DagReadResult(List.of(), diags);
        }
    }

    /** {@code base} overlaid by {@code over}; nested mappings (default_args) are merged key by key. */
    private static JsonNode merge(JsonNode base, JsonNode over) {
        if (base == null || !base.isObject()) {
            return over;
        }
        ObjectNode out = ((ObjectNode) base).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = over.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = out.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject() && !e.getKey().equals("tasks")
                    && !e.getKey().equals("task_groups")) {
                out.set(e.getKey(), merge(existing, e.getValue()));
            } else {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** A task group: its full id and what it depends on. */
    private record Group(String name, String fullId, List<String> dependencies, String pointer) {
    }

    /**
     * A task as declared: the name in the file, its full Airflow id, its declared dependencies and the tasks whose
     * output its arguments read ({@code +other_task} or {@code other_task.output}, as dag-factory resolves them).
     */
    private record Declared(String name, String fullId, String group, List<String> dependencies, List<String> reads,
                            String pointer) {
    }

    private static final java.util.regex.Pattern OUTPUT_REF =
            java.util.regex.Pattern.compile("^\\s*([A-Za-z_][\\w.-]*)\\.output\\s*$");

    /** Task names an argument value refers to as XCom: "+name" or "name.output", anywhere inside it. */
    private static List<String> outputReads(JsonNode task) {
        List<String> out = new ArrayList<>();
        java.util.Iterator<Map.Entry<String, JsonNode>> it = task.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("dependencies") && !e.getKey().equals("operator") && !e.getKey().equals("decorator")
                    && !e.getKey().equals("task_group_name")) {
                collectReads(e.getValue(), out, 0);
            }
        }
        return out;
    }

    private static void collectReads(JsonNode n, List<String> out, int depth) {
        if (n == null || depth > 20 || out.size() > 1000) {
            return;
        }
        if (n.isTextual()) {
            String s = n.asText().trim();
            java.util.regex.Matcher m = OUTPUT_REF.matcher(s);
            if (s.startsWith("+") && s.length() > 1) {
                out.add(s.substring(1).trim());
            } else if (m.matches()) {
                out.add(m.group(1));
            }
        } else if (n.isContainerNode()) {
            for (JsonNode c : n) {
                collectReads(c, out, depth + 1);
            }
        }
    }

    private Optional<Dag> readDag(String file, String dagId, JsonNode config, String pointer, LineIndex lines,
                                  List<Diagnostic> diags) {
        JsonNode defaultArgs = config.path("default_args");
        Map<String, Group> groups = readGroups(file, config.get("task_groups"), pointer + "/task_groups", diags);
        List<Map.Entry<String, JsonNode>> taskEntries = entries(file, config.get("tasks"), "task_id",
                pointer + "/tasks", diags);
        if (taskEntries.isEmpty()) {
            diags.add(Diagnostic.warning(DiagnosticCode.DAG_NOTE, file, new SourceLocation(pointer + "/tasks", 0, 0),
                    "DAG '" + dagId + "' has no tasks"));
        }
        DeclaredDag dag = new DeclaredDag(file, diags);
        List<Declared> declared = new ArrayList<>();
        Map<String, String> fullIdByName = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, JsonNode> e : taskEntries) {
            String taskPointer = pointer + "/tasks/" + (config.get("tasks").isArray() ? String.valueOf(index) : SourceLocation.escapeToken(e.getKey()));
            index++;
            JsonNode t = e.getValue();
            String groupName = text(t.get("task_group_name"));
            String fullId = e.getKey();
            String groupId = null;
            if (groupName != null) {
                Group g = groups.get(groupName);
                if (g == null) {
                    diags.add(Diagnostic.warning(DiagnosticCode.DAG_NOTE, file, new SourceLocation(taskPointer + "/task_group_name", 0, 0),
                            "task group '" + groupName + "' is not declared in task_groups; used as written"));
                    groupId = groupName;
                } else {
                    groupId = g.fullId();
                }
                fullId = groupId + "." + e.getKey();
            }
            fullIdByName.putIfAbsent(e.getKey(), fullId);
            declared.add(new Declared(e.getKey(), fullId, groupId, strings(t.get("dependencies")),
                    t.isObject() ? outputReads(t) : List.of(), taskPointer));
            dag.addTask(task(file, fullId, groupId, t, defaultArgs, taskPointer, lines.line(taskPointer), diags),
                    new SourceLocation(taskPointer, 0, 0));
        }
        // edges among tasks first, so group ends (roots and leaves) can be found
        List<String[]> taskToGroup = new ArrayList<>();
        Map<String, Set<String>> downstream = new LinkedHashMap<>();
        Map<String, Set<String>> upstream = new LinkedHashMap<>();
        List<String[]> plain = new ArrayList<>();
        for (Declared d : declared) {
            for (String dep : d.dependencies()) {
                String up = fullIdByName.get(dep);
                if (up == null && dag.hasTask(dep)) {
                    up = dep;
                }
                if (up != null) {
                    plain.add(new String[] {up, d.fullId(), d.pointer() + "/dependencies"});
                    downstream.computeIfAbsent(up, x -> new LinkedHashSet<>()).add(d.fullId());
                    upstream.computeIfAbsent(d.fullId(), x -> new LinkedHashSet<>()).add(up);
                } else if (groups.containsKey(dep)) {
                    taskToGroup.add(new String[] {dep, d.fullId(), d.pointer() + "/dependencies"});
                } else {
                    diags.add(Diagnostic.warning(DiagnosticCode.DAG_DEPENDENCY, file,
                            new SourceLocation(d.pointer() + "/dependencies", 0, 0),
                            "dependency '" + dep + "' of task '" + d.name() + "' is neither a task nor a task group; ignored"));
                }
            }
        }
        for (Declared d : declared) {
            // an argument reading another task's output makes that task upstream, as in TaskFlow
            for (String read : d.reads()) {
                String up = fullIdByName.get(read);
                if (up == null && dag.hasTask(read)) {
                    up = read;
                }
                if (up != null && !up.equals(d.fullId())) {
                    plain.add(new String[] {up, d.fullId(), d.pointer()});
                    downstream.computeIfAbsent(up, x -> new LinkedHashSet<>()).add(d.fullId());
                    upstream.computeIfAbsent(d.fullId(), x -> new LinkedHashSet<>()).add(up);
                }
            }
        }
        for (String[] p : plain) {
            dag.addEdge(p[0], p[1], new SourceLocation(p[2], 0, 0));
        }
        for (String[] p : taskToGroup) {
            for (String leaf : ends(declared, groups.get(p[0]).fullId(), downstream)) {
                dag.addEdge(leaf, p[1], new SourceLocation(p[2], 0, 0));
            }
        }
        for (Group g : groups.values()) {
            for (String dep : g.dependencies()) {
                List<String> ups = new ArrayList<>();
                if (fullIdByName.containsKey(dep)) {
                    ups.add(fullIdByName.get(dep));
                } else if (groups.containsKey(dep)) {
                    ups.addAll(ends(declared, groups.get(dep).fullId(), downstream));
                } else {
                    diags.add(Diagnostic.warning(DiagnosticCode.DAG_DEPENDENCY, file,
                            new SourceLocation(g.pointer() + "/dependencies", 0, 0),
                            "dependency '" + dep + "' of task group '" + g.name() + "' is neither a task nor a task group; ignored"));
                }
                for (String root : ends(declared, g.fullId(), upstream)) {
                    for (String up : ups) {
                        dag.addEdge(up, root, new SourceLocation(g.pointer() + "/dependencies", 0, 0));
                    }
                }
            }
        }
        Map<String, String> args = new LinkedHashMap<>();
        JsonValues.scalars(defaultArgs, args);
        Schedule schedule = schedule(config, file, pointer, diags);
        Optional<String> start = Optional.ofNullable(text(config.get("start_date"))).or(() -> Optional.ofNullable(text(defaultArgs.get("start_date"))));
        List<String> tags = strings(config.get("tags"));
        return Optional.of(new Dag(dagId, file, lines.line(pointer), schedule, start, config.path("catchup").asBoolean(false),
                integer(config.get("max_active_runs")), integer(config.has("max_active_tasks") ? config.get("max_active_tasks") : config.get("concurrency")),
                args, tags, dag.tasks(), dag.edges()));
    }

    /**
     * Tasks of the group {@code groupId} (nested groups included) with no neighbour inside the group in
     * {@code neighbours}: the leaves when given downstream links, the roots when given upstream links.
     */
    private static List<String> ends(List<Declared> declared, String groupId, Map<String, Set<String>> neighbours) {
        Set<String> members = new LinkedHashSet<>();
        for (Declared d : declared) {
            if (d.group() != null && (d.group().equals(groupId) || d.group().startsWith(groupId + "."))) {
                members.add(d.fullId());
            }
        }
        List<String> out = new ArrayList<>();
        for (String m : members) {
            boolean inner = false;
            for (String n : neighbours.getOrDefault(m, Set.of())) {
                inner |= members.contains(n);
            }
            if (!inner) {
                out.add(m);
            }
        }
        return out;
    }

    private Map<String, Group> readGroups(String file, JsonNode node, String pointer, List<Diagnostic> diags) {
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries(file, node, "group_name", pointer, diags)) {
            raw.put(e.getKey(), e.getValue());
        }
        Map<String, Group> out = new LinkedHashMap<>();
        for (String name : raw.keySet()) {
            // parent_group_name nests groups: the full id is "parent.child"
            List<String> path = new ArrayList<>();
            String cur = name;
            Set<String> seen = new LinkedHashSet<>();
            while (cur != null && seen.add(cur)) {
                path.add(0, cur);
                JsonNode g = raw.get(cur);
                cur = g == null ? null : text(g.get("parent_group_name"));
            }
            if (cur != null) {
                diags.add(Diagnostic.warning(DiagnosticCode.DAG_DEPENDENCY, file, new SourceLocation(pointer, 0, 0),
                        "task group '" + name + "' is its own ancestor through parent_group_name"));
            }
            out.put(name, new Group(name, String.join(".", path), strings(raw.get(name).get("dependencies")),
                    pointer + "/" + SourceLocation.escapeToken(name)));
        }
        return out;
    }

    /** Mapping form {@code id: {...}} or list form {@code - idKey: id ...}, as (id, body) pairs. */
    private static List<Map.Entry<String, JsonNode>> entries(String file, JsonNode node, String idKey, String pointer,
                                                           List<Diagnostic> diags) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isObject()) {
                    out.add(Map.entry(e.getKey(), e.getValue()));
                } else if (e.getValue().isNull()) {
                    out.add(Map.entry(e.getKey(), YAML.createObjectNode()));
                } else {
                    diags.add(Diagnostic.warning(DiagnosticCode.DAG_ENTRY_IGNORED, file,
                            new SourceLocation(pointer + "/" + SourceLocation.escapeToken(e.getKey()), 0, 0),
                            "'" + e.getKey() + "' should be a mapping of settings; skipped"));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode e = node.get(i);
                String id = e.isObject() ? text(e.get(idKey)) : null;
                if (id == null || id.isBlank()) {
                    diags.add(Diagnostic.warning(DiagnosticCode.DAG_ENTRY_IGNORED, file, new SourceLocation(pointer + "/" + i, 0, 0),
                            "entry without " + idKey + "; skipped"));
                } else {
                    out.add(Map.entry(id, e));
                }
            }
        } else {
            diags.add(Diagnostic.warning(DiagnosticCode.DAG_ENTRY_IGNORED, file, new SourceLocation(pointer, 0, 0),
                    "expected a mapping or a list; ignored"));
        }
        return out;
    }

    private static DagTask task(String file, String fullId, String groupId, JsonNode t, JsonNode defaults, String pointer,
                                int line, List<Diagnostic> diags) {
        TaskBuilder b = new TaskBuilder(fullId);
        b.line = line;
        String operator = text(t.get("operator"));
        String decorator = text(t.get("decorator"));
        if (operator != null) {
            b.operatorPath(operator);
        } else if (decorator != null) {
            String d = decorator.substring(decorator.lastIndexOf('.') + 1);
            b.operator = "@task" + (d.equals("task") ? "" : "." + d);
            b.module = decorator.contains(".") ? decorator.substring(0, decorator.lastIndexOf('.')) : "";
        } else {
            diags.add(Diagnostic.warning(DiagnosticCode.DAG_OPERATOR_UNKNOWN, file, new SourceLocation(pointer + "/operator", 0, 0),
                    "task '" + fullId + "' names no operator; kept as 'unknown'"));
        }
        b.taskGroup = Optional.ofNullable(groupId);
        b.retries = integer(pick(t, defaults, "retries")).orElse(0);
        b.retryDelay = duration(pick(t, defaults, "retry_delay_sec"), pick(t, defaults, "retry_delay"));
        b.exponentialBackoff = pick(t, defaults, "retry_exponential_backoff") != null
                && pick(t, defaults, "retry_exponential_backoff").asBoolean(false);
        b.maxRetryDelay = duration(pick(t, defaults, "max_retry_delay_sec"), pick(t, defaults, "max_retry_delay"));
        b.executionTimeout = duration(pick(t, defaults, "execution_timeout_secs"), pick(t, defaults, "execution_timeout"));
        String rule = text(pick(t, defaults, "trigger_rule"));
        if (rule != null) {
            Optional<TriggerRule> r = TriggerRule.parse(rule);
            if (r.isPresent()) {
                b.triggerRule = r.get();
            } else {
                diags.add(Diagnostic.warning(DiagnosticCode.DAG_TRIGGER_RULE, file, new SourceLocation(pointer + "/trigger_rule", 0, 0),
                        "unknown trigger_rule '" + rule + "'; all_success assumed"));
            }
        }
        String pool = text(pick(t, defaults, "pool"));
        b.pool = pool == null ? b.pool : pool;
        b.poolSlots = integer(pick(t, defaults, "pool_slots")).orElse(1);
        b.mapped = t.has("expand") || t.has("partial");
        String mode = text(pick(t, defaults, "mode"));
        b.sensorMode = mode == null ? "" : mode;
        b.pokeInterval = duration(pick(t, defaults, "poke_interval"), null);
        b.sensorTimeout = duration(pick(t, defaults, "timeout"), null);
        JsonNode deferrable = pick(t, defaults, "deferrable");
        b.deferrable = deferrable != null && deferrable.asBoolean(false);
        Iterator<Map.Entry<String, JsonNode>> it = t.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!TASK_SETTINGS.contains(e.getKey()) && e.getValue().isValueNode() && !e.getValue().isNull()) {
                b.arguments.put(e.getKey(), e.getValue().asText());
            }
        }
        return b.build();
    }

    private static JsonNode pick(JsonNode task, JsonNode defaults, String key) {
        JsonNode v = task.get(key);
        if (v != null && !v.isNull()) {
            return v;
        }
        v = defaults == null ? null : defaults.get(key);
        return v != null && !v.isNull() ? v : null;
    }

    /** Seconds from a number of seconds, or a timedelta mapping ({@code __type__: datetime.timedelta, minutes: 5}). */
    private static OptionalDouble duration(JsonNode seconds, JsonNode delta) {
        if (seconds != null && seconds.isNumber() && Double.isFinite(seconds.asDouble()) && seconds.asDouble() >= 0) {
            return OptionalDouble.of(seconds.asDouble());
        }
        if (seconds != null && seconds.isTextual()) {
            double s = JsonValues.parseClock(seconds.asText());
            if (Double.isFinite(s) && s >= 0) {
                return OptionalDouble.of(s);
            }
        }
        if (delta != null && delta.isObject()) {
            return ScheduleCalculator.intervalSeconds("timedelta(" + timedeltaArgs(delta) + ")");
        }
        if (delta != null && delta.isNumber() && Double.isFinite(delta.asDouble()) && delta.asDouble() >= 0) {
            return OptionalDouble.of(delta.asDouble());
        }
        if (delta != null && delta.isTextual()) {
            return ScheduleCalculator.intervalSeconds(delta.asText().contains("(") ? delta.asText() : "timedelta(seconds=" + delta.asText() + ")");
        }
        return OptionalDouble.empty();
    }

    private static String timedeltaArgs(JsonNode delta) {
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = delta.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber()) {
                parts.add(e.getKey() + "=" + e.getValue().asText());
            }
        }
        return String.join(", ", parts);
    }

    private static Schedule schedule(JsonNode config, String file, String pointer, List<Diagnostic> diags) {
        String key = config.has("schedule") ? "schedule" : config.has("schedule_interval") ? "schedule_interval" : null;
        if (key == null) {
            diags.add(Diagnostic.info(DiagnosticCode.DAG_SCHEDULE, file, new SourceLocation(pointer, 0, 0),
                    "no schedule given: Airflow 2 runs it "
                    + "daily, Airflow 3 only when triggered; give runs per month in the workload file"));
            return new Schedule(Schedule.Kind.UNKNOWN, "");
        }
        JsonNode s = config.get(key);
        if (s == null || s.isNull()) {
            return Schedule.none();
        }
        if (s.isValueNode()) {
            Schedule parsed = ScheduleCalculator.parse(s.asText());
            if (parsed.kind() == Schedule.Kind.UNKNOWN) {
                diags.add(Diagnostic.warning(DiagnosticCode.DAG_SCHEDULE, file, new SourceLocation(pointer + "/" + key, 0, 0),
                        "schedule '" + s.asText() + "' not understood; give runs per month in the workload file"));
            }
            return parsed;
        }
        if (s.isArray()) {
            return new Schedule(Schedule.Kind.DATASET, s.toString());
        }
        String type = text(s.get("__type__"));
        if (type != null && type.toLowerCase(Locale.ROOT).contains("timedelta")) {
            return new Schedule(Schedule.Kind.TIMEDELTA, "timedelta(" + timedeltaArgs(s) + ")");
        }
        if (s.has("datasets") || s.has("assets") || s.has("dataset") || s.has("asset")) {
            return new Schedule(Schedule.Kind.DATASET, s.toString());
        }
        return new Schedule(Schedule.Kind.TIMETABLE, type == null ? s.toString() : type);
    }

    private static String text(JsonNode n) {
        return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    private static OptionalInt integer(JsonNode n) {
        if (n != null && n.isNumber() && Double.isFinite(n.asDouble())) {
            return OptionalInt.of((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n.asDouble())));
        }
        if (n != null && n.isTextual()) {
            try {
                return OptionalInt.of(Integer.parseInt(n.asText().trim()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            for (JsonNode e : n) {
                if (e.isValueNode() && !e.isNull()) {
                    out.add(e.asText());
                }
            }
        } else if (n != null && n.isValueNode() && !n.isNull()) {
            out.add(n.asText());
        }
        return out;
    }
}
