package dev.flowcost.core.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a move off MWAA costs in people's time, from the workload's {@code migration:} section: the hourly rate of an
 * engineer, the horizon within which a move must pay back, and the hours each kind of work item takes. A plan that
 * saves money a month but needs more work than it saves within the horizon is not advised: the margin is the work.
 *
 * <p>The defaults below are the table every consumer reads (hours and counts, no money is held in core: the rate is a
 * number the advisor turns into money). They are a mid estimate for a team that knows both platforms; a team should
 * set its own (README, "Environment plans").
 *
 * @param hourlyRate    cost of one engineer-hour in the pricing currency, when given
 * @param horizonMonths months within which the work must pay back, when given
 * @param effortHours   hours per work item by {@link #EFFORT_KEYS key}, those given
 * @param lines         where each given key was written ({@code "hourlyRate" → "w.yaml:40:3"}), for provenance
 */
public record MigrationSettings(OptionalDouble hourlyRate, OptionalDouble horizonMonths, Map<String, Double> effortHours,
                                Map<String, String> lines) {

    /** Default cost of an engineer-hour: 100 (USD). */
    public static final double DEFAULT_HOURLY_RATE = 100;
    /** Default payback horizon: 12 months. */
    public static final double DEFAULT_HORIZON_MONTHS = 12;

    /**
     * Work item kinds with their default hours, in the order reports list them. Each is one unit of work a move
     * needs; a plan counts them per DAG it moves.
     */
    public static final Map<String, Double> DEFAULT_EFFORT_HOURS = defaults();

    /** The keys of {@code migration.effortHours}. */
    public static final List<String> EFFORT_KEYS = List.copyOf(DEFAULT_EFFORT_HOURS.keySet());

    /** Nothing given: every default applies. */
    public static final MigrationSettings NONE = new MigrationSettings(OptionalDouble.empty(), OptionalDouble.empty(),
            Map.of(), Map.of());

    public MigrationSettings {
        effortHours = Collections.unmodifiableMap(new LinkedHashMap<>(effortHours));
        lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
    }

    private static Map<String, Double> defaults() {
        Map<String, Double> m = new LinkedHashMap<>();
        // flowcost convert writes the state machine draft, so what is left per item is the part a person does
        m.put("serviceTask", 0.5);        // an AWS operator → an SDK/optimised integration Task: check its parameters
        m.put("lambdaTask", 1.5);         // a Python callable → a Lambda function: package, role, test
        m.put("fargateTask", 4.0);        // worker code over 15 min → an ECS/Fargate task: image, task definition
        m.put("sensor", 2.0);             // a sensor on AWS state → .sync, a poll loop or an EventBridge rule
        m.put("customOperator", 8.0);     // a plugin operator: its code to read and rewrite
        m.put("dependency", 2.0);         // a cross-DAG or dataset link → EventBridge rule / StartExecution chain
        m.put("pool", 1.0);               // a pool → MaxConcurrency or a semaphore
        m.put("schedule", 0.5);           // the DAG's schedule → an EventBridge Scheduler rule
        m.put("cutover", 3.0);            // per DAG: run both side by side, compare, switch, with an alarm
        m.put("decommission", 4.0);       // per environment that goes: export, delete, clean up IAM and networking
        return Collections.unmodifiableMap(m);
    }

    /** The hourly rate, given or default. */
    public double rate() {
        return hourlyRate.orElse(DEFAULT_HOURLY_RATE);
    }

    /** The horizon in months, given or default. */
    public double horizon() {
        return horizonMonths.orElse(DEFAULT_HORIZON_MONTHS);
    }

    /** Hours of one work item of {@code key}, given or default (0 for an unknown key). */
    public double hours(String key) {
        Double given = effortHours.get(key);
        return given != null ? given : DEFAULT_EFFORT_HOURS.getOrDefault(key, 0.0);
    }

    /** Where {@code key} ("hourlyRate", "horizonMonths", "effortHours.sensor") came from: its file:line or "default". */
    public String source(String key) {
        String at = lines.get(key);
        return at != null ? "workload " + at : "default";
    }
}
