package dev.flowcost.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Writes Amazon States Language definitions for the benchmarks, so the inputs are generated in code (sized and
 * shaped on purpose) instead of being large fixture files nobody can read. Every definition is valid ASL.
 */
public final class AslGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAMBDA = "arn:aws:states:::lambda:invoke";

    private AslGenerator() {
    }

    /**
     * A machine of about {@code targetStates} states (counting states inside Maps and Parallels): a chain of
     * segments that cycles through a Task with Retry, a polling loop (Task, Choice, Wait), a Parallel of two
     * branches, and an inline Map whose iteration holds a Map whose iteration holds a third Map.
     */
    public static String nestedMachine(int targetStates) {
        ObjectNode root = JSON.createObjectNode();
        root.put("Comment", "generated: " + targetStates + " states with nested inline Maps");
        ObjectNode states = JSON.createObjectNode();
        int count = 0;
        int segment = 0;
        String first = null;
        ObjectNode last = null;
        while (count < targetStates - 1) {
            String prefix = "S" + segment;
            Block b = switch (segment % 4) {
                case 0 -> retryTask(states, prefix);
                case 1 -> pollLoop(states, prefix);
                case 2 -> parallel(states, prefix);
                default -> nestedMap(states, prefix, 3);
            };
            if (first == null) {
                first = b.entry;
            } else {
                last.put("Next", b.entry);
            }
            last = b.exit;
            count += b.states;
            segment++;
        }
        last.put("Next", "Done");
        states.set("Done", JSON.createObjectNode().put("Type", "Succeed"));
        root.put("StartAt", first);
        root.set("States", states);
        return write(root);
    }

    /**
     * The Monte Carlo trap: {@code Load} then an inline Map {@code Fan} whose iteration is a Lambda Task with Retry
     * ({@code Call}), a Choice ({@code Check}) and a Task ({@code Save}), then {@code Done}.
     */
    public static String mapIterationMachine() {
        ObjectNode iteration = JSON.createObjectNode();
        ObjectNode call = task("call-item");
        call.set("Retry", retry(JSON.createArrayNode(), "States.TaskFailed", 3));
        call.put("Next", "Check");
        iteration.set("Call", call);
        ObjectNode check = JSON.createObjectNode().put("Type", "Choice");
        check.set("Choices", JSON.createArrayNode().add(JSON.createObjectNode().put("Variable", "$.skip")
                .put("BooleanEquals", true).put("Next", "Save")));
        check.put("Default", "Save");
        iteration.set("Check", check);
        iteration.set("Save", task("save-item").put("End", true));

        ObjectNode states = JSON.createObjectNode();
        states.set("Load", task("load-items").put("Next", "Fan"));
        states.set("Fan", map("Call", iteration, 40).put("Next", "Done"));
        states.set("Done", JSON.createObjectNode().put("Type", "Succeed"));
        ObjectNode root = JSON.createObjectNode().put("StartAt", "Load");
        root.set("States", states);
        return write(root);
    }

    /**
     * A definition as people write them, of {@code 10 + (seed mod 31)} states: Lambda Tasks with Parameters,
     * Retry and Catch, Choices, Waits, Passes, a Parallel and an inline Map, ending in Succeed and Fail states.
     */
    public static byte[] realistic(long seed) {
        Random r = new Random(seed);
        int target = 10 + (int) Math.floorMod(seed, 31L);
        ObjectNode states = JSON.createObjectNode();
        states.set("Failed", JSON.createObjectNode().put("Type", "Fail").put("Error", "Generated.Failed")
                .put("Cause", "a step failed"));
        int count = 1;
        int i = 0;
        String first = null;
        ObjectNode last = null;
        while (count < target - 1) {
            String prefix = "Step" + i;
            int kind = r.nextInt(10);
            Block b;
            if (kind < 4 || target - count < 6) {
                ObjectNode t = task("fn-" + prefix.toLowerCase());
                t.put("Comment", "call " + prefix);
                t.put("ResultPath", "$.results." + prefix);
                t.put("TimeoutSeconds", 30 + r.nextInt(300));
                t.set("Retry", retry(JSON.createArrayNode(), "Lambda.ServiceException", 2 + r.nextInt(4)));
                ArrayNode c = JSON.createArrayNode().add(JSON.createObjectNode().put("Next", "Failed")
                        .put("ResultPath", "$.error").set("ErrorEquals", JSON.createArrayNode().add("States.ALL")));
                t.set("Catch", c);
                states.set(prefix, t);
                b = new Block(prefix, t, 1);
            } else if (kind < 6) {
                b = pollLoop(states, prefix);
            } else if (kind < 7) {
                ObjectNode p = JSON.createObjectNode().put("Type", "Pass");
                p.set("Result", JSON.createObjectNode().put("step", prefix).put("n", r.nextInt(100)));
                p.put("ResultPath", "$." + prefix);
                states.set(prefix, p);
                b = new Block(prefix, p, 1);
            } else if (kind < 9) {
                b = parallel(states, prefix);
            } else {
                b = nestedMap(states, prefix, 1);
            }
            if (first == null) {
                first = b.entry;
            } else {
                last.put("Next", b.entry);
            }
            last = b.exit;
            count += b.states;
            i++;
        }
        last.put("Next", "Succeeded");
        states.set("Succeeded", JSON.createObjectNode().put("Type", "Succeed"));
        ObjectNode root = JSON.createObjectNode().put("Comment", "generated definition " + seed)
                .put("StartAt", first).put("TimeoutSeconds", 3600);
        root.set("States", states);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A generated segment: its first state, its last state (whose Next the caller sets) and its state count. */
    private record Block(String entry, ObjectNode exit, int states) {
    }

    private static Block retryTask(ObjectNode states, String prefix) {
        ObjectNode t = task("fn-" + prefix.toLowerCase());
        t.set("Retry", retry(JSON.createArrayNode(), "States.TaskFailed", 3));
        states.set(prefix + "Call", t);
        return new Block(prefix + "Call", t, 1);
    }

    /** Task, Choice (rule 0 loops back through a Wait), Wait: the polling idiom. */
    private static Block pollLoop(ObjectNode states, String prefix) {
        String poll = prefix + "Poll";
        String done = prefix + "Done?";
        String wait = prefix + "Wait";
        states.set(poll, task("poll-" + prefix.toLowerCase()).put("Next", done));
        ObjectNode choice = JSON.createObjectNode().put("Type", "Choice");
        choice.set("Choices", JSON.createArrayNode().add(JSON.createObjectNode().put("Variable", "$.status")
                .put("StringEquals", "RUNNING").put("Next", wait)));
        ObjectNode after = JSON.createObjectNode().put("Type", "Pass");
        choice.put("Default", prefix + "After");
        states.set(done, choice);
        states.set(wait, JSON.createObjectNode().put("Type", "Wait").put("Seconds", 30).put("Next", poll));
        states.set(prefix + "After", after);
        return new Block(poll, after, 4);
    }

    /** A Parallel of two branches of two Tasks each. */
    private static Block parallel(ObjectNode states, String prefix) {
        ArrayNode branches = JSON.createArrayNode();
        for (int b = 0; b < 2; b++) {
            ObjectNode bs = JSON.createObjectNode();
            String a = prefix + "B" + b + "A";
            String z = prefix + "B" + b + "Z";
            ObjectNode ta = task("fn-" + a.toLowerCase()).put("Next", z);
            ta.set("Retry", retry(JSON.createArrayNode(), "States.TaskFailed", 2));
            bs.set(a, ta);
            bs.set(z, task("fn-" + z.toLowerCase()).put("End", true));
            branches.add(JSON.createObjectNode().put("StartAt", a).set("States", bs));
        }
        ObjectNode p = JSON.createObjectNode().put("Type", "Parallel");
        p.set("Branches", branches);
        states.set(prefix + "Fork", p);
        return new Block(prefix + "Fork", p, 5);
    }

    /** An inline Map whose iteration is a Task with Retry, a Choice, and (while depth > 1) another such Map. */
    private static Block nestedMap(ObjectNode states, String prefix, int depth) {
        ObjectNode inner = JSON.createObjectNode();
        String work = prefix + "Work";
        String check = prefix + "Check";
        String end = prefix + "End";
        ObjectNode t = task("fn-" + work.toLowerCase()).put("Next", check);
        t.set("Retry", retry(JSON.createArrayNode(), "States.TaskFailed", 3));
        inner.set(work, t);
        ObjectNode choice = JSON.createObjectNode().put("Type", "Choice");
        choice.set("Choices", JSON.createArrayNode().add(JSON.createObjectNode().put("Variable", "$.retry")
                .put("BooleanEquals", true).put("Next", work)));
        choice.put("Default", end);
        inner.set(check, choice);
        int count = 1 + 3;
        if (depth > 1) {
            Block b = nestedMap(inner, prefix + "I", depth - 1);
            choice.put("Default", b.entry);
            b.exit.put("Next", end);
            count += b.states;
        }
        inner.set(end, task("fn-" + end.toLowerCase()).put("End", true));
        ObjectNode m = map(work, inner, 10);
        states.set(prefix + "Map", m);
        return new Block(prefix + "Map", m, count);
    }

    private static ObjectNode map(String startAt, ObjectNode iterationStates, int maxConcurrency) {
        ObjectNode processor = JSON.createObjectNode();
        processor.set("ProcessorConfig", JSON.createObjectNode().put("Mode", "INLINE"));
        processor.put("StartAt", startAt);
        processor.set("States", iterationStates);
        ObjectNode m = JSON.createObjectNode().put("Type", "Map").put("ItemsPath", "$.items")
                .put("MaxConcurrency", maxConcurrency);
        m.set("ItemProcessor", processor);
        return m;
    }

    private static ObjectNode task(String function) {
        ObjectNode t = JSON.createObjectNode().put("Type", "Task").put("Resource", LAMBDA);
        t.set("Parameters", JSON.createObjectNode().put("FunctionName", function).put("Payload.$", "$"));
        return t;
    }

    private static ArrayNode retry(ArrayNode retry, String error, int maxAttempts) {
        ObjectNode r = JSON.createObjectNode();
        r.set("ErrorEquals", JSON.createArrayNode().add(error));
        r.put("IntervalSeconds", 2).put("MaxAttempts", maxAttempts).put("BackoffRate", 2.0);
        return retry.add(r);
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
