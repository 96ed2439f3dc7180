package dev.flowcost.core.calibrate;

/**
 * A 95 % interval around an estimate, so a reader of a calibrated workload sees how sure each number is.
 *
 * @param low  lower bound
 * @param high upper bound
 */
public record Interval(double low, double high) {

    /** z for a two-sided 95 % normal interval. */
    public static final double Z95 = 1.959964;

    public Interval {
        if (low > high) {
            throw new IllegalArgumentException("interval low " + low + " above high " + high);
        }
    }

    public boolean contains(double x) {
        return x >= low - 1e-12 && x <= high + 1e-12;
    }

    /**
     * Wilson score interval of a proportion: well behaved near 0 and 1 and for small counts, unlike the normal
     * approximation.
     */
    public static Interval wilson(long successes, long trials) {
        if (trials <= 0) {
            return new Interval(0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
