package dev.flowcost.core.workload;

/**
 * Items a Map sees per execution: a mean, and the range Monte Carlo draws from. A plain number is mean = min = max.
 */
public record ItemCount(double mean, long min, long max) {

    public ItemCount {
        if (mean < 0 || min < 0 || max < min) {
            throw new IllegalArgumentException("items must satisfy 0 <= min <= max and mean >= 0");
        }
    }

    public static ItemCount exactly(long n) {
        return new ItemCount(n, n, n);
    }
}
