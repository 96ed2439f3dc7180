package dev.flowcost.core.dag.python.airflow;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorCatalog;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.dag.TriggerRule;
import dev.flowcost.core.dag.python.airflow.AirflowValues.DatasetRef;
import dev.flowcost.core.dag.python.airflow.DagModel.DagB;
import dev.flowcost.core.dag.python.airflow.DagModel.GroupB;
import dev.flowcost.core.dag.python.airflow.DagModel.RawEdge;
import dev.flowcost.core.dag.python.airflow.DagModel.TaskB;
import dev.flowcost.core.dag.python.eval.Evaluator;
import dev.flowcost.core.dag.python.eval.PyValues.ClassRef;
import dev.flowcost.core.dag.python.eval.PyValues.Duration;
import dev.flowcost.core.dag.python.eval.PyValues.PyDict;
import dev.flowcost.core.dag.python.eval.PyValues.PyList;
import dev.flowcost.core.dag.python.eval.PyValues.Unknown;
import dev.flowcost.core.dag.python.eval.Repr;
import dev.flowcost.core.dag.python.syntax.PySyntax;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns the {@link DagModel} a DAG file built into immutable {@link Dag} records: attaches tasks that joined a DAG
 * through a dependency, expands group dependencies to the group's roots and leaves, merges default_args into
 * tasks, and reports cycles and tasks that belong to no DAG.
 */
public final class DagModelAssembler {

    /** Operator argument that names the AWS resource, per service (first present wins). */
    private static final Map<String, List<String>> RESOURCE_ARGUMENTS = Map.ofEntries(
            Map.entry("glue", List.of("job_name")), Map.entry("glue-crawler", List.of("crawler_name")),
            Map.entry("databrew", List.of("job")), Map.entry("lambda", List.of("function_name")),
            Map.entry("emr", List.of("job_flow_id", "cluster_id", "job_flow_name")),
            Map.entry("emr-serverless", List.of("application_id")), Map.entry("emr-containers", List.of("virtual_cluster_id")),
            Map.entry("ecs", List.of("task_definition")), Map.entry("batch", List.of("job_definition", "job_name")),
            Map.entry("athena", List.of("database")), Map.entry("states", List.of("state_machine_arn")),
            Map.entry("sns", List.of("target_arn")), Map.entry("sqs", List.of("sqs_queue")),
            Map.entry("s3", List.of("bucket_name", "bucket_key", "dest_bucket_name", "dest_bucket_key")),
            Map.entry("redshift-data", List.of("cluster_identifier", "database")),
            Map.entry("sagemaker", List.of("job_name")), Map.entry("dms", List.of("replication_task_arn")),
            Map.entry("appflow", List.of("flow_name")));

    private final String file;
    private final List<Diagnostic> diags;
    private boolean airflow3;
    private final Map<DagB, TaskB> subDagParents = new java.util.IdentityHashMap<>();

    /** An assembler for the DAGs of {@code file}, reporting into {@code diags}. */
    public DagModelAssembler(String file, List<Diagnostic> diags) {
        this.file = file;
        this.diags = diags;
    }

    /** The DAG records of the model, once the whole file has been walked. */
    public List<Dag> assemble(DagModel model) {
        airflow3 = model.airflow3;
        attachOrphans(model);
        findSubDags(model);
        Map<DagB, Set<Edge>> edges = expandEdges(model);
        List<Dag> out = new ArrayList<>();
        Map<String, Integer> seenIds = new HashMap<>();
        for (DagB d : model.dags) {
            Integer prev = seenIds.putIfAbsent(d.dagId, d.line);
            if (prev != null) {
                diags.add(Diagnostic.error(DiagnosticCode.DAG_ID_DUPLICATE, file, SourceLocation.ofLine(d.line),
                        "duplicate dag_id '" + d.dagId
                        + "': defined at line " + prev + " and again at line " + d.line));
            }
            List<Edge> es = new ArrayList<>(edges.getOrDefault(d, Set.of()));
            reportCycle(d, es);
            out.add(toDag(d, es));
        }
        return out;
    }

