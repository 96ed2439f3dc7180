package dev.flowcost.core.simulate;

import java.util.Arrays;

/**
 * Summary of one quantity over simulated executions: the mean and the percentiles a cost report shows. Percentiles
 * are exact (nearest rank over every stored value), not estimated from a histogram.
 */
public record Distribution(double mean, double p50, double p95, double p99, double max) {

    public static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0);

    /** Summarises {@code values} (not modified); the mean is summed in index order so it is reproducible. */
    static Distribution of(double[] values) {
        if (values.length == 0) {
            return EMPTY;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Distribution(sum / values.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
