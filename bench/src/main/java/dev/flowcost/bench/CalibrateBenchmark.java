package dev.flowcost.bench;

import dev.flowcost.core.calibrate.Calibration;
import dev.flowcost.core.calibrate.CalibrationRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 13 target: calibrate 10,000 execution histories of about 50 events in under 10 s on 2 cores, memory flat in
 * the number of files. The histories (get-execution-history JSON, one file each) play a machine of ten Lambda Tasks:
 * ExecutionStarted, per Task Entered/Scheduled/Started/Succeeded/Exited, ExecutionSucceeded = 52 events. One call
 * reads the definition and every file from disk, as {@code flowcost calibrate} does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CalibrateBenchmark {

    static final int TASKS = 10;

    @Param({"1000", "10000"})
    public int histories;

    private Path dir;
    private Path definition;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("flowcost-calibrate-bench");
        definition = dir.resolve("pay.asl.json");
        Files.writeString(definition, definition(), StandardCharsets.UTF_8);
        Path h = Files.createDirectories(dir.resolve("histories"));
        for (int i = 0; i < histories; i++) {
            Files.writeString(h.resolve(String.format("h-%06d.json", i)), history(i), StandardCharsets.UTF_8);
        }
        Calibration c = CalibrationRun.of(List.of(definition, h)).calibration();
        if (!c.diagnostics().isEmpty() || c.workflows().get("pay").played().executions() != histories) {
            throw new IllegalStateException("generated histories do not calibrate cleanly: " + c.diagnostics());
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> w = Files.walk(dir)) {
            w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public Calibration calibrate() throws IOException {
        return CalibrationRun.of(List.of(definition, dir.resolve("histories"))).calibration();
    }

    static String definition() {
        StringBuilder b = new StringBuilder("{\"StartAt\": \"T0\", \"States\": {");
        for (int t = 0; t < TASKS; t++) {
            b.append(t > 0 ? "," : "").append("\"T").append(t).append("\": {\"Type\": \"Task\", \"Resource\": "
                    + "\"arn:aws:states:::lambda:invoke\", \"Parameters\": {\"FunctionName\": \"f").append(t).append("\"}, ")
                    .append(t == TASKS - 1 ? "\"End\": true}" : "\"Next\": \"T" + (t + 1) + "\"}");
        }
        return b.append("}}").toString();
    }

    /** One execution's history as the AWS CLI prints it (ISO timestamps, *EventDetails objects). */
    static String history(int n) {
        StringBuilder b = new StringBuilder("{\"executionArn\": \"arn:aws:states:us-east-1:123456789012:execution:pay:e")
                .append(n).append("\", \"events\": [");
        long[] id = {0};
        double[] t = {1_790_841_600.0 + (n % 2_600_000)};
        java.util.function.BiFunction<String, String, Long> emit = (type, details) -> {
            id[0]++;
            t[0] += 0.25 + (id[0] * 7 + n) % 11 / 10.0;
            b.append(id[0] > 1 ? "," : "").append("{\"timestamp\": ").append(String.format(java.util.Locale.ROOT, "%.3f",
                    t[0])).append(", \"type\": \"").append(type).append("\", \"id\": ").append(id[0])
                    .append(", \"previousEventId\": ").append(id[0] - 1);
            if (details != null) {
                b.append(", ").append(details);
            }
            b.append('}');
            return id[0];
        };
        emit.apply("ExecutionStarted", "\"executionStartedEventDetails\": {\"input\": \"{}\", \"roleArn\": "
                + "\"arn:aws:iam::123456789012:role/sfn\"}");
        for (int k = 0; k < TASKS; k++) {
            String name = "\"name\": \"T" + k + "\"";
            String res = "\"resourceType\": \"lambda\", \"resource\": \"invoke\"";
            emit.apply("TaskStateEntered", "\"stateEnteredEventDetails\": {" + name + ", \"input\": \"{}\"}");
            emit.apply("TaskScheduled", "\"taskScheduledEventDetails\": {" + res + ", \"region\": \"us-east-1\", "
                    + "\"parameters\": \"{}\"}");
            emit.apply("TaskStarted", "\"taskStartedEventDetails\": {" + res + "}");
            emit.apply("TaskSucceeded", "\"taskSucceededEventDetails\": {" + res + ", \"output\": \"{}\"}");
            emit.apply("TaskStateExited", "\"stateExitedEventDetails\": {" + name + ", \"output\": \"{}\"}");
        }
        emit.apply("ExecutionSucceeded", "\"executionSucceededEventDetails\": {\"output\": \"{}\"}");
        return b.append("]}").toString();
    }
}