    /** Each DAG handed to a SubDagOperator as its {@code subdag}, with that operator's task. */
    private void findSubDags(DagModel model) {
        for (DagB d : model.dags) {
            for (TaskB t : d.tasks.values()) {
                String op = t.operator == null ? "" : t.operator.substring(t.operator.lastIndexOf('.') + 1);
                if (op.equals("SubDagOperator") && t.kwargs.get("subdag") instanceof DagB sub && sub != d) {
                    subDagParents.putIfAbsent(sub, t);
                }
            }
        }
    }

    private void attachOrphans(DagModel model) {
        boolean changed = true;
        for (int round = 0; changed && round < 100; round++) {
            changed = false;
            for (RawEdge e : model.edges) {
                DagB du = dagOf(e.upstream());
                DagB dd = dagOf(e.downstream());
                if (du == null && dd != null && e.upstream() instanceof TaskB t) {
                    model.addTask(dd, t);
                    changed = true;
                } else if (dd == null && du != null && e.downstream() instanceof TaskB t) {
                    model.addTask(du, t);
                    changed = true;
                }
            }
        }
        for (TaskB t : model.orphans) {
            if (t.dag == null) {
                diags.add(Diagnostic.warning(DiagnosticCode.DAG_ENTRY_IGNORED, file, SourceLocation.ofLine(t.line), "task '" + t.taskId
                        + "' belongs to no DAG (no 'with DAG', dag= argument or dependency on a DAG's task); left out"));
            }
        }
    }

    private static DagB dagOf(Object node) {
        if (node instanceof TaskB t) {
            return t.dag;
        }
        if (node instanceof GroupB g) {
            return g.dag;
        }
        return null;
    }

    private Map<DagB, Set<Edge>> expandEdges(DagModel model) {
        Map<DagB, Set<Edge>> taskEdges = new HashMap<>();
        List<RawEdge> groupEdges = new ArrayList<>();
        for (RawEdge e : model.edges) {
            DagB du = dagOf(e.upstream());
            DagB dd = dagOf(e.downstream());
            if (du == null || dd == null) {
                continue;
            }
            if (du != dd) {
                diags.add(Diagnostic.error(DiagnosticCode.DAG_DEPENDENCY, file, SourceLocation.ofLine(e.line()),
                        "dependency between DAG '" + du.dagId
                        + "' and DAG '" + dd.dagId + "'; Airflow only allows dependencies inside one DAG"));
                continue;
            }
            if (e.upstream() instanceof TaskB u && e.downstream() instanceof TaskB d) {
                taskEdges.computeIfAbsent(du, k -> new LinkedHashSet<>()).add(new Edge(u.taskId, d.taskId));
            } else {
                groupEdges.add(e);
            }
        }
        Map<DagB, Set<Edge>> all = new HashMap<>();
        for (Map.Entry<DagB, Set<Edge>> e : taskEdges.entrySet()) {
            all.put(e.getKey(), new LinkedHashSet<>(e.getValue()));
        }
        // innermost groups first: the edges inside a group must be known before its roots and leaves are
        groupEdges.sort((a, b) -> Integer.compare(minGroupDepth(b), minGroupDepth(a)));
        // once an edge touching a group is expanded, every edge inside that group is known: cache its ends
        Map<GroupB, List<String>> rootsCache = new java.util.IdentityHashMap<>();
        Map<GroupB, List<String>> leavesCache = new java.util.IdentityHashMap<>();
        for (RawEdge e : groupEdges) {
            DagB dag = dagOf(e.upstream());
            Set<Edge> base = all.getOrDefault(dag, Set.of());
            List<String> ups = e.upstream() instanceof GroupB g
                    ? leavesCache.computeIfAbsent(g, k -> ends(dag, k, base, false))
                    : List.of(((TaskB) e.upstream()).taskId);
            List<String> downs = e.downstream() instanceof GroupB g
                    ? rootsCache.computeIfAbsent(g, k -> ends(dag, k, base, true))
                    : List.of(((TaskB) e.downstream()).taskId);
            Set<Edge> target = all.computeIfAbsent(dag, k -> new LinkedHashSet<>());
            for (String u : ups) {
                for (String d : downs) {
                    target.add(new Edge(u, d));
                }
            }
        }
        Map<DagB, Set<Edge>> ordered = new LinkedHashMap<>();
        for (DagB d : model.dags) {
            ordered.put(d, all.getOrDefault(d, Set.of()));
        }
        return ordered;
    }

