package dev.flowcost.core.simulate;

import dev.flowcost.core.asl.MapState;

/**
 * A Distributed Map's tolerated failure threshold (ToleratedFailureCount / ToleratedFailurePercentage), which decides
 * whether failed children fail the Map Run, and so whether the Map's Retry and Catch ever run. Without it every failed
 * child fails the Map; with ToleratedFailurePercentage 100 none does. The Map Run fails with
 * States.ExceedToleratedFailureThreshold when the failed items exceed either threshold given; the percentage is of
 * failed items over all items (developer guide, "Tolerated failure threshold for Distributed Map state",
 * https://docs.aws.amazon.com/step-functions/latest/dg/maprun-fail-threshold.html). A failed batch counts all its items.
 */
final class FailureTolerance {

    static final String EXCEEDED = "States.ExceedToleratedFailureThreshold";
    /** Above this many children the binomial tail is taken from its normal approximation. */
    private static final double EXACT_UP_TO = 1_000_000;

    private FailureTolerance() {
    }

    /** Whether the Map has a threshold of its own (only a Distributed Map does). */
    static boolean applies(MapState m) {
        return m.isDistributed()
                && (m.toleratedFailureCount().isPresent() || m.toleratedFailurePercentage().isPresent());
    }

    /** Most children that may fail without failing the Map Run, for {@code items} items in {@code runs} children. */
    static long allowedFailedChildren(MapState m, double items, double runs) {
        if (runs <= 0 || items <= 0) {
            return 0;
        }
        double allowedItems = Double.POSITIVE_INFINITY;
        if (m.toleratedFailureCount().isPresent()) {
            allowedItems = m.toleratedFailureCount().getAsInt();
        }
        if (m.toleratedFailurePercentage().isPresent()) {
            allowedItems = Math.min(allowedItems, m.toleratedFailurePercentage().getAsDouble() / 100 * items);
        }
        double itemsPerChild = items / runs;
        double allowed = Math.floor(allowedItems / itemsPerChild + 1e-9);
        return (long) Math.min(allowed, Math.ceil(runs));
    }

    /** Probability that more than {@code allowed} of {@code runs} children fail, each failing with {@code q}. */
    static double failureProbability(double q, double runs, long allowed) {
        long n = Math.round(runs);
        if (allowed >= n || q <= 0) {
            return 0;
        }
        if (q >= 1) {
            return 1;
        }
        if (n > EXACT_UP_TO) {
            double mean = n * q;
            double sd = Math.sqrt(n * q * (1 - q));
            return 1 - normalCdf((allowed + 0.5 - mean) / sd);
        }
        double logPmf = n * Math.log1p(-q);
        double logRatio = Math.log(q) - Math.log1p(-q);
        double atMost = 0;
        for (long k = 0; k <= allowed; k++) {
            atMost += Math.exp(logPmf);
            logPmf += Math.log((double) (n - k) / (k + 1)) + logRatio;
        }
        return Math.max(0, Math.min(1, 1 - atMost));
    }

    /** Above this many terms (children × tolerated failures) the expected children started is approximated. */
    private static final double SUMMED_UP_TO = 5_000_000;

    /**
     * Expected children started by one attempt of a Map of {@code runs} children, each failing with {@code q}, when
     * they start in order at most {@code concurrency} at a time and none starts once more than {@code allowed} have
     * failed. With X the position of the (allowed + 1)-th failure: E[min(N, X)] = Σ_{k<N} P(Bin(k, q) ≤ allowed),
     * plus the concurrency − 1 children running beside the failing one when the Map fails (an approximation: they
     * started before it failed). For allowed = 0 the sum is 1 + s + … + s^(N−1) = (1 − s^N) / (1 − s). Beyond
     * {@link #SUMMED_UP_TO} terms, E[min(N, X)] is taken as min(N, (allowed + 1) / q), the mean of X.
     */
    static double expectedStarted(double q, double runs, long allowed, int concurrency) {
        if (runs <= 0) {
            return 0;
        }
        if (q <= 0) {
            return runs;
        }
        double n = runs;
        double first; // E[min(N, X)]
        if (q >= 1) {
            first = Math.min(n, allowed + 1);
        } else if (allowed == 0) {
            double s = 1 - q;
            first = (1 - Math.pow(s, n)) / q;
        } else if (n == Math.rint(n) && n * (allowed + 1) <= SUMMED_UP_TO) {
            double[] pmf = new double[(int) allowed + 1]; // P(Bin(k, q) = j) for j ≤ allowed
            pmf[0] = 1;
            first = 0;
            for (long k = 0; k < (long) n; k++) {
                double cdf = 0;
                for (double v : pmf) {
                    cdf += v;
                }
                first += cdf;
                for (int j = pmf.length - 1; j >= 1; j--) {
                    pmf[j] = pmf[j] * (1 - q) + pmf[j - 1] * q;
                }
                pmf[0] *= 1 - q;
            }
        } else {
            first = Math.min(n, (allowed + 1) / q);
        }
        double fails = failureProbability(q, n, allowed);
        return Math.min(n, first + Math.max(0, concurrency - 1) * fails);
    }

    /** Standard normal CDF (Abramowitz and Stegun 7.1.26 for erf, error below 1.5e-7). */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
