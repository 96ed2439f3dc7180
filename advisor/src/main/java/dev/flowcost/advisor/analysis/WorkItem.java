package dev.flowcost.advisor.analysis;

import java.util.Objects;

/**
 * One kind of work a move off MWAA needs, counted: "3 tasks to rewrite as Lambda functions, 3 h each". Its hours come
 * from the workload's {@code migration.effortHours} (or the defaults in
 * {@code dev.flowcost.core.workload.MigrationSettings}), so a reviewer can check and change each one.
 *
 * @param kind      the effortHours key ("lambdaTask", "sensor", "schedule", ...)
 * @param what      the work in words, for one item ("task to rewrite as a Lambda function")
 * @param count     how many
 * @param hoursEach hours of one
 */
public record WorkItem(String kind, String what, int count, double hoursEach) {

    public WorkItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(what, "what");
        if (count < 0 || hoursEach < 0 || !Double.isFinite(hoursEach)) {
            throw new IllegalArgumentException("a work item needs a count and hours of at least 0: " + count + ", "
                    + hoursEach);
        }
    }

    /** Hours of all of them. */
    public double hours() {
        return count * hoursEach;
    }

    /** "3 × task to rewrite as a Lambda function (3 h each)". */
    public String sentence() {
        return count + " × " + what + " (" + trim(hoursEach) + " h each)";
    }

    public static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(Math.round(d * 100) / 100.0);
    }
}