    private static int minGroupDepth(RawEdge e) {
        int m = Integer.MAX_VALUE;
        for (Object end : List.of(e.upstream(), e.downstream())) {
            if (end instanceof GroupB g) {
                int d = 0;
                for (GroupB x = g; x != null; x = x.parent) {
                    d++;
                }
                m = Math.min(m, d);
            }
        }
        return m;
    }

    /** A group's roots (no upstream inside the group) or leaves (no downstream inside the group). */
    private static List<String> ends(DagB dag, GroupB g, Set<Edge> edges, boolean roots) {
        Set<String> members = new LinkedHashSet<>();
        for (TaskB t : dag.tasks.values()) {
            if (t.group != null && g.contains(t.group)) {
                members.add(t.taskId);
            }
        }
        Set<String> inner = new HashSet<>();
        for (Edge e : edges) {
            if (members.contains(e.upstream()) && members.contains(e.downstream())) {
                inner.add(roots ? e.downstream() : e.upstream());
            }
        }
        List<String> out = new ArrayList<>();
        for (String m : members) {
            if (!inner.contains(m)) {
                if (!roots && isTeardown(dag, m)) {
                    // Airflow's TaskGroup.get_leaves skips a teardown leaf and offers the work task before it
                    workBeforeTeardown(dag, m, members, edges, out, new HashSet<>());
                } else if (!out.contains(m)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static boolean isTeardown(DagB dag, String id) {
        TaskB t = dag.tasks.get(id);
        return t != null && t.role == DagTask.Role.TEARDOWN;
    }

    private static boolean isSetup(DagB dag, String id) {
        TaskB t = dag.tasks.get(id);
        return t != null && t.role == DagTask.Role.SETUP;
    }

    /**
     * The group members upstream of a teardown leaf that stand for it as leaves: not setups (the teardown's own
     * setup is not work), through earlier teardowns, and only those with no other non-teardown downstream in the group.
     */
    private static void workBeforeTeardown(DagB dag, String teardown, Set<String> members, Set<Edge> edges,
                                           List<String> out, Set<String> seen) {
        if (!seen.add(teardown)) {
            return;
        }
        for (Edge e : edges) {
            String up = e.upstream();
            if (!e.downstream().equals(teardown) || !members.contains(up)) {
                continue;
            }
            if (isTeardown(dag, up)) {
                workBeforeTeardown(dag, up, members, edges, out, seen);
            } else if (!isSetup(dag, up) && !hasWorkDownstream(dag, up, teardown, members, edges) && !out.contains(up)) {
                out.add(up);
            }
        }
    }

    private static boolean hasWorkDownstream(DagB dag, String task, String except, Set<String> members,
                                             Set<Edge> edges) {
        for (Edge e : edges) {
            if (e.upstream().equals(task) && !e.downstream().equals(except) && members.contains(e.downstream())
                    && !isTeardown(dag, e.downstream())) {
                return true;
            }
        }
        return false;
    }

    private void reportCycle(DagB d, List<Edge> edges) {
        Map<String, List<String>> next = new LinkedHashMap<>();
        for (Edge e : edges) {
            next.computeIfAbsent(e.upstream(), k -> new ArrayList<>()).add(e.downstream());
        }
        Map<String, Integer> state = new HashMap<>();
        for (String start : next.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            // iterative DFS with an explicit path so a long chain cannot overflow the stack
            List<String> path = new ArrayList<>();
            List<Integer> cursor = new ArrayList<>();
            path.add(start);
            cursor.add(0);
            state.put(start, 1);
            while (!path.isEmpty()) {
                String node = path.get(path.size() - 1);
                List<String> succ = next.getOrDefault(node, List.of());
                int i = cursor.get(cursor.size() - 1);
                if (i >= succ.size()) {
                    state.put(node, 2);
                    path.remove(path.size() - 1);
                    cursor.remove(cursor.size() - 1);
                    continue;
                }
                cursor.set(cursor.size() - 1, i + 1);
                String s = succ.get(i);
                Integer st = state.get(s);
                if (st == null) {
                    state.put(s, 1);
                    path.add(s);
                    cursor.add(0);
                } else if (st == 1) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(s), path.size()));
                    cycle.add(s);
                    TaskB t = d.tasks.get(s);
                    diags.add(Diagnostic.error(DiagnosticCode.DAG_CYCLE, file,
                            SourceLocation.ofLine(t == null ? d.line : t.line), "cycle in DAG '"
                            + d.dagId + "': " + String.join(" → ", cycle)));
                    return;
                }
            }
        }
    }

    private Dag toDag(DagB d, List<Edge> edges) {
        Map<String, Object> kw = d.kwargs;
        PyDict defaults = kw.get("default_args") instanceof PyDict p ? p : new PyDict();
        Map<String, String> defaultArgs = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : defaults.map().entrySet()) {
            defaultArgs.put(e.getKey() instanceof String k ? k : repr(e.getKey()), repr(e.getValue()));
        }
        List<DagTask> tasks = new ArrayList<>();
        for (TaskB t : d.tasks.values()) {
            tasks.add(toTask(t, defaults));
        }
        boolean catchup = !airflow3;
        if (kw.get("catchup") instanceof Boolean b) {
            catchup = b;
        } else if (defaults.map().get("catchup") instanceof Boolean b) {
            catchup = b;
        } else {
            diags.add(Diagnostic.info(DiagnosticCode.DAG_SCHEDULE, file, SourceLocation.ofLine(d.line),
                    "DAG '" + d.dagId + "': catchup not set; "
                    + (airflow3 ? "assumed False (Airflow 3 default; the file imports airflow.sdk)"
                    : "assumed True (Airflow 2 default catchup_by_default)")));
        }
        List<String> tags = new ArrayList<>();
        if (kw.get("tags") instanceof PyList l) {
            for (Object o : l.items()) {
                if (o instanceof String s) {
                    tags.add(s);
                }
            }
        }
        Optional<String> startDate = Optional.ofNullable(kw.containsKey("start_date") ? kw.get("start_date")
                : defaults.map().get("start_date")).map(v -> v instanceof String s ? s : repr(v));
        return new Dag(d.dagId, file, d.line, schedule(d), startDate, catchup, optInt(kw.get("max_active_runs")),
                optInt(kw.containsKey("max_active_tasks") ? kw.get("max_active_tasks") : kw.get("concurrency")),
                defaultArgs, tags, tasks, edges);
    }

