package dev.flowcost.core.calibrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.asl.Catcher;
import dev.flowcost.core.asl.ChoiceState;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.ParallelState;
import dev.flowcost.core.asl.Retrier;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.asl.WaitState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test oracle: plays a definition under a known workload — per Task, failure probabilities per error; per Choice,
 * branch weights; per inline Map, a uniform item count; per Task, a uniform duration around a mean — and writes each
 * execution as AWS-shaped {@code get-execution-history} JSON (events with ids, previousEventId chains and the
 * documented *EventDetails objects; https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html).
 * Retry and Catch of the definition are honoured; an uncaught failure ends the execution with ExecutionFailed.
 */
final class HistoryGenerator {
    static final DateTimeFormatter CLI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The workload the executions are drawn from; keys are state paths. */
    static final class Truth {
        final Map<String, Map<String, Double>> errors = new LinkedHashMap<>();
        final Map<String, Double> durationMean = new LinkedHashMap<>();
        final Map<String, double[]> branchWeights = new LinkedHashMap<>();
        final Map<String, int[]> items = new LinkedHashMap<>();
    }

    private final StateMachine machine;
    private final Truth truth;
    private final SplittableRandom random;
    private final String machineName;
    private ArrayNode events;
    private long nextId;
    private Instant now;

    HistoryGenerator(String machineName, StateMachine machine, Truth truth, long seed) {
        this.machineName = machineName;
        this.machine = machine;
        this.truth = truth;
        this.random = new SplittableRandom(seed);
    }

    /** Writes {@code n} executions started uniformly over October 2026, one file each, into {@code dir}. */
    void writeExecutions(int n, Path dir) throws IOException {
        Files.createDirectories(dir);
        Instant from = Instant.parse("2026-10-01T00:00:00Z");
        long span = Duration.ofDays(31).minusHours(1).toSeconds();
        for (int i = 0; i < n; i++) {
            ObjectNode root = execution(from.plusSeconds(random.nextLong(span)), "run-" + i);
            Files.write(dir.resolve(String.format("h-%06d.json", i)), JSON.writeValueAsBytes(root));
        }
    }

