package dev.flowcost.core.calibrate;

import dev.flowcost.core.asl.ChoiceRule;
import dev.flowcost.core.asl.ChoiceState;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.StatePaths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plays one execution history against its definition: gives every event the state path it belongs to — following
 * {@code previousEventId}, so events of concurrent Map iterations and Parallel branches that interleave in the
 * history land on the right inner state — and adds what the execution did to a workflow's observations. An
 * execution whose events name a state the definition lacks, or a state of another type, is not added: the caller
 * gets the reason, naming the event id.
 */
final class HistoryPlayback {

    private static final Set<String> ATTEMPT_STARTS = Set.of("TaskScheduled", "LambdaFunctionScheduled",
            "ActivityScheduled");
    private static final Set<String> ATTEMPT_RUNNING = Set.of("TaskStarted", "LambdaFunctionStarted", "ActivityStarted");
    private static final Set<String> ATTEMPT_SUCCEEDED = Set.of("TaskSucceeded", "LambdaFunctionSucceeded",
            "ActivitySucceeded");
    private static final Set<String> ATTEMPT_FAILED = Set.of("TaskFailed", "TaskTimedOut", "TaskStartFailed",
            "TaskSubmitFailed", "LambdaFunctionFailed", "LambdaFunctionTimedOut", "LambdaFunctionStartFailed",
            "LambdaFunctionScheduleFailed", "ActivityFailed", "ActivityTimedOut", "ActivityScheduleFailed");

    private final Map<String, State> paths;
    private final Map<String, List<String>> pathsByName = new HashMap<>();
    private final Map<String, String> distributedStarts = new LinkedHashMap<>();