    private Schedule schedule(DagB d) {
        Map<String, Object> kw = d.kwargs;
        TaskB parentTask = subDagParents.get(d);
        if (parentTask != null) {
            // Airflow's scheduler never starts a SubDAG by itself: the SubDagOperator task runs it once per run of
            // the parent DAG, whatever schedule the SubDAG declares
            diags.add(Diagnostic.info(DiagnosticCode.DAG_NOTE, file, SourceLocation.ofLine(d.line),
                    "DAG '" + d.dagId + "' is the SubDAG of task '"
                    + parentTask.taskId + "' in DAG '" + parentTask.dag.dagId + "': it runs once per run of that DAG, "
                    + "never on its own schedule"));
            return Schedule.none();
        }
        if (!kw.containsKey("schedule") && !kw.containsKey("schedule_interval") && !kw.containsKey("timetable")
                && kw.containsKey(Evaluator.UNKNOWN_SPREAD)) {
            diags.add(Diagnostic.warning(DiagnosticCode.DAG_SCHEDULE, file, SourceLocation.ofLine(d.line),
                    "DAG '" + d.dagId + "': schedule may be "
                    + "set by '" + repr(kw.get(Evaluator.UNKNOWN_SPREAD)) + "', which is not known statically"));
            return new Schedule(Schedule.Kind.UNKNOWN, repr(kw.get(Evaluator.UNKNOWN_SPREAD)));
        }
        if (!kw.containsKey("schedule") && !kw.containsKey("schedule_interval") && !kw.containsKey("timetable")) {
            if (airflow3) {
                diags.add(Diagnostic.info(DiagnosticCode.DAG_SCHEDULE, file, SourceLocation.ofLine(d.line), "DAG '" + d.dagId
                        + "': schedule not set; assumed Airflow 3's default None (the file imports airflow.sdk)"));
                return Schedule.none();
            }
            diags.add(Diagnostic.info(DiagnosticCode.DAG_SCHEDULE, file, SourceLocation.ofLine(d.line), "DAG '" + d.dagId
                    + "': schedule not set; assumed Airflow 2's default timedelta(days=1)"));
            return new Schedule(Schedule.Kind.TIMEDELTA, "timedelta(days=1)");
        }
        Object v = kw.containsKey("timetable") ? kw.get("timetable")
                : kw.containsKey("schedule") ? kw.get("schedule") : kw.get("schedule_interval");
        Schedule timed = timetable(v, d);
        if (timed != null) {
            return timed;
        }
        if (kw.containsKey("timetable")) {
            return new Schedule(Schedule.Kind.TIMETABLE, callName(v));
        }
        if (v instanceof PySyntax.NoneValue) {
            return Schedule.none();
        }
        if (v instanceof String s) {
            return new Schedule(s.startsWith("@") ? Schedule.Kind.PRESET : Schedule.Kind.CRON, s);
        }
        if (v instanceof Duration du) {
            return new Schedule(Schedule.Kind.TIMEDELTA, du.text());
        }
        if (v instanceof DatasetRef ds) {
            return new Schedule(Schedule.Kind.DATASET, ds.text());
        }
        if (v instanceof PyList l && l.items().stream().anyMatch(x -> x instanceof DatasetRef)) {
            return new Schedule(Schedule.Kind.DATASET, repr(v));
        }
        if (v instanceof Unknown u && callName(u).endsWith("Timetable")) {
            return new Schedule(Schedule.Kind.TIMETABLE, callName(u));
        }
        diags.add(Diagnostic.warning(DiagnosticCode.DAG_SCHEDULE, file, SourceLocation.ofLine(d.line),
                "DAG '" + d.dagId + "': schedule '" + repr(v)
                + "' is not known statically"));
        return new Schedule(Schedule.Kind.UNKNOWN, repr(v));
    }