    /** One execution's history document. */
    ObjectNode execution(Instant start, String executionName) {
        events = JSON.createArrayNode();
        nextId = 1;
        now = start;
        ObjectNode d = JSON.createObjectNode();
        d.put("input", "{}");
        d.putObject("inputDetails").put("truncated", false);
        d.put("roleArn", "arn:aws:iam::123456789012:role/sfn");
        long started = emit("ExecutionStarted", 0, "executionStartedEventDetails", d);
        Result r = play(machine, "", started);
        if (r.error == null) {
            ObjectNode s = JSON.createObjectNode();
            s.put("output", "{}");
            emit("ExecutionSucceeded", r.last, "executionSucceededEventDetails", s);
        } else {
            ObjectNode f = JSON.createObjectNode();
            f.put("error", r.error);
            f.put("cause", "generated failure");
            emit("ExecutionFailed", r.last, "executionFailedEventDetails", f);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("executionArn", "arn:aws:states:us-east-1:123456789012:execution:" + machineName + ":" + executionName);
        root.set("events", events);
        return root;
    }

    private record Result(long last, String error) {
    }

    private Result play(StateMachine m, String scope, long prev) {
        String name = m.startAt();
        long last = prev;
        while (name != null) {
            State s = m.states().get(name);
            String path = scope + name;
            long entered = emit(s.type() + "StateEntered", last, "stateEnteredEventDetails", named(name));
            Step step = step(s, path, entered);
            if (step.error != null) {
                Catcher c = s.catchers().stream().filter(x -> x.matches(step.error)).findFirst().orElse(null);
                if (c == null) {
                    return new Result(step.last, step.error);
                }
                last = emit(s.type() + "StateExited", step.last, "stateExitedEventDetails", named(name));
                name = c.next();
                continue;
            }
            if (s.type().equals("Fail")) {
                return new Result(step.last, "States.Fail");
            }
            last = emit(s.type() + "StateExited", step.last, "stateExitedEventDetails", named(name));
            name = step.next;
        }
        return new Result(last, null);
    }

    private record Step(long last, String next, String error) {
    }

    private Step step(State s, String path, long entered) {
        if (s instanceof TaskState t) {
            return task(t, path, entered);
        }
        if (s instanceof ChoiceState c) {
            double[] w = truth.branchWeights.get(path);
            int k = pick(w);
            String next = k < c.choices().size() ? c.choices().get(k).next() : c.defaultNext().orElseThrow();
            tick(0.01);
            return new Step(entered, next, null);
        }
        if (s instanceof WaitState w) {
            tick(w.seconds().orElse(1));
            return new Step(entered, s.next().orElse(null), null);
        }
        if (s instanceof MapState m) {
            int[] range = truth.items.get(path);
            int n = range[0] + random.nextInt(range[1] - range[0] + 1);
            ObjectNode d = JSON.createObjectNode();
            d.put("length", n);
            long last = emit("MapStateStarted", entered, "mapStateStartedEventDetails", d);
            for (int i = 0; i < n; i++) {
                ObjectNode it = JSON.createObjectNode();
                it.put("name", s.name());
                it.put("index", i);
                long started = emit("MapIterationStarted", last, "mapIterationStartedEventDetails", it);
                Result r = play(m.processor(), path + "/", started);
                if (r.error != null) {
                    last = emit("MapIterationFailed", r.last, "mapIterationFailedEventDetails", it.deepCopy());
                    last = emit("MapStateFailed", last, null, null);
                    return new Step(last, null, r.error);
                }
                last = emit("MapIterationSucceeded", r.last, "mapIterationSucceededEventDetails", it.deepCopy());
            }
            last = emit("MapStateSucceeded", last, null, null);
            return new Step(last, s.next().orElse(null), null);
        }
        if (s instanceof ParallelState p) {
            long started = emit("ParallelStateStarted", entered, null, null);
            long last = started;
            for (StateMachine b : p.branches()) {
                Result r = play(b, path + "/", started);
                last = r.last;
                if (r.error != null) {
                    last = emit("ParallelStateFailed", last, null, null);
                    return new Step(last, null, r.error);
                }
            }
            last = emit("ParallelStateSucceeded", last, null, null);
            return new Step(last, s.next().orElse(null), null);
        }
        tick(0.005);
        return new Step(entered, s.isEnd() ? null : s.next().orElse(null), null);
    }

    private Step task(TaskState t, String path, long entered) {
        Map<String, Double> errors = truth.errors.getOrDefault(path, Map.of());
        double mean = truth.durationMean.getOrDefault(path, 1.0);
        Map<Retrier, Integer> retried = new HashMap<>();
        long last = entered;
        while (true) {
            ObjectNode sched = JSON.createObjectNode();
            sched.put("resourceType", "lambda");
            sched.put("resource", "invoke");
            sched.put("region", "us-east-1");
            sched.put("parameters", "{}");
            last = emit("TaskScheduled", last, "taskScheduledEventDetails", sched);
            tick(0.01);
            ObjectNode res = JSON.createObjectNode();
            res.put("resourceType", "lambda");
            res.put("resource", "invoke");
            last = emit("TaskStarted", last, "taskStartedEventDetails", res);
            tick(mean * (0.5 + random.nextDouble()));
            String error = null;
            double u = random.nextDouble();
            double acc = 0;
            for (Map.Entry<String, Double> e : errors.entrySet()) {
                acc += e.getValue();
                if (u < acc) {
                    error = e.getKey();
                    break;
                }
            }
            if (error == null) {
                ObjectNode ok = res.deepCopy();
                ok.put("output", "{}");
                last = emit("TaskSucceeded", last, "taskSucceededEventDetails", ok);
                return new Step(last, t.isEnd() ? null : t.next().orElse(null), null);
            }
            ObjectNode f = res.deepCopy();
            f.put("error", error);
            f.put("cause", "generated");
            last = emit("TaskFailed", last, "taskFailedEventDetails", f);
            String err = error;
            Retrier r = t.retry().stream().filter(x -> x.matches(err)).findFirst().orElse(null);
            if (r == null || retried.getOrDefault(r, 0) >= r.maxAttempts()) {
                return new Step(last, null, error);
            }
            int n = retried.merge(r, 1, Integer::sum);
            tick(r.delayBeforeRetrySeconds(n));
        }
    }

    private int pick(double[] w) {
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < w.length; i++) {
            u -= w[i];
            if (u < 0) {
                return i;
            }
        }
        return w.length - 1;
    }

    private void tick(double seconds) {
        now = now.plusNanos((long) (seconds * 1e9));
    }

    private static ObjectNode named(String name) {
        ObjectNode d = JSON.createObjectNode();
        d.put("name", name);
        d.put("input", "{}");
        return d;
    }

    private long emit(String type, long prev, String detailsKey, ObjectNode details) {
        ObjectNode e = events.addObject();
        e.put("timestamp", CLI_TIME.format(now.atOffset(ZoneOffset.UTC)));
        e.put("type", type);
        long id = nextId++;
        e.put("id", id);
        e.put("previousEventId", prev);
        if (detailsKey != null) {
            e.set(detailsKey, details);
        }
        return id;
    }
}
