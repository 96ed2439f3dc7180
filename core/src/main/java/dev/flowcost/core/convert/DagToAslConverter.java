package dev.flowcost.core.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.asl.Catcher;
import dev.flowcost.core.asl.ChoiceRule;
import dev.flowcost.core.asl.ChoiceState;
import dev.flowcost.core.asl.Flow;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.ParallelState;
import dev.flowcost.core.asl.PassState;
import dev.flowcost.core.asl.QueryLanguage;
import dev.flowcost.core.asl.Retrier;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.SucceedState;
import dev.flowcost.core.asl.TaskResource;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.asl.WaitState;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.TriggerRule;
import dev.flowcost.core.workload.ItemCount;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Converts an Airflow DAG into a draft Step Functions state machine, so a user weighing a migration can price the
 * result and start from a definition instead of a blank page. Operators become service integrations where one
 * exists; the graph becomes chains and Parallel states (laid out by level where it is not series-parallel);
 * mapped tasks become Map states; branch operators become Choice states. Whatever does not carry over faithfully
 * is named in the state's Comment and in the result's notes.
 */
public final class DagToAslConverter {

    /** Mapped tasks with more items than this become Distributed Maps of Express children (an inline Map's iterations all count against the parent's 25,000-event history). */
    public static final double DISTRIBUTED_MAP_ITEMS = 1000;
    /** MaxConcurrency of an inline Map (Airflow's default max_active_tis_per_dag is unlimited; 40 is Step Functions' effective inline concurrency). */
    public static final int INLINE_MAP_CONCURRENCY = 40;
    /** Longest state name ASL allows. */
    public static final int MAX_NAME = 80;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<TriggerRule> RUN_ON_FAILURE = EnumSet.of(TriggerRule.ALL_DONE, TriggerRule.ALWAYS,
            TriggerRule.ALL_DONE_SETUP_SUCCESS, TriggerRule.ALL_DONE_MIN_ONE_SUCCESS);
    private static final Set<TriggerRule> LIKE_SUCCESS = EnumSet.of(TriggerRule.ALL_SUCCESS, TriggerRule.NONE_FAILED,
            TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS, TriggerRule.NONE_SKIPPED);

    private final Dag dag;
    private final WorkflowWorkload workload;
    private final Map<String, DagTask> tasks = new LinkedHashMap<>();
    private final Map<String, Set<String>> upstream = new HashMap<>();
    private final Map<String, Set<String>> downstream = new HashMap<>();
    private final Map<String, List<ConversionNote>> notesByTask = new LinkedHashMap<>();
    private final List<ConversionNote> dagNotes = new ArrayList<>();
    private final Map<String, JsonNode> extraFields = new LinkedHashMap<>();
    private final Set<String> usedNames = new HashSet<>();
    private final Map<String, String> stateNameByTask = new HashMap<>();
    private final Map<Block, String> entryNames = new IdentityHashMap<>();
    private final Set<String> triggerRuleHandled = new HashSet<>();

    private DagToAslConverter(Dag dag, WorkflowWorkload workload) {
        this.dag = dag;
        this.workload = workload == null ? WorkflowWorkload.defaults() : workload;
    }

    public static ConversionResult convert(Dag dag, WorkflowWorkload workload) {
        return new DagToAslConverter(dag, workload).run();
    }

    private ConversionResult run() {
        List<String> order = graph();
        DagLayout layout = new DagLayout(order, edgeList());
        Block root = order.isEmpty() ? null : withBranches(layout.layout());
        for (Set<String> part : layout.layered()) {
            dagNotes.add(new ConversionNote("", "tasks " + part + " do not form a series-parallel graph; they are laid out"
                    + " by level, so some wait for tasks they do not depend on", true));
        }
        for (Set<String> part : layout.tooDeep()) {
            dagNotes.add(new ConversionNote("", "tasks " + part + " nest fan-outs more than " + DagLayout.MAX_NESTING
                    + " deep; they are laid out by level, so some wait for tasks they do not depend on", true));
        }
        for (String id : order) {
            stateNameByTask.put(id, reserve(id));
        }
        Scope top = new Scope("", "", new LinkedHashMap<>());
        String startAt;
        if (root == null) {
            startAt = reserve("NoTasks");
            top.states.put(startAt, new PassState(startAt, top.loc(startAt), Optional.of("the DAG has no tasks"),
                    Optional.empty(), Flow.ending()));
        } else {
            startAt = emit(root, Optional.empty(), List.of(), top);
        }
        for (String id : order) {
            checkTriggerRule(tasks.get(id));
        }
        List<ConversionNote> notes = new ArrayList<>(dagNotes);
        notesByTask.values().forEach(notes::addAll);
        StateMachine machine = new StateMachine(startAt, top.states,
                Optional.of("Draft converted by flowcost from Airflow DAG " + dag.dagId() + "; review every state Comment"),
                OptionalInt.empty(), Optional.empty(), QueryLanguage.JSONPATH, "");
        return new ConversionResult(withComments(machine), extraFields, notes);
    }