    private static final java.util.regex.Pattern CRON_TIMETABLE = java.util.regex.Pattern.compile(
            "^(?:[\\w.]*\\.)?(?:CronTriggerTimetable|CronDataIntervalTimetable|CronPartitionTimetable)\\(\\s*"
                    + "(?:cron\\s*=\\s*)?\"([^\"]*)\"");
    private static final java.util.regex.Pattern DELTA_TIMETABLE = java.util.regex.Pattern.compile(
            "^(?:[\\w.]*\\.)?(?:DeltaTriggerTimetable|DeltaDataIntervalTimetable)\\(\\s*(?:delta\\s*=\\s*)?"
                    + "((?:datetime\\.)?timedelta\\([^()]*\\)|duration\\([^()]*\\))");
    private static final java.util.regex.Pattern ASSET_OR_TIME = java.util.regex.Pattern.compile(
            "^(?:[\\w.]*\\.)?(?:AssetOrTimeSchedule|DatasetOrTimeSchedule)\\(.*?timetable\\s*=\\s*(.*)$");

    /**
     * The built-in timetables whose rate is written in them: {@code CronTriggerTimetable("0 3 * * *", ...)} runs
     * like its cron, {@code DeltaTriggerTimetable(timedelta(hours=2))} like its delta; an asset-or-time schedule is
     * read as its time part (asset events add runs the file cannot show). Null for anything else.
     */
    private Schedule timetable(Object v, DagB d) {
        if (!(v instanceof Unknown u)) {
            return null;
        }
        String text = u.text();
        java.util.regex.Matcher either = ASSET_OR_TIME.matcher(text);
        boolean assetsToo = either.find();
        if (assetsToo) {
            text = either.group(1);
        }
        Schedule s = null;
        java.util.regex.Matcher cron = CRON_TIMETABLE.matcher(text);
        java.util.regex.Matcher delta = DELTA_TIMETABLE.matcher(text);
        if (cron.find()) {
            String expr = cron.group(1).trim();
            s = new Schedule(expr.startsWith("@") ? Schedule.Kind.PRESET : Schedule.Kind.CRON, expr);
        } else if (delta.find()) {
            s = new Schedule(Schedule.Kind.TIMEDELTA, delta.group(1));
        }
        if (s != null && assetsToo) {
            diags.add(Diagnostic.info(DiagnosticCode.DAG_SCHEDULE, file, SourceLocation.ofLine(d.line),
                    "DAG '" + d.dagId + "': asset-or-time "
                    + "schedule read as its time part '" + s.expression() + "'; asset events may add runs"));
        }
        return s;
    }

