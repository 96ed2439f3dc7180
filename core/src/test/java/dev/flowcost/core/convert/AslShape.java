package dev.flowcost.core.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test helpers over written ASL JSON: a small structural check (the real validator lives elsewhere), a finder for
 * states at any depth, and an interpreter of the success path that records which tasks are known finished when
 * each task starts.
 */
final class AslShape {
    static final ObjectMapper JSON = new ObjectMapper();

    private AslShape() {
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + json, e);
        }
    }

    /** StartAt names a state; every Next/Default/Catch target exists in its scope; non-terminals have Next or End; names unique and at most 80 chars. */
    static void assertWellFormed(JsonNode machine) {
        checkScope(machine, new HashSet<>(), "");
    }

    private static void checkScope(JsonNode machine, Set<String> allNames, String where) {
        JsonNode states = machine.get("States");
        assertThat(states).as(where + " States").isNotNull();
        assertThat(states.size()).as(where + " has states").isPositive();
        assertThat(states.has(machine.path("StartAt").asText())).as(where + " StartAt " + machine.path("StartAt")).isTrue();
        Iterator<Map.Entry<String, JsonNode>> it = states.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode s = e.getValue();
            assertThat(name.length()).as("length of " + name).isLessThanOrEqualTo(80);
            assertThat(allNames.add(name)).as("unique name " + name).isTrue();
            String type = s.path("Type").asText();
            assertThat(type).as(name + " Type").isIn("Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");
            List<String> targets = new ArrayList<>();
            if (type.equals("Choice")) {
                assertThat(s.has("Next")).isFalse();
                s.path("Choices").forEach(r -> targets.add(r.path("Next").asText()));
                assertThat(s.path("Choices").size()).as(name + " Choices").isPositive();
                if (s.has("Default")) {
                    targets.add(s.get("Default").asText());
                }
            } else if (!type.equals("Succeed") && !type.equals("Fail")) {
                boolean hasNext = s.has("Next");
                boolean end = s.path("End").asBoolean(false);
                assertThat(hasNext ^ end).as(name + " has exactly one of Next and End").isTrue();
                if (hasNext) {
                    targets.add(s.get("Next").asText());
                }
            }
            s.path("Catch").forEach(c -> targets.add(c.path("Next").asText()));
            for (String t : targets) {
                assertThat(states.has(t)).as(name + " → " + t + " exists in its scope").isTrue();
            }
            if (type.equals("Parallel")) {
                assertThat(s.path("Branches").size()).as(name + " Branches").isPositive();
                for (JsonNode b : s.path("Branches")) {
                    checkScope(b, allNames, where + "/" + name);
                }
            }
            if (type.equals("Map")) {
                checkScope(s.path("ItemProcessor"), allNames, where + "/" + name);
            }
        }
    }

    /** The state named {@code name} at any depth, or null. */
    static JsonNode find(JsonNode machine, String name) {
        JsonNode states = machine.path("States");
        if (states.has(name)) {
            return states.get(name);
        }
        Iterator<JsonNode> it = states.elements();
        while (it.hasNext()) {
            JsonNode s = it.next();
            for (JsonNode b : s.path("Branches")) {
                JsonNode f = find(b, name);
                if (f != null) {
                    return f;
                }
            }
            if (s.has("ItemProcessor")) {
                JsonNode f = find(s.get("ItemProcessor"), name);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * Walks the success path: Parallel runs every branch from the same point, Map its processor once, Choice its
     * first rule (the condition that ends a poll loop; the first option of a branch). {@code taskIds} names the states that are DAG tasks. Returns, per task, every run's set of tasks
     * that are guaranteed finished when it starts (happens-before, not a schedule).
     */
    static Map<String, List<Set<String>>> run(JsonNode machine, Set<String> taskIds) {
        Map<String, List<Set<String>>> starts = new HashMap<>();
        walk(machine, taskIds, new HashSet<>(), starts);
        return starts;
    }

    private static Set<String> walk(JsonNode machine, Set<String> taskIds, Set<String> doneBefore,
                                    Map<String, List<Set<String>>> starts) {
        Set<String> done = new HashSet<>(doneBefore);
        String current = machine.path("StartAt").asText();
        for (int steps = 0; steps < 10_000; steps++) {
            JsonNode s = machine.path("States").get(current);
            assertThat(s).as("state " + current).isNotNull();
            String type = s.path("Type").asText();
            boolean isTask = taskIds.contains(current);
            if (isTask) {
                starts.computeIfAbsent(current, k -> new ArrayList<>()).add(Set.copyOf(done));
            }
            if (type.equals("Parallel")) {
                Set<String> after = new HashSet<>(done);
                for (JsonNode b : s.path("Branches")) {
                    after.addAll(walk(b, taskIds, done, starts));
                }
                done = after;
            } else if (type.equals("Map")) {
                done = walk(s.path("ItemProcessor"), taskIds, done, starts);
            }
            if (isTask) {
                done.add(current);
            }
            if (type.equals("Succeed") || s.path("End").asBoolean(false)) {
                return done;
            }
            if (type.equals("Fail")) {
                throw new AssertionError("success path reached Fail state " + current);
            }
            current = type.equals("Choice") ? s.path("Choices").path(0).path("Next").asText() : s.path("Next").asText();
        }
        throw new AssertionError("success path does not end");
    }
}
