package dev.flowcost.core.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.asl.StateMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property (QuickTheories, fixed seed in mvn verify): for random machines — chains of 2 to 4 Tasks (random failure
 * rate, Retry, Catch), Waits and inline Maps (random item range, a Task inside) — histories drawn from a known
 * workload calibrate back to it: every failure rate, mean duration and mean Map size lies in its stated 95 %
 * interval (at most two misses of all a machine's intervals, which chance gives below 1 % of the time), Map extremes
 * and Wait durations are exact, and executions are all counted.
 */
class CalibrateRandomMachinesTest {
    private static final int EXECUTIONS = 250;

    @TempDir
    Path tmp;

    /** A random machine and the truth its histories are drawn from. */
    private record Case(String json, HistoryGenerator.Truth truth, Map<String, Double> waits, long seed) {
    }

    private static Case randomCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        HistoryGenerator.Truth truth = new HistoryGenerator.Truth();
        Map<String, Double> waits = new java.util.LinkedHashMap<>();
        int n = 2 + r.nextInt(3);
        StringBuilder b = new StringBuilder("{\"StartAt\": \"S0\", \"States\": {");
        for (int i = 0; i < n; i++) {
            String name = "S" + i;
            String next = i == n - 1 ? "\"End\": true" : "\"Next\": \"S" + (i + 1) + "\"";
            b.append(i > 0 ? "," : "").append('"').append(name).append("\": ");
            int kind = r.nextInt(3);
            if (kind == 0) {
                double p = Math.round(r.nextDouble(0.02, 0.25) * 1000) / 1000.0;
                truth.errors.put(name, Map.of("States.TaskFailed", p));
                truth.durationMean.put(name, Math.round(r.nextDouble(0.5, 5) * 100) / 100.0);
                String after = i == n - 1 ? "S" + i + "Done" : "S" + (i + 1);
                b.append("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Parameters\": "
                        + "{\"FunctionName\": \"f").append(i).append("\"}, \"Retry\": [{\"ErrorEquals\": [\"States.TaskFailed\"], "
                        + "\"IntervalSeconds\": 1, \"MaxAttempts\": 2}], \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], "
                        + "\"Next\": \"").append(after).append("\"}], ").append(next).append('}');
                if (i == n - 1) {
                    b.append(", \"").append(after).append("\": {\"Type\": \"Pass\", \"End\": true}");
                }
            } else if (kind == 1) {
                int s = 1 + r.nextInt(30);
                waits.put(name, (double) s);
                b.append("{\"Type\": \"Wait\", \"Seconds\": ").append(s).append(", ").append(next).append('}');
            } else {
                int lo = r.nextInt(1, 10);
                int hi = lo + r.nextInt(0, 20);
                truth.items.put(name, new int[] {lo, hi});
                truth.durationMean.put(name + "/" + name + "Item", Math.round(r.nextDouble(0.1, 2) * 100) / 100.0);
                b.append("{\"Type\": \"Map\", \"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"INLINE\"}, "
                        + "\"StartAt\": \"").append(name).append("Item\", \"States\": {\"").append(name)
                        .append("Item\": {\"Type\": \"Task\", \"Resource\": "
                        + "\"arn:aws:states:::lambda:invoke\", \"Parameters\": {\"FunctionName\": \"item\"}, \"End\": true}}}, ")
                        .append(next).append('}');
            }
        }
        return new Case(b.append("}}").toString(), truth, waits, seed);
    }

    @Test
    void randomMachinesCalibrateBackToTheirWorkload() {
        qt().withExamples(12).forAll(longs().between(1, Long.MAX_VALUE / 2)).checkAssert(seed -> {
            Case c = randomCase(seed);
            List<String> misses = check(c);
            assertThat(misses).as("seed %d, machine %s: outside their 95%% interval", seed, c.json())
                    .hasSizeLessThanOrEqualTo(2);
        });
    }

    private List<String> check(Case c) {
        try {
            Path dir = Files.createTempDirectory(tmp, "m");
            Path def = dir.resolve("rand.asl.json");
            Files.writeString(def, c.json(), StandardCharsets.UTF_8);
            StateMachine m = new AslReader().read("rand.asl.json", c.json().getBytes(StandardCharsets.UTF_8)).machine()
                    .orElseThrow(() -> new AssertionError("generated machine does not read: " + c.json()));
            new HistoryGenerator("rand", m, c.truth(), c.seed()).writeExecutions(EXECUTIONS, dir.resolve("h"));
            Calibration cal = CalibrationRun.of(List.of(def, dir.resolve("h"))).calibration();
            assertThat(cal.diagnostics()).as(c.json()).isEmpty();
            WorkflowObservations w = cal.workflows().get("rand");
            assertThat(w.played().executions()).isEqualTo(EXECUTIONS);
            List<String> misses = new ArrayList<>();
            for (Map.Entry<String, Map<String, Double>> e : c.truth().errors.entrySet()) {
                StepObservations s = w.steps().get(e.getKey());
                assertThat(s.entries()).as(e.getKey()).isEqualTo(EXECUTIONS);
                double p = e.getValue().get("States.TaskFailed");
                Interval ci = Interval.wilson(s.failuresByError().getOrDefault("States.TaskFailed", 0L), s.attempts());
                if (!ci.contains(p)) {
                    misses.add(e.getKey() + " failure " + ci + " vs " + p);
                }
            }
            for (Map.Entry<String, Double> e : c.truth().durationMean.entrySet()) {
                Interval ci = w.steps().get(e.getKey()).duration().meanInterval();
                if (!ci.contains(e.getValue())) {
                    misses.add(e.getKey() + " duration " + ci + " vs " + e.getValue());
                }
            }
            for (Map.Entry<String, int[]> e : c.truth().items.entrySet()) {
                SampleStats items = w.steps().get(e.getKey()).items();
                int[] range = e.getValue();
                assertThat(items.min()).as(e.getKey()).isGreaterThanOrEqualTo(range[0]);
                assertThat(items.max()).as(e.getKey()).isLessThanOrEqualTo(range[1]);
                if (range[0] == range[1]) {
                    assertThat(items.mean()).isEqualTo(range[0]);
                } else if (!items.meanInterval().contains((range[0] + range[1]) / 2.0)) {
                    misses.add(e.getKey() + " items " + items.meanInterval() + " vs " + (range[0] + range[1]) / 2.0);
                }
            }
            for (Map.Entry<String, Double> e : c.waits().entrySet()) {
                assertThat(w.steps().get(e.getKey()).duration().mean()).as(e.getKey())
                        .isCloseTo(e.getValue(), org.assertj.core.api.Assertions.within(1e-3));
            }
            CalibratedValue runs = cal.values().stream().filter(v -> v.key().equals("executionsPerMonth")).findFirst()
                    .orElseThrow();
            assertThat(runs.value().asLong()).isEqualTo(EXECUTIONS);
            return misses;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