    private static String callName(Object v) {
        String text = v instanceof Unknown u ? u.text() : v instanceof ClassRef c ? c.name() : repr(v);
        int paren = text.indexOf('(');
        String head = paren >= 0 ? text.substring(0, paren) : text;
        int dot = head.lastIndexOf('.');
        return dot >= 0 ? head.substring(dot + 1) : head;
    }

    private DagTask toTask(TaskB t, PyDict dagDefaults) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : dagDefaults.map().entrySet()) {
            if (e.getKey() instanceof String k) {
                s.put(k, e.getValue());
            }
        }
        List<GroupB> chain = new ArrayList<>();
        for (GroupB g = t.group; g != null; g = g.parent) {
            chain.add(0, g);
        }
        for (GroupB g : chain) {
            if (g.defaultArgs instanceof PyDict gd) {
                for (Map.Entry<Object, Object> e : gd.map().entrySet()) {
                    if (e.getKey() instanceof String k) {
                        s.put(k, e.getValue());
                    }
                }
            }
        }
        s.putAll(t.kwargs);
        String base = s.get("\0base") instanceof String b ? b : "";
        OperatorFamily family = OperatorCatalog.classify(t.operator);
        if (family == OperatorFamily.UNKNOWN && !base.isEmpty()) {
            family = OperatorCatalog.classify(base);
        }
        if (family == OperatorFamily.UNKNOWN && t.module != null && !t.module.isEmpty() && !t.operator.startsWith("@")) {
            // the provider package it was imported from says what sort of system it drives
            family = OperatorCatalog.classify(t.module + "." + t.operator);
        }
        if (family == OperatorFamily.UNKNOWN) {
            diags.add(Diagnostic.info(DiagnosticCode.DAG_OPERATOR_UNKNOWN, file, SourceLocation.ofLine(t.line),
                    "operator '" + t.operator + "' of task '"
                    + t.taskId + "' is not known to flowcost; kept as UNKNOWN"));
        }
        TriggerRule rule = TriggerRule.ALL_SUCCESS;
        Object tr = s.get("trigger_rule");
        if (t.role == DagTask.Role.TEARDOWN) {
            // Airflow forces a teardown's rule (as_teardown() and @teardown both set it): it runs once its
            // upstream is done, whatever the outcome, as long as a setup succeeded
            rule = TriggerRule.ALL_DONE_SETUP_SUCCESS;
        } else if (tr != null) {
            String text = tr instanceof ClassRef c ? c.module() + "." + c.name() : repr(tr);
            Optional<TriggerRule> parsed = TriggerRule.parse(text);
            if (parsed.isPresent()) {
                rule = parsed.get();
            } else {
                diags.add(Diagnostic.warning(DiagnosticCode.DAG_TRIGGER_RULE, file, SourceLocation.ofLine(t.line), "task '" + t.taskId
                        + "': trigger_rule '" + text + "' not understood; assumed all_success"));
            }
        }
        Optional<SensorSettings> sensor = Optional.empty();
        String shortOp = t.operator.substring(t.operator.lastIndexOf('.') + 1);
        boolean crossDagSensor = family == OperatorFamily.CROSS_DAG
                && (shortOp.endsWith("Sensor") || shortOp.endsWith("SensorAsync"));
        if (family == OperatorFamily.SENSOR || crossDagSensor) {
            // an ExternalTaskSensor waits like any sensor: its mode and intervals decide the slot it holds
            SensorSettings.Mode mode = "reschedule".equals(s.get("mode")) ? SensorSettings.Mode.RESCHEDULE
                    : SensorSettings.Mode.POKE;
            sensor = Optional.of(new SensorSettings(mode, seconds(s.get("poke_interval")), seconds(s.get("timeout")),
                    Boolean.TRUE.equals(s.get("deferrable")) || shortOp.endsWith("SensorAsync")));
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : t.kwargs.entrySet()) {
            String k = e.getKey();
            if (k.equals("task_id") || k.equals("dag") || k.startsWith("\0")) {
                continue;
            }
            Object v = e.getValue();
            if (v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Duration) {
                arguments.put(k, v instanceof String str ? str : repr(v));
            } else if (k.equals("outlets") && v != null) {
                arguments.put(k, repr(v)); // the datasets a task updates: links a DAG to those scheduled on them
            }
        }
        Optional<String> aws = OperatorCatalog.awsService(t.operator);
        Optional<String> resource = Optional.empty();
        if (aws.isPresent()) {
            for (String key : RESOURCE_ARGUMENTS.getOrDefault(aws.get(), List.of())) {
                if (arguments.containsKey(key)) {
                    resource = Optional.of(aws.get() + ":" + arguments.get(key));
                    break;
                }
            }
        }
        int retries = s.get("retries") instanceof Long l ? (int) Math.max(0, Math.min(Integer.MAX_VALUE, l)) : 0;
        String pool = s.get("pool") instanceof String p ? p : DagTask.DEFAULT_POOL;
        int poolSlots = s.get("pool_slots") instanceof Long l ? (int) Math.max(1, Math.min(Integer.MAX_VALUE, l)) : 1;
        return new DagTask(t.taskId, t.operator, t.module, family, t.line, retries, seconds(s.get("retry_delay")),
                Boolean.TRUE.equals(s.get("retry_exponential_backoff")), seconds(s.get("max_retry_delay")),
                seconds(s.get("execution_timeout")), rule, pool, poolSlots, sensor, t.mapped,
                Optional.ofNullable(t.group == null ? null : t.group.groupId()), t.role, arguments, resource);
    }

    private static OptionalDouble seconds(Object v) {
        if (v instanceof Duration d) {
            return OptionalDouble.of(d.seconds());
        }
        if (v instanceof Number n && !(v instanceof Boolean)) {
            return OptionalDouble.of(n.doubleValue());
        }
        return OptionalDouble.empty();
    }

    private static OptionalInt optInt(Object v) {
        return v instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE ? OptionalInt.of(l.intValue()) : OptionalInt.empty();
    }

    private static String repr(Object v) {
        return Repr.of(v);
    }
}