    HistoryPlayback(StateMachine machine) {
        this.paths = StatePaths.of(machine);
        for (String p : paths.keySet()) {
            pathsByName.computeIfAbsent(lastSegment(p), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, State> e : paths.entrySet()) {
            if (e.getValue() instanceof MapState m && m.isDistributed()) {
                distributedStarts.put(e.getKey(), m.processor().startAt());
            }
        }
    }

    /** The Map path whose child executions this history's first state starts, when it is not a top-level state. */
    Optional<String> childOf(ExecutionHistory h) {
        Optional<String> first = h.events().stream().filter(HistoryEvent::isStateEntered).map(HistoryEvent::name)
                .findFirst();
        if (first.isEmpty() || paths.containsKey(first.get())) {
            return Optional.empty();
        }
        return distributedStarts.entrySet().stream().filter(e -> e.getValue().equals(first.get()))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Names of states this definition has, for telling which definition a history belongs to. */
    boolean knowsState(String name) {
        return pathsByName.containsKey(name);
    }

    /**
     * Adds one complete execution to {@code obs}.
     *
     * @param mapPath the Distributed Map whose child this execution is, or null for a top-level execution
     * @return the reason the execution was not added, if it was not
     */
    Optional<String> play(ExecutionHistory h, String mapPath, WorkflowObservations obs) {
        List<HistoryEvent> ev = h.events();
        int n = ev.size();
        String root = mapPath == null ? "" : mapPath + "/";
        Map<Long, Integer> index = new HashMap<>(n * 2);
        String[] path = new String[n];
        String[] scope = new String[n];
        int[] entry = new int[n];
        Set<String> openParallels = new HashSet<>();
        for (int i = 0; i < n; i++) {
            HistoryEvent e = ev.get(i);
            index.put(e.id(), i);
            Integer p = index.get(e.previousEventId());
            String pScope = p == null ? root : scope[p];
            String pPath = p == null ? null : path[p];
            int pEntry = p == null ? -1 : entry[p];
            String t = e.type();
            if (e.isStateEntered() || e.isStateExited()) {
                String pth = resolve(pScope, e.name(), root);
                if (pth == null) {
                    return Optional.of("event " + e.id() + " (" + t + ") names state \"" + e.name()
                            + "\", which the definition does not have");
                }
                String kind = t.substring(0, t.length() - (e.isStateEntered() ? "StateEntered" : "StateExited").length());
                if (!kind.equals(paths.get(pth).type())) {
                    return Optional.of("event " + e.id() + " (" + t + ") enters \"" + pth + "\", which is a "
                            + paths.get(pth).type() + " state in the definition");
                }
                path[i] = pth;
                scope[i] = parentScope(pth);
                entry[i] = e.isStateEntered() ? i : pEntry;
            } else if (t.startsWith("MapIteration")) {
                String mp = pPath != null && lastSegment(pPath).equals(e.name()) ? pPath : resolve(pScope, e.name(), root);
                if (mp == null) {
                    return Optional.of("event " + e.id() + " (" + t + ") names Map \"" + e.name()
                            + "\", which the definition does not have");
                }
                path[i] = mp;
                scope[i] = t.equals("MapIterationStarted") ? mp + "/" : parentScope(mp);
                entry[i] = pEntry;
            } else if (t.equals("ParallelStateStarted")) {
                path[i] = pPath;
                scope[i] = pPath == null ? pScope : pPath + "/";
                if (pPath != null) {
                    openParallels.add(pPath);
                }
                entry[i] = pEntry;
            } else if (t.equals("ParallelStateSucceeded") || t.equals("ParallelStateFailed")
                    || t.equals("ParallelStateAborted")) {
                String best = null;
                for (String open : openParallels) {
                    if (pScope.startsWith(open + "/") && (best == null || open.length() > best.length())) {
                        best = open;
                    }
                }
                if (best == null && pPath != null && openParallels.contains(pPath)) {
                    best = pPath;
                }
                path[i] = best == null ? pPath : best;
                scope[i] = best == null ? pScope : parentScope(best);
                openParallels.remove(best);
                entry[i] = pEntry;
            } else if (t.equals("MapStateSucceeded") || t.equals("MapStateFailed") || t.equals("MapStateAborted")) {
                path[i] = pPath;
                scope[i] = pPath == null ? pScope : parentScope(pPath);
                entry[i] = pEntry;
            } else {
                path[i] = pPath;
                scope[i] = pScope;
                entry[i] = pEntry;
            }
        }
        accumulate(h, path, entry, index, mapPath, obs);
        return Optional.empty();
    }

    private void accumulate(ExecutionHistory h, String[] path, int[] entry, Map<Long, Integer> index, String mapPath,
                            WorkflowObservations obs) {
        List<HistoryEvent> ev = h.events();
        Instant start = null;
        String outcome = null;
        Map<Integer, Integer> attemptOf = new HashMap<>();
        Map<Integer, Instant> attemptBegan = new HashMap<>();
        Map<Integer, String> choiceExit = new HashMap<>();
        for (int i = 0; i < ev.size(); i++) {
            HistoryEvent e = ev.get(i);
            String t = e.type();
            Integer p = index.get(e.previousEventId());
            if (t.equals("ExecutionStarted")) {
                start = e.timestamp();
                continue;
            }
            Optional<ExecutionOutcome> end = ExecutionOutcome.of(t);
            if (end.isPresent()) {
                outcome = end.get().name();
                continue;
            }
            if (path[i] == null) {
                continue;
            }
            State state = paths.get(path[i]);
            StepObservations step = obs.step(path[i], state.type());
            if (e.isStateEntered()) {
                step.entries++;
                if (p != null && choiceExit.containsKey(p)) {
                    recordBranch(choiceExit.get(p), e.name(), obs);
                }
            } else if (e.isStateExited()) {
                if (state.type().equals("Wait") && entry[i] >= 0) {
                    step.duration.add(seconds(ev.get(entry[i]).timestamp(), e.timestamp()));
                } else if (state.type().equals("Choice")) {
                    choiceExit.put(i, path[i]);
                }
            } else if (t.equals("MapStateStarted") && e.length() >= 0) {
                step.items.add(e.length());
            } else if (t.equals("MapRunStarted")) {
                step.mapRuns++;
            } else if (ATTEMPT_STARTS.contains(t)) {
                int a = attemptOf.merge(entry[i], 1, Integer::sum);
                step.attempt(a);
                attemptBegan.put(entry[i], e.timestamp());
            } else if (ATTEMPT_RUNNING.contains(t)) {
                attemptBegan.put(entry[i], e.timestamp());
            } else if (ATTEMPT_SUCCEEDED.contains(t) || ATTEMPT_FAILED.contains(t)) {
                Instant began = attemptBegan.remove(entry[i]);
                int a = attemptOf.getOrDefault(entry[i], 0);
                if (a == 0) {
                    a = attemptOf.merge(entry[i], 1, Integer::sum);
                    step.attempt(a);
                }
                if (began != null) {
                    step.duration.add(seconds(began, e.timestamp()));
                }
                if (ATTEMPT_FAILED.contains(t)) {
                    step.failure(errorName(e), a);
                }
            }
        }
        if (mapPath == null) {
            obs.played.add(start, outcome);
        } else {
            obs.childExecutions++;
            obs.step(mapPath, "Map").children.add(1);
        }
    }

    private void recordBranch(String choicePath, String target, WorkflowObservations obs) {
        ChoiceState c = (ChoiceState) paths.get(choicePath);
        String key = branchKey(c, target);
        if (key != null) {
            obs.step(choicePath, "Choice").branch(key);
        }
    }

    /** The rule index ("0", "1", ...) whose Next is {@code target} (the first such), else "Default", else null. */
    static String branchKey(ChoiceState c, String target) {
        List<ChoiceRule> rules = c.choices();
        for (int r = 0; r < rules.size(); r++) {
            if (target.equals(rules.get(r).next())) {
                return Integer.toString(r);
            }
        }
        return c.defaultNext().filter(target::equals).map(d -> "Default").orElse(null);
    }

    private static String errorName(HistoryEvent e) {
        if (!e.error().isEmpty()) {
            return e.error();
        }
        return e.type().endsWith("TimedOut") ? "States.Timeout" : "States.TaskFailed";
    }

    /** The path of state {@code name} seen from {@code scope}: in that scope, else in an enclosing one. */
    private String resolve(String scope, String name, String root) {
        String s = scope;
        while (true) {
            if (paths.containsKey(s + name)) {
                return s + name;
            }
            if (s.isEmpty() || s.equals(root)) {
                break;
            }
            s = parentScope(s.substring(0, s.length() - 1));
        }
        List<String> same = pathsByName.get(name);
        if (same != null && same.size() == 1 && same.get(0).startsWith(root)) {
            return same.get(0);
        }
        return null;
    }

    static String parentScope(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    static String lastSegment(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    static double seconds(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 1e9;
    }
}