    // ---------------------------------------------------------------- graph

    /** Tasks in a topological order (definition order where free); drops joins that are pure EmptyOperators. */
    private List<String> graph() {
        for (DagTask t : dag.tasks()) {
            if (!tasks.containsKey(t.taskId())) {
                tasks.put(t.taskId(), t);
                upstream.put(t.taskId(), new LinkedHashSet<>());
                downstream.put(t.taskId(), new LinkedHashSet<>());
            }
        }
        for (Edge e : dag.edges()) {
            if (tasks.containsKey(e.upstream()) && tasks.containsKey(e.downstream()) && !e.upstream().equals(e.downstream())) {
                upstream.get(e.downstream()).add(e.upstream());
                downstream.get(e.upstream()).add(e.downstream());
            }
        }
        for (DagTask t : List.copyOf(tasks.values())) {
            if (t.family() == OperatorFamily.EMPTY && upstream.get(t.taskId()).size() >= 2 && !t.mapped()
                    && t.triggerRule() != TriggerRule.ALL_DONE && t.triggerRule() != TriggerRule.ALWAYS) {
                drop(t.taskId());
                dagNotes.add(new ConversionNote(t.taskId(), t.operator() + " " + t.taskId()
                        + " only joins its upstreams; the layout waits for them, so it has no state", true));
            }
        }
        // definition order where free: the ready task defined first goes next (a heap, not a scan per task)
        List<String> ids = new ArrayList<>(tasks.keySet());
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        List<String> order = new ArrayList<>();
        Map<String, Integer> pending = new HashMap<>();
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
        java.util.TreeSet<Integer> open = new java.util.TreeSet<>();
        for (int i = 0; i < ids.size(); i++) {
            pending.put(ids.get(i), upstream.get(ids.get(i)).size());
            open.add(i);
            if (pending.get(ids.get(i)) == 0) {
                ready.add(i);
            }
        }
        Set<String> done = new HashSet<>();
        while (order.size() < tasks.size()) {
            String next = null;
            while (!ready.isEmpty() && next == null) {
                String id = ids.get(ready.poll());
                next = done.contains(id) ? null : id;
            }
            if (next == null) {
                next = ids.get(open.first());
                for (String u : List.copyOf(upstream.get(next))) {
                    if (!done.contains(u)) {
                        upstream.get(next).remove(u);
                        downstream.get(u).remove(next);
                        dagNotes.add(new ConversionNote(next, "edge " + u + " >> " + next
                                + " closes a cycle and was left out", false));
                    }
                }
            }
            done.add(next);
            open.remove(position.get(next));
            order.add(next);
            for (String d : downstream.get(next)) {
                if (pending.merge(d, -1, Integer::sum) == 0 && !done.contains(d)) {
                    ready.add(position.get(d));
                }
            }
        }
        return order;
    }

    private void drop(String id) {
        for (String u : upstream.get(id)) {
            downstream.get(u).remove(id);
            downstream.get(u).addAll(downstream.get(id));
        }
        for (String d : downstream.get(id)) {
            upstream.get(d).remove(id);
            upstream.get(d).addAll(upstream.get(id));
        }
        tasks.remove(id);
        upstream.remove(id);
        downstream.remove(id);
    }

