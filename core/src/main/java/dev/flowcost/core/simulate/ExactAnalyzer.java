package dev.flowcost.core.simulate;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.asl.ChoiceRule;
import dev.flowcost.core.asl.ChoiceState;
import dev.flowcost.core.asl.FailState;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.ParallelState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.asl.WaitState;
import dev.flowcost.core.asl.Catcher;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.usage.Resolved;
import dev.flowcost.core.usage.WorkflowUsage;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expected counts of one execution by absorbing-Markov-chain analysis, so costs can be computed without sampling
 * and in time independent of item counts (a Map over 10,000,000 items costs as much to analyze as one over 10).
 *
 * <p>Each scope (the top machine, a Map's ItemProcessor, a Parallel branch) is one chain: its states are the
 * transient nodes, success and failure-by-error the absorbing ones. Expected visits N solve (I − Qᵀ) N = e_start,
 * sparsely and loop by loop ({@link LinearSolver}), so memory grows with states plus transitions, never their square. A state's retries are folded into the state by {@link RetryModel}; a Map's or Parallel's
 * inner machines are analyzed once and scaled by the item count.
 *
 * <p>Workload keys are state paths: "Name" at top level, "Map/Inner" inside a Map, "Par/Inner" inside a Parallel
 * (branch states by name alone; names are unique across a Parallel's branches in practice).
 *
 * <p>Semantics and approximations: a Task attempt fails with the workload's per-error probabilities (default: never).
 * A Map attempt fails when any iteration fails, and no iteration starts after that (children start in order, at most
 * MaxConcurrency at a time: {@link FailureTolerance#expectedStarted}), and the
 * error it fails with is drawn in proportion to the iteration's failure probabilities (a Distributed Map with a
 * tolerated failure threshold fails only when more children fail than it tolerates, with
 * States.ExceedToleratedFailureThreshold: see {@link FailureTolerance}); a Parallel fails when a branch fails, and
 * the other branches stop then, billed for the share of their states they entered by then ({@link ParallelStop}). Item counts enter through their mean. Durations are means summed in sequence; a Parallel lasts its
 * longest branch mean, a Map ceil(items / concurrency) × the mean iteration time (the service's concurrency:
 * {@link MapState#concurrency}).
 */
public final class ExactAnalyzer {

    static final String RUNTIME = "States.Runtime";

    private final WorkflowWorkload workload;
    private final WorkflowUsage usage;
    private final Set<String> defaults = new LinkedHashSet<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> seenPaths = new LinkedHashSet<>();

    ExactAnalyzer(WorkflowWorkload workload) {
        this.workload = workload;
        this.usage = WorkflowUsage.of(workload);
    }

    public static ExactResult analyze(StateMachine machine, WorkflowWorkload workload) {
        ExactAnalyzer a = new ExactAnalyzer(workload);
        Scope top = a.scope(machine, "", StateCount.Billing.PARENT);
        java.util.Set<String> paths = dev.flowcost.core.asl.StatePaths.of(machine).keySet();
        for (String key : workload.states().keySet()) {
            // a key naming no state at all is the workload matching's warning (with the workload's line); here only
            // a state that exists but that no execution can reach
            if (!a.seenPaths.contains(key) && paths.contains(key)) {
                a.diagnostics.add(Diagnostic.warning(DiagnosticCode.WORKLOAD_NO_MATCH, "", SourceLocation.UNKNOWN,
                        "workload names state \"" + key + "\", which no execution of the state machine reaches"));
            }
        }
        List<ExpressChildGroup> express = new ArrayList<>();
        top.express.forEach((path, v) -> express.add(new ExpressChildGroup(path, v[0], v[0] > 0 ? v[1] / v[0] : 0)));
        String beyond = beyondLimit(top);
        if (beyond != null) {
            a.diagnostics.add(Diagnostic.error(DiagnosticCode.SIM_UNCOUNTABLE, "",
                    new SourceLocation(machine.pointer(), 0, 0), "one execution of"
                    + " this state machine is expected to run " + beyond + ", beyond what flowcost counts ("
                    + fmt(MAX_EXPECTED) + "); check the workload's failure rates, branch weights and items against"
                    + " the Retry MaxAttempts, BackoffRate and loops of the definition"));
            return new ExactResult(0, Map.of(), 0, 0, List.of(), 0, 0, new ArrayList<>(a.defaults), a.diagnostics);
        }
        return new ExactResult(top.transitions, top.states, top.stdChildExecs, top.stdChildTransitions, express,
                top.duration, top.success, new ArrayList<>(a.defaults), a.diagnostics);
    }

    /**
     * The boundary of the counting stage: what no execution can plausibly reach (transitions, child executions,
     * seconds). Beyond it, or at NaN or infinity, the numbers mean a workload that cannot happen (an always-failing
     * Task retried 99,999,999 times with a doubling backoff), and an input error is said instead of a price.
     */
    static final double MAX_EXPECTED = 1e15;

    /** What in the scope's totals is not finite or above {@link #MAX_EXPECTED}, in words; null when all is in range. */
    static String beyondLimit(Scope s) {
        String[] names = {"state transitions", "Standard child executions", "transitions in Standard children",
            "seconds"};
        double[] values = {s.transitions, s.stdChildExecs, s.stdChildTransitions, s.duration};
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] <= MAX_EXPECTED) || values[i] < 0) {
                return (Double.isFinite(values[i]) ? fmt(values[i]) : "endless") + " " + names[i];
            }
        }
        for (Map.Entry<String, double[]> e : s.express.entrySet()) {
            double[] v = e.getValue();
            if (!(v[0] <= MAX_EXPECTED) || !(v[1] <= MAX_EXPECTED)) {
                return (Double.isFinite(v[0]) && v[0] > MAX_EXPECTED ? fmt(v[0]) + " Express child executions"
                        : "endless Express children") + " in Map " + e.getKey();
            }
        }
        for (StateCount c : s.states.values()) {
            if (!(c.attempts() <= MAX_EXPECTED) || !(c.transitions() <= MAX_EXPECTED)) {
                return (Double.isFinite(c.attempts()) ? fmt(c.attempts()) : "endless") + " attempts of state "
                        + c.path();
            }
        }
        if (!Double.isFinite(s.success)) {
            return "with an undefined outcome";
        }
        return null;
    }

    /** Expected Monte Carlo steps of one execution (states walked, attempts, iterations not drawn in aggregate). */
    static double simulationSteps(StateMachine machine, WorkflowWorkload workload) {
        return new ExactAnalyzer(workload).scope(machine, "", StateCount.Billing.PARENT).steps;
    }

    /** Expected totals of one run of a scope (or of one entry into a state). */
    static final class Scope {
        double success;
        final Map<String, Double> failures = new LinkedHashMap<>();
        double transitions;
        double stdChildExecs;
        double stdChildTransitions;
        double duration;
        /** Expected steps a Monte Carlo run takes (states and attempts walked one by one): sizes its budget. */
        double steps;
        /** path → {executions, executions × duration}. */
        final Map<String, double[]> express = new LinkedHashMap<>();
        final Map<String, StateCount> states = new LinkedHashMap<>();

        void addCounts(Scope o, double k) {
            transitions += k * o.transitions;
            addChildren(o, k);
        }

        void addChildren(Scope o, double k) {
            stdChildExecs += k * o.stdChildExecs;
            stdChildTransitions += k * o.stdChildTransitions;
            o.express.forEach((p, v) -> {
                double[] t = express.computeIfAbsent(p, x -> new double[2]);
                t[0] += k * v[0];
                t[1] += k * v[1];
            });
            o.states.forEach((p, c) -> states.merge(p, c.scaled(k), StateCount::plus));
        }

        double failure() {
            return failures.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** What one entry into a state does: where control goes next and what it costs. */
    private static final class Entry {
        final Map<String, Double> next = new LinkedHashMap<>();
        double endSuccess;
        final Map<String, Double> endFail = new LinkedHashMap<>();
        final Scope cost = new Scope();
    }

    static String path(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    StepWorkload step(String path) {
        seenPaths.add(path);
        return workload.state(path).orElse(StepWorkload.empty());
    }

    Scope scope(StateMachine machine, String prefix, StateCount.Billing billing) {
        Map<String, State> states = machine.states();
        if (!states.containsKey(machine.startAt())) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.ASL_NEXT_UNKNOWN, "", new SourceLocation(machine.pointer() + "/StartAt", 0, 0),
                    "StartAt \"" + machine.startAt() + "\" names no state; this machine cannot be analyzed"));
            return failed();
        }
        List<String> order = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, Entry> entries = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(machine.startAt());
        index.put(machine.startAt(), 0);
        order.add(machine.startAt());
        while (!todo.isEmpty()) {
            String name = todo.poll();
            Entry e = entry(states.get(name), prefix, billing, states);
            entries.put(name, e);
            for (Map.Entry<String, Double> t : e.next.entrySet()) {
                if (t.getValue() > 0 && !index.containsKey(t.getKey())) {
                    index.put(t.getKey(), order.size());
                    order.add(t.getKey());
                    todo.add(t.getKey());
                }
            }
        }
        int n = order.size();
        int[][] targets = new int[n][];
        double[][] probability = new double[n][];
        for (int i = 0; i < n; i++) {
            Map<String, Double> next = entries.get(order.get(i)).next;
            List<Integer> to = new ArrayList<>(next.size());
            List<Double> p = new ArrayList<>(next.size());
            for (Map.Entry<String, Double> t : next.entrySet()) {
                Integer j = index.get(t.getKey());
                if (j != null && t.getValue() > 0) {
                    to.add(j);
                    p.add(t.getValue());
                }
            }
            targets[i] = to.stream().mapToInt(Integer::intValue).toArray();
            probability[i] = p.stream().mapToDouble(Double::doubleValue).toArray();
        }
        double[] visits;
        try {
            visits = LinearSolver.visits(targets, probability);
        } catch (LinearSolver.TooEntangledException ex) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.SIM_UNCOUNTABLE, "", new SourceLocation(machine.pointer(), 0, 0),
                    (prefix.isEmpty() ? "the state machine" : "the inner machine of \"" + prefix + "\"")
                            + ": " + ex.getMessage() + "; split it into smaller state machines"));
            return failed();
        }
        Scope out = new Scope();
        if (visits == null) {
            return unending(machine, prefix);
        }
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(order.get(i));
            double v = visits[i];
            if (v < -1e-9 || !Double.isFinite(v) || v > 1e12) {
                return unending(machine, prefix);
            }
            out.success += v * e.endSuccess;
            e.endFail.forEach((err, p) -> out.failures.merge(err, v * p, Double::sum));
            out.addCounts(e.cost, v);
            out.duration += v * e.cost.duration;
            out.steps += v * e.cost.steps;
        }
        if (out.success + out.failure() < 1 - 1e-6) {
            return unending(machine, prefix);
        }
        return out;
    }

    private Scope unending(StateMachine machine, String prefix) {
        diagnostics.add(Diagnostic.error(DiagnosticCode.SIM_UNCOUNTABLE, "", new SourceLocation(machine.pointer(), 0, 0),
                (prefix.isEmpty() ? "the state machine" : "the inner machine of \"" + prefix + "\"")
                        + " does not reach its end with probability 1 under the workload's branch weights"
                        + " (a Choice loop with no way out?); give the exit branch a weight above 0"));
        return failed();
    }

    private static Scope failed() {
        Scope s = new Scope();
        s.failures.put(RUNTIME, 1.0);
        return s;
    }

    private Entry entry(State state, String prefix, StateCount.Billing billing, Map<String, State> states) {
        String path = path(prefix, state.name());
        StepWorkload w = step(path);
        Entry e = new Entry();
        if (state instanceof ChoiceState c) {
            choice(c, path, w, e, states);
            own(e, path, 1, 1, 1, billing);
        } else if (state instanceof FailState f) {
            e.endFail.put(f.error().orElse("States.Fail"), 1.0);
            own(e, path, 1, 1, 1, billing);
        } else if (state instanceof TaskState t) {
            double seconds = taskSeconds(path, w);
            RetryModel.Outcome o = RetryModel.of(w.errors(), t.retry());
            route(state, o, e, states);
            e.cost.duration = o.attempts() * seconds + o.delaySeconds();
            own(e, path, 1, o.attempts(), o.attempts(), billing);
        } else if (state instanceof WaitState wt) {
            follow(state, 1.0, e, states);
            e.cost.duration = waitSeconds(wt, path, w);
            own(e, path, 1, 1, 1, billing);
        } else if (state instanceof MapState m) {
            map(m, path, w, billing, e, states);
        } else if (state instanceof ParallelState p) {
            parallel(p, path, billing, e, states);
        } else {
            follow(state, 1.0, e, states); // Pass, Succeed
            own(e, path, 1, 1, 1, billing);
        }
        return e;
    }

    private void own(Entry e, String path, double entries, double attempts, double transitions,
                     StateCount.Billing billing) {
        e.cost.transitions += transitions;
        e.cost.steps += Math.min(attempts, 1 + 2 * ExecutionRun.GEOMETRIC_ABOVE);
        e.cost.states.merge(path, new StateCount(path, entries, attempts, attempts - entries, transitions, billing),
                StateCount::plus);
    }

    /** A Task's mean attempt seconds, resolved by {@link WorkflowUsage} ({@code w} is the state's workload entry). */
    double taskSeconds(String path, StepWorkload w) {
        Resolved r = usage.stateSeconds(path, "Task");
        if (r.isDefault()) {
            defaults.add("Task " + path + ": durationSeconds " + fmt(r.value()) + " s (default)");
        }
        return r.value();
    }

    double waitSeconds(WaitState wt, String path, StepWorkload w) {
        if (wt.seconds().isPresent()) {
            return wt.seconds().getAsDouble();
        }
        Resolved r = usage.stateSeconds(path, "Wait");
        if (r.isDefault()) {
            defaults.add("Wait " + path + ": durationSeconds " + fmt(r.value())
                    + " s (default; the wait time is read at run time)");
        }
        return r.value();
    }

    double items(String path, StepWorkload w) {
        Resolved r = usage.items(path);
        if (r.isDefault()) {
            defaults.add("Map " + path + ": items " + fmt(r.value()) + " (default)");
        }
        return r.value();
    }

    /** Choice branch probabilities in order: rules 0..n-1, then Default (when the state has one). */
    double[] choiceWeights(ChoiceState c, String path, StepWorkload w) {
        int rules = c.choices().size();
        boolean hasDefault = c.defaultNext().isPresent();
        double[] p = new double[rules + 1];
        if (w.branches().isEmpty()) {
            defaults.add("Choice " + path + ": branches equally likely");
            double each = 1.0 / (rules + (hasDefault ? 1 : 0));
            for (int i = 0; i < rules; i++) {
                p[i] = each;
            }
            p[rules] = hasDefault ? each : 0;
            return p;
        }
        double sum = 0;
        for (int i = 0; i < rules; i++) {
            p[i] = Math.max(0, w.branches().getOrDefault(String.valueOf(i), 0.0));
            sum += p[i];
        }
        p[rules] = hasDefault ? Math.max(0, w.branches().getOrDefault("Default", 0.0)) : 0;
        sum += p[rules];
        for (String key : w.branches().keySet()) {
            boolean known = key.equals("Default") ? hasDefault : isRuleIndex(key, rules);
            if (!known) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.SIM_CHOICE_WEIGHTS, "", c.location(),
                        "workload weight \"" + key + "\" of Choice "
                        + path + " names no branch (rules are 0.." + (rules - 1) + (hasDefault ? " and Default" : "")
                        + ")"));
            }
        }
        if (sum <= 0) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.SIM_CHOICE_WEIGHTS, "", c.location(),
                    "the workload gives every branch of Choice " + path
                    + " weight 0; at least one branch must have a positive weight"));
            return null;
        }
        for (int i = 0; i <= rules; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static boolean isRuleIndex(String key, int rules) {
        try {
            int i = Integer.parseInt(key);
            return i >= 0 && i < rules;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private void choice(ChoiceState c, String path, StepWorkload w, Entry e, Map<String, State> states) {
        double[] p = choiceWeights(c, path, w);
        if (p == null) {
            e.endFail.put(RUNTIME, 1.0);
            return;
        }
        List<ChoiceRule> rules = c.choices();
        for (int i = 0; i < rules.size(); i++) {
            if (p[i] > 0) {
                e.next.merge(rules.get(i).next(), p[i], Double::sum);
            }
        }
        if (p[rules.size()] > 0) {
            e.next.merge(c.defaultNext().get(), p[rules.size()], Double::sum);
        }
        checkTargets(e, c, states);
    }

    /** A target that names no state fails the execution (States.Runtime), reported once per state. */
    private void checkTargets(Entry e, State from, Map<String, State> states) {
        List<String> missing = new ArrayList<>();
        for (String t : e.next.keySet()) {
            if (!states.containsKey(t)) {
                missing.add(t);
            }
        }
        for (String t : missing) {
            double p = e.next.remove(t);
            e.endFail.merge(RUNTIME, p, Double::sum);
            diagnostics.add(Diagnostic.error(DiagnosticCode.ASL_NEXT_UNKNOWN, "", from.location(), "state \"" + from.name()
                    + "\" leads to \"" + t + "\", which does not exist"));
        }
    }

    /** Control leaves {@code state} normally with probability {@code p}: to its Next, or the machine ends. */
    private void follow(State state, double p, Entry e, Map<String, State> states) {
        if (p <= 0) {
            return;
        }
        if (state.next().isPresent()) {
            e.next.merge(state.next().get(), p, Double::sum);
            checkTargets(e, state, states);
        } else {
            e.endSuccess += p;
        }
    }

    /** After retries: success follows Next; each final error goes to the first matching Catcher, else fails the machine. */
    private void route(State state, RetryModel.Outcome o, Entry e, Map<String, State> states) {
        follow(state, o.success(), e, states);
        for (Map.Entry<String, Double> f : o.failures().entrySet()) {
            Catcher caught = null;
            for (Catcher c : state.catchers()) {
                if (c.matches(f.getKey())) {
                    caught = c;
                    break;
                }
            }
            if (caught == null) {
                e.endFail.merge(f.getKey(), f.getValue(), Double::sum);
            } else if (f.getValue() > 0) {
                e.next.merge(caught.next(), f.getValue(), Double::sum);
            }
        }
        checkTargets(e, state, states);
    }

    /** Failure per attempt when {@code runs} independent runs of {@code inner} must all succeed. */
    static Map<String, Double> failurePerAttempt(double innerSuccess, Map<String, Double> innerFailures, double runs) {
        double q = 1 - Math.pow(Math.max(0, Math.min(1, innerSuccess)), runs);
        return spread(q, innerFailures);
    }

    static Map<String, Double> spread(double q, Map<String, Double> weights) {
        Map<String, Double> out = new LinkedHashMap<>();
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (q <= 0 || total <= 0) {
            return out;
        }
        weights.forEach((err, f) -> out.put(err, q * f / total));
        return out;
    }

    static double childRuns(MapState m, double items) {
        if (!m.isDistributed()) {
            return items;
        }
        if (items == Math.rint(items)) {
            return m.childExecutions((long) items);
        }
        return m.itemBatcher().filter(b -> b.maxItemsPerBatch().isPresent() && b.maxItemsPerBatch().getAsInt() > 0)
                .map(b -> Math.ceil(items / b.maxItemsPerBatch().getAsInt())).orElse(items);
    }

    static double waves(double runs, int concurrency) {
        return runs <= 0 ? 0 : Math.ceil(runs / concurrency);
    }

    static StateCount.Billing innerBilling(MapState m, StateCount.Billing outer) {
        if (!m.isDistributed()) {
            return outer;
        }
        return m.executionType() == MapState.ExecutionType.EXPRESS ? StateCount.Billing.EXPRESS_CHILD
                : StateCount.Billing.STANDARD_CHILD;
    }

    private void map(MapState m, String path, StepWorkload w, StateCount.Billing billing, Entry e,
                     Map<String, State> states) {
        double items = items(path, w);
        Scope inner = scope(m.processor(), path, innerBilling(m, billing));
        double runs = childRuns(m, items);
        Map<String, Double> perAttempt = FailureTolerance.applies(m)
                ? spread(FailureTolerance.failureProbability(1 - inner.success, runs,
                        FailureTolerance.allowedFailedChildren(m, items, runs)), Map.of(FailureTolerance.EXCEEDED, 1.0))
                : failurePerAttempt(inner.success, inner.failures, runs);
        RetryModel.Outcome o = RetryModel.of(perAttempt, m.retry());
        route(m, o, e, states);
        double a = o.attempts();
        double started = childrenStarted(m, inner.success, items, runs);
        double perAttemptOwn = 1 + (m.isDistributed() ? started : 0);
        own(e, path, 1, a, a * perAttemptOwn, billing);
        double k = a * started;
        e.cost.steps += runs > CompiledMachine.AGGREGATE_ABOVE ? a : k * inner.steps;
        if (!m.isDistributed()) {
            e.cost.addCounts(inner, k);
        } else if (m.executionType() == MapState.ExecutionType.STANDARD) {
            e.cost.stdChildExecs += k;
            e.cost.stdChildTransitions += k * inner.transitions;
            e.cost.addChildren(inner, k);
        } else {
            double[] g = e.cost.express.computeIfAbsent(path, x -> new double[2]);
            g[0] += k;
            g[1] += k * inner.duration;
            e.cost.addChildren(inner, k);
        }
        double waves = started >= runs ? waves(runs, m.concurrency())
                : started <= 0 ? 0 : Math.max(1, started / m.concurrency());
        e.cost.duration = a * waves * inner.duration + o.delaySeconds();
    }

    /**
     * Expected children (iterations) one attempt of the Map starts: all of them unless more fail than it tolerates,
     * after which none starts ({@link FailureTolerance#expectedStarted}); an inline Map tolerates no failure.
     */
    static double childrenStarted(MapState m, double childSuccess, double items, double runs) {
        long allowed = FailureTolerance.applies(m) ? FailureTolerance.allowedFailedChildren(m, items, runs) : 0;
        return FailureTolerance.expectedStarted(1 - childSuccess, runs, allowed, m.concurrency());
    }

    private void parallel(ParallelState p, String path, StateCount.Billing billing, Entry e,
                          Map<String, State> states) {
        double success = 1;
        double longest = 0;
        Map<String, Double> weights = new LinkedHashMap<>();
        List<Scope> branches = new ArrayList<>();
        for (StateMachine b : p.branches()) {
            Scope s = scope(b, path, billing);
            branches.add(s);
            success *= s.success;
            longest = Math.max(longest, s.duration);
            s.failures.forEach((err, f) -> weights.merge(err, f, Double::sum));
        }
        RetryModel.Outcome o = RetryModel.of(spread(1 - success, weights), p.retry());
        route(p, o, e, states);
        double a = o.attempts();
        own(e, path, 1, a, a, billing);
        double[] reached = ParallelStop.reachedShares(branches);
        for (int j = 0; j < branches.size(); j++) {
            e.cost.addCounts(branches.get(j), a * reached[j]);
            e.cost.steps += a * branches.get(j).steps;
        }
        e.cost.duration = a * ParallelStop.expectedDuration(branches, longest) + o.delaySeconds();
    }

    static String fmt(double v) {
        if (Math.abs(v) >= 1e15) {
            return String.format(java.util.Locale.ROOT, "%.3g", v);
        }
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
