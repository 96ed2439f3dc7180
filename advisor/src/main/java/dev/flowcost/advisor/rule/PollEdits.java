package dev.flowcost.advisor.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The edit {@link PollingLoopToSync} proposes, on the user's definition. With a Task that starts the job and only
 * enters the loop, that Task becomes the waiting Task (its Resource the {@code .sync} or callback one, its Next the
 * loop's exit; Parameters, ResultSelector, ResultPath, Retry and Catch kept) and the loop's three states go. Without
 * one, the loop becomes one waiting Task under the name the loop is entered by (the poll Task's fields kept). The
 * Choice's other exit (a Fail state, usually) is kept reachable by a Catch of {@code States.TaskFailed}, which is
 * what a failed job raises; a state only the loop led to and that nothing reaches any more is removed.
 */
final class PollEdits {

    /**
     * @param alsoRemoved paths of states removed because nothing reaches them after the edit
     * @param failureExit the state a failed job is now caught to, when the Choice had another exit
     */
    record Result(List<String> alsoRemoved, Optional<String> failureExit) {
    }

    static final String TASK_FAILED = "States.TaskFailed";

    private PollEdits() {
    }

    /** Edits the loop; empty when the loop is entered at more than one of its states (no single name to keep). */
    static Optional<Result> replaceLoop(ChangeEdits edits, PollingLoopToSync.Loop loop, Optional<String> starter,
                                        String resource, Optional<String> exit) {
        String choicePath = loop.prefix() + loop.choice().name();
        ObjectNode scope = edits.scopeOf(choicePath);
        Set<String> members = Set.of(loop.choice().name(), loop.await().name(), loop.poll().name());
        Set<String> reachableBefore = reachable(scope);
        Optional<String> failureExit = loop.choice().successors().stream()
                .filter(n -> !members.contains(n) && !exit.map(n::equals).orElse(false)).findFirst();
        ObjectNode waiting;
        String keptName;
        if (starter.isPresent()) {
            waiting = edits.state(starter.get());
            keptName = null;
        } else {
            Set<String> entered = entered(scope, members);
            if (entered.size() != 1) {
                return Optional.empty();
            }
            keptName = entered.iterator().next();
            waiting = edits.originalState(loop.prefix() + loop.poll().name());
        }
        waiting.put("Resource", resource);
        if (resource.endsWith(".waitForTaskToken") && waiting.get("Parameters") instanceof ObjectNode params
                && params.get("Payload") instanceof ObjectNode payload) {
            payload.put("TaskToken.$", "$$.Task.Token");
        }
        waiting.remove("Next");
        waiting.remove("End");
        if (exit.isPresent()) {
            waiting.put("Next", exit.get());
        } else {
            waiting.put("End", true);
        }
        failureExit.ifPresent(f -> catchFailure(waiting, f));
        for (String m : members) {
            if (!m.equals(keptName)) {
                edits.remove(loop.prefix() + m);
            }
        }
        if (keptName != null) {
            edits.replace(loop.prefix() + keptName, waiting);
        }
        List<String> alsoRemoved = new ArrayList<>();
        Set<String> after = reachable(scope);
        for (String name : reachableBefore) {
            if (!after.contains(name) && !members.contains(name) && scope.path("States").has(name)) {
                String path = edits.sibling(choicePath, name);
                edits.remove(path);
                alsoRemoved.add(path);
            }
        }
        return Optional.of(new Result(alsoRemoved, failureExit));
    }

    /** A first catcher of States.TaskFailed to {@code next}, before the Task's own (States.ALL must stay last). */
    private static void catchFailure(ObjectNode task, String next) {
        ArrayNode catchers = JsonNodeFactory.instance.arrayNode();
        ObjectNode c = catchers.addObject();
        c.putArray("ErrorEquals").add(TASK_FAILED);
        c.put("Next", next);
        if (task.get("Catch") instanceof ArrayNode own) {
            own.forEach(catchers::add);
        }
        task.set("Catch", catchers);
    }

    /** The loop members the scope's other states (and its StartAt) lead to. */
    private static Set<String> entered(ObjectNode scope, Set<String> members) {
        Set<String> out = new LinkedHashSet<>();
        if (members.contains(scope.path("StartAt").asText())) {
            out.add(scope.path("StartAt").asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = scope.path("States").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!members.contains(e.getKey())) {
                successors(e.getValue()).stream().filter(members::contains).forEach(out::add);
            }
        }
        return out;
    }

    /** Names reachable from StartAt in one scope, by Next, Default, Choices and Catch. */
    static Set<String> reachable(ObjectNode scope) {
        JsonNode states = scope.path("States");
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(scope.path("StartAt").asText());
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (!states.has(n) || !seen.add(n)) {
                continue;
            }
            todo.addAll(successors(states.get(n)));
        }
        return seen;
    }

    private static List<String> successors(JsonNode state) {
        List<String> out = new ArrayList<>();
        if (state.path("Next").isTextual()) {
            out.add(state.get("Next").asText());
        }
        if (state.path("Default").isTextual()) {
            out.add(state.get("Default").asText());
        }
        for (JsonNode rule : state.path("Choices")) {
            if (rule.path("Next").isTextual()) {
                out.add(rule.get("Next").asText());
            }
        }
        for (JsonNode c : state.path("Catch")) {
            if (c.path("Next").isTextual()) {
                out.add(c.get("Next").asText());
            }
        }
        return out;
    }
}