    private List<Map.Entry<String, String>> edgeList() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        downstream.forEach((u, ds) -> ds.forEach(d -> out.add(new AbstractMap.SimpleEntry<>(u, d))));
        return out;
    }

    /**
     * Turns "branch task, then the stage of its downstream options" into a Branch block. A downstream that is the
     * stage after the options (the options' join) becomes a rule that skips them. A short-circuit takes the rest of
     * the sequence as its one option.
     */
    private Block withBranches(Block b) {
        if (b instanceof Block.Fork f) {
            return new Block.Fork(f.branches().stream().map(this::withBranches).collect(Collectors.toList()));
        }
        if (!(b instanceof Block.Sequence s)) {
            return b;
        }
        List<Block> stages = new ArrayList<>();
        List<Block> in = s.stages();
        for (int i = 0; i < in.size(); i++) {
            Block stage = in.get(i);
            Optional<Block.Task> branch = stage instanceof Block.Task t && tasks.get(t.taskId()).family() == OperatorFamily.BRANCH
                    && i + 1 < in.size() ? Optional.of(t) : Optional.empty();
            if (branch.isEmpty()) {
                stages.add(withBranches(stage));
                continue;
            }
            String id = branch.get().taskId();
            Set<String> down = downstream.get(id);
            if (tasks.get(id).operator().contains("ShortCircuit")) {
                // true continues into the rest of this sequence, which follows as its next stages (not nested
                // inside the Branch, so a chain of short-circuits costs no depth)
                stages.add(new Block.Branch(id, List.of(), List.of(), true));
                continue;
            }
            Block options = withBranches(in.get(i + 1));
            List<String> skip = new ArrayList<>(down);
            skip.removeAll(in.get(i + 1).taskIds());
            boolean skipsToJoin = skip.size() == 1 && i + 2 < in.size() && in.get(i + 2) instanceof Block.Task j
                    && j.taskId().equals(skip.get(0));
            if (skip.isEmpty() || skipsToJoin) {
                stages.add(new Block.Branch(id, options instanceof Block.Fork f ? f.branches() : List.of(options), skip, false));
                i++;
            } else {
                note(id, "the branch's downstream tasks " + down + " do not follow it as separate options; every one of"
                        + " them runs (rewrite as a Choice by hand)", false);
                stages.add(stage);
            }
        }
        return stages.size() == 1 ? stages.get(0) : new Block.Sequence(stages);
    }

    // ---------------------------------------------------------------- emission

    /** The states of one machine or inner machine, and where they sit. */
    private record Scope(String pointer, String path, LinkedHashMap<String, State> states) {
        SourceLocation loc(String name) {
            return new SourceLocation(pointer + "/States/" + SourceLocation.escapeToken(name), 0, 0);
        }

        String pathOf(String name) {
            return path.isEmpty() ? name : path + "/" + name;
        }
    }

    private static Flow flow(Optional<String> next) {
        return next.map(Flow::to).orElse(Flow.ending());
    }

    /** Name of the first state a block runs. */
    private String entry(Block b) {
        String name = entryNames.get(b);
        if (name != null) {
            return name;
        }
        if (b instanceof Block.Task t) {
            name = stateNameByTask.get(t.taskId());
        } else if (b instanceof Block.Branch br) {
            name = stateNameByTask.get(br.branchTaskId());
        } else if (b instanceof Block.Sequence s) {
            name = entry(s.stages().get(0));
        } else {
            Block.Fork f = (Block.Fork) b;
            name = reserve("Parallel_" + f.branches().stream().map(this::entry).collect(Collectors.joining("_")));
        }
        entryNames.put(b, name);
        return name;
    }

    /** Writes the block's states into the scope, ending at {@code next} (or End); returns its entry state. */
    private String emit(Block b, Optional<String> next, List<Catcher> catchers, Scope scope) {
        if (b instanceof Block.Task t) {
            emitTask(tasks.get(t.taskId()), next, catchers, scope);
        } else if (b instanceof Block.Sequence s) {
            List<Block> stages = s.stages();
            for (int i = 0; i < stages.size(); i++) {
                Optional<String> after = i + 1 < stages.size() ? Optional.of(entry(stages.get(i + 1))) : next;
                List<Catcher> stageCatchers = i + 1 < stages.size() ? catchFor(stages.get(i), stages.get(i + 1)) : List.of();
                emit(stages.get(i), after, i + 1 < stages.size() ? stageCatchers : catchers, scope);
            }
        } else if (b instanceof Block.Fork f) {
            String name = entry(f);
            List<StateMachine> branches = new ArrayList<>();
            for (int i = 0; i < f.branches().size(); i++) {
                Block branch = f.branches().get(i);
                Scope inner = new Scope(scope.loc(name).pointer() + "/Branches/" + i, scope.pathOf(name), new LinkedHashMap<>());
                String start = emit(branch, Optional.empty(), List.of(), inner);
                branches.add(new StateMachine(start, inner.states, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                        QueryLanguage.JSONPATH, inner.pointer));
            }
            scope.states.put(name, new ParallelState(name, scope.loc(name), Optional.empty(), Optional.empty(), flow(next),
                    branches, List.of(), catchers));
        } else {
            emitBranch((Block.Branch) b, next, catchers, scope);
        }
        return entry(b);
    }

    /** A Catch States.ALL on {@code stage} to {@code following} when that task runs even if its upstreams fail. */
    private List<Catcher> catchFor(Block stage, Block following) {
        if (!(following instanceof Block.Task t) || stage instanceof Block.Branch) {
            return List.of();
        }
        DagTask task = tasks.get(t.taskId());
        if (!RUN_ON_FAILURE.contains(task.triggerRule()) || upstream.get(t.taskId()).isEmpty()
                || !stage.taskIds().containsAll(upstream.get(t.taskId()))) {
            return List.of();
        }
        triggerRuleHandled.add(t.taskId());
        boolean single = stage instanceof Block.Task;
        note(t.taskId(), "trigger rule " + task.triggerRule().airflowName() + ": a Catch States.ALL on the upstream state"
                + " leads here" + (single ? "" : "; a failing branch stops the other branches of the Parallel,"
                + " which Airflow would let finish"), single);
        return List.of(new Catcher(List.of("States.ALL"), entry(following), Optional.of("$.error"), SourceLocation.UNKNOWN));
    }

    private void checkTriggerRule(DagTask t) {
        TriggerRule r = t.triggerRule();
        if (triggerRuleHandled.contains(t.taskId()) || r == TriggerRule.ALL_SUCCESS
                || upstream.get(t.taskId()).isEmpty()) {
            return;
        }
        if (LIKE_SUCCESS.contains(r)) {
            note(t.taskId(), "trigger rule " + r.airflowName() + " runs as all_success: Step Functions skips nothing"
                    + " except by Choice", true);
        } else {
            note(t.taskId(), "trigger rule " + r.airflowName() + " cannot be expressed here; the task runs only when"
                    + " its upstreams succeed", false);
        }
    }

    private void emitTask(DagTask t, Optional<String> next, List<Catcher> catchers, Scope scope) {
        OperatorMapping.Plan plan = OperatorMapping.plan(t, workload);
        plan.notes().forEach(n -> note(n.taskId(), n.message(), n.faithful()));
        String name = stateNameByTask.get(t.taskId());
        if (!t.mapped()) {
            emitPlan(t, plan, name, next, catchers, scope);
            return;
        }
        double items = workload.task(t.taskId()).flatMap(StepWorkload::items).map(ItemCount::mean).orElse(0.0);
        boolean distributed = items > DISTRIBUTED_MAP_ITEMS;
        Scope inner = new Scope(scope.loc(name).pointer() + "/ItemProcessor", scope.pathOf(name), new LinkedHashMap<>());
        String innerName = reserve(name + ".item");
        emitPlan(t, plan, innerName, Optional.empty(), List.of(), inner);
        StateMachine processor = new StateMachine(innerName, inner.states, Optional.empty(), OptionalInt.empty(),
                Optional.empty(), QueryLanguage.JSONPATH, inner.pointer);
        note(t.taskId(), "mapped task: " + (distributed ? "a Distributed Map of Express children (more than "
                + (long) DISTRIBUTED_MAP_ITEMS + " items per run)" : "an inline Map (MaxConcurrency "
                + INLINE_MAP_CONCURRENCY + ")") + " over $.items; put the expand() input there", true);
        scope.states.put(name, new MapState(name, scope.loc(name), Optional.empty(), Optional.empty(), flow(next), processor,
                distributed ? MapState.Mode.DISTRIBUTED : MapState.Mode.INLINE, MapState.ExecutionType.EXPRESS,
                Optional.empty(), Optional.empty(), Optional.of("$.items"), Optional.empty(),
                OptionalInt.of(distributed ? 1000 : INLINE_MAP_CONCURRENCY), OptionalDouble.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), List.of(), catchers));
    }

    /** The states of one task under {@code name}: a Task, a Pass, or a poll loop. */
    private void emitPlan(DagTask t, OperatorMapping.Plan plan, String name, Optional<String> next, List<Catcher> catchers,
                          Scope scope) {
        switch (plan.kind()) {
            case PASS:
                scope.states.put(name, new PassState(name, scope.loc(name), Optional.empty(), Optional.empty(), flow(next)));
                break;
            case TASK:
                scope.states.put(name, task(t, scope, name, plan.resource(), plan.extra(), next, retry(t), catchers));
                break;
            case S3_SENSOR_LOOP: {
                String wait = reserve(name + ".Wait");
                List<Catcher> all = new ArrayList<>();
                all.add(new Catcher(List.of("S3.NoSuchKey", "S3.NoSuchKeyException"), wait, Optional.of("$.sensor"),
                        SourceLocation.UNKNOWN));
                all.addAll(catchers);
                scope.states.put(name, task(t, scope, name, plan.resource(), plan.extra(), next, List.of(), all));
                scope.states.put(wait, waitState(scope, wait, plan.pollSeconds(), name));
                break;
            }
            case CRAWLER_LOOP: {
                String wait = reserve(name + ".Wait");
                String check = reserve(name + ".Check");
                String ready = reserve(name + ".Ready");
                String after = next.orElseGet(() -> reserve(name + ".Done"));
                scope.states.put(name, task(t, scope, name, plan.resource(), plan.extra(), Optional.of(wait), retry(t), catchers));
                scope.states.put(wait, waitState(scope, wait, plan.pollSeconds(), check));
                ObjectNode get = F.objectNode();
                get.putObject("Parameters").put("Name", plan.extra().get("Parameters").get("Name").asText());
                scope.states.put(check, task(null, scope, check, "arn:aws:states:::aws-sdk:glue:getCrawler", get,
                        Optional.of(ready), List.of(), catchers));
                ObjectNode cond = F.objectNode();
                cond.put("Variable", "$.Crawler.State");
                cond.put("StringEquals", "READY");
                scope.states.put(ready, new ChoiceState(ready, scope.loc(ready), Optional.empty(), Optional.empty(),
                        List.of(new ChoiceRule(0, after, cond, SourceLocation.UNKNOWN)), Optional.of(wait)));
                if (next.isEmpty()) {
                    String done = after;
                    scope.states.put(done, new SucceedState(done, scope.loc(done), Optional.empty(), Optional.empty()));
                }
                break;
            }
            default:
                throw new IllegalStateException("unhandled plan kind " + plan.kind());
        }
    }

    private void emitBranch(Block.Branch b, Optional<String> next, List<Catcher> catchers, Scope scope) {
        DagTask t = tasks.get(b.branchTaskId());
        String name = stateNameByTask.get(t.taskId());
        String choice = reserve(name + ".Choice");
        OperatorMapping.Plan plan = OperatorMapping.plan(t, workload);
        plan.notes().forEach(n -> note(n.taskId(), n.message(), n.faithful()));
        scope.states.put(name, task(t, scope, name, plan.resource(), plan.extra(), Optional.of(choice), retry(t), catchers));
        scope.states.put(choice, null);
        List<ChoiceRule> rules = new ArrayList<>();
        String defaultNext;
        String skipped = null;
        if (b.shortCircuit()) {
            ObjectNode c = F.objectNode();
            c.put("Variable", "$.branch.choice");
            c.put("BooleanEquals", true);
            rules.add(new ChoiceRule(0, next.orElseThrow(), c, SourceLocation.UNKNOWN));
            skipped = reserve(name + ".Skipped");
            defaultNext = skipped;
            if (!scope.path().isEmpty()) {
                note(t.taskId(), "a false short-circuit ends only this branch of the Parallel; Airflow would also skip"
                        + " the tasks after it", false);
            }
        } else {
            for (Block option : b.options()) {
                List<String> chosen = option.taskIds().stream().filter(downstream.get(t.taskId())::contains)
                        .collect(Collectors.toList());
                rules.add(new ChoiceRule(rules.size(), entry(option), condition(chosen), SourceLocation.UNKNOWN));
            }
            if (!b.skipChoices().isEmpty()) {
                rules.add(new ChoiceRule(rules.size(), next.orElseThrow(), condition(b.skipChoices()), SourceLocation.UNKNOWN));
            }
            defaultNext = entry(b.options().get(0));
        }
        scope.states.put(choice, new ChoiceState(choice, scope.loc(choice), Optional.empty(), Optional.empty(), rules,
                Optional.of(defaultNext)));
        for (Block option : b.options()) {
            emit(option, next, List.of(), scope);
        }
        if (skipped != null) {
            scope.states.put(skipped, new SucceedState(skipped, scope.loc(skipped),
                    Optional.of("the short-circuit condition was false: Airflow skips every downstream task"),
                    Optional.empty()));
        }
    }

    /** Matches the task_id(s) the branch callable returned in $.branch.choice. */
    private static JsonNode condition(List<String> chosen) {
        if (chosen.size() == 1) {
            ObjectNode c = F.objectNode();
            c.put("Variable", "$.branch.choice");
            c.put("StringEquals", chosen.get(0));
            return c;
        }
        ObjectNode or = F.objectNode();
        var list = or.putArray("Or");
        for (String id : chosen) {
            ObjectNode c = list.addObject();
            c.put("Variable", "$.branch.choice");
            c.put("StringEquals", id);
        }
        return or;
    }

    private TaskState task(DagTask t, Scope scope, String name, String resource, ObjectNode extra, Optional<String> next,
                           List<Retrier> retry, List<Catcher> catchers) {
        if (extra != null && extra.size() > 0) {
            extraFields.put(scope.pathOf(name), extra);
        }
        OptionalInt timeout = t == null || t.executionTimeoutSeconds().isEmpty() ? OptionalInt.empty()
                : OptionalInt.of((int) Math.max(1, Math.ceil(t.executionTimeoutSeconds().getAsDouble())));
        return new TaskState(name, scope.loc(name), Optional.empty(), Optional.empty(), flow(next),
                TaskResource.parse(resource), timeout, OptionalInt.empty(), retry, catchers);
    }

    private static WaitState waitState(Scope scope, String name, double seconds, String next) {
        return new WaitState(name, scope.loc(name), Optional.empty(), Optional.empty(), Flow.to(next),
                OptionalDouble.of(Math.max(1, Math.ceil(seconds))), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Airflow retries as one Retry on States.ALL: retry_delay (default 300 s), doubling with exponential backoff. */
    private static List<Retrier> retry(DagTask t) {
        if (t.retries() <= 0) {
            return List.of();
        }
        double interval = Math.max(1, Math.ceil(t.retryDelaySeconds().orElse(300)));
        OptionalDouble max = t.maxRetryDelaySeconds().isPresent()
                ? OptionalDouble.of(Math.max(1, Math.ceil(t.maxRetryDelaySeconds().getAsDouble()))) : OptionalDouble.empty();
        return List.of(new Retrier(List.of("States.ALL"), interval, t.retries(), t.retryExponentialBackoff() ? 2.0 : 1.0,
                max, Retrier.JitterStrategy.NONE, SourceLocation.UNKNOWN));
    }

    // ---------------------------------------------------------------- names and notes

    /** A unique state name of at most 80 characters, close to {@code wanted}. */
    private String reserve(String wanted) {
        String base = wanted.isEmpty() ? "state" : wanted;
        String name = base.length() > MAX_NAME ? base.substring(0, MAX_NAME) : base;
        for (int i = 2; usedNames.contains(name); i++) {
            String suffix = "-" + i;
            name = (base.length() + suffix.length() > MAX_NAME ? base.substring(0, MAX_NAME - suffix.length()) : base) + suffix;
        }
        usedNames.add(name);
        return name;
    }

    private void note(String taskId, String message, boolean faithful) {
        notesByTask.computeIfAbsent(taskId, k -> new ArrayList<>()).add(new ConversionNote(taskId, message, faithful));
    }

    /** Puts each task's notes into the Comment of its state (the Map, for mapped tasks). */
    private StateMachine withComments(StateMachine m) {
        Map<String, String> commentByState = new HashMap<>();
        notesByTask.forEach((id, ns) -> {
            String name = stateNameByTask.get(id);
            if (name != null) {
                commentByState.put(name, ns.stream().map(ConversionNote::message).collect(Collectors.joining("; ")));
            }
        });
        return StateComments.apply(m, commentByState);
    }
}
