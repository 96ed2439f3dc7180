package dev.flowcost.core.simulate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The simulated durations of one execution (or one iteration) kept sorted, so a rule bounded by a time limit can
 * ask what share of executions would pass it: Express stops an execution at 5 minutes and Lambda an invocation at
 * 15, so a mean well under the limit still fails the executions in the tail. Also gives the durations of sums of
 * {@code k} independent runs (a batch of {@code k} iterations in one child, a chunk of items in one invocation).
 */
public final class TailShare {

    /** No simulated durations: every share is 0. */
    public static final TailShare EMPTY = new TailShare(new double[0]);

    /** Draws of a sum's distribution when it is resampled. */
    static final int SUM_DRAWS = 8_192;
    /** Above this many terms a sum is drawn from the normal law with the sample's mean and variance (CLT). */
    static final int CLT_TERMS = 64;

    /** The durations, sorted unless this tail came from {@link #sumOf} and has only been counted so far. */
    private double[] sorted;
    private boolean isSorted;

    private TailShare(double[] sorted) {
        this.sorted = sorted;
        this.isSorted = true;
    }

    /** A tail over {@code values} (owned, not copied), sorted only when an answer needs the order. */
    private static TailShare unsorted(double[] values) {
        TailShare t = new TailShare(values);
        t.isSorted = false;
        return t;
    }

    /** The durations in order (sorting them the first time): what every answer but a count reads. */
    private synchronized double[] sorted() {
        if (!isSorted) {
            Arrays.sort(sorted);
            isSorted = true;
        }
        return sorted;
    }

    /** The tail of {@code durations} (copied). */
    public static TailShare of(double[] durations) {
        double[] s = durations.clone();
        Arrays.sort(s);
        return new TailShare(s);
    }

    /** How many durations are kept. */
    public int size() {
        return sorted.length;
    }

    /** How many simulated runs took longer than {@code seconds}. */
    public long countOver(double seconds) {
        double[] sorted;
        synchronized (this) {
            if (!isSorted) {
                // a sum's tail is usually asked once (is this batch size within the limit?): counting is cheaper
                // than sorting 8,192 draws, and gives the same count
                long over = 0;
                for (double v : this.sorted) {
                    if (v > seconds) {
                        over++;
                    }
                }
                return over;
            }
            sorted = this.sorted;
        }
        int i = Arrays.binarySearch(sorted, seconds);
        if (i < 0) {
            return sorted.length - (-i - 1);
        }
        while (i < sorted.length && sorted[i] <= seconds) {
            i++;
        }
        return sorted.length - i;
    }

    /** The share (0..1) of simulated runs that took longer than {@code seconds}; 0 when nothing was simulated. */
    public double shareOver(double seconds) {
        return sorted.length == 0 ? 0 : (double) countOver(seconds) / sorted.length;
    }

    /** The mean duration. */
    public double mean() {
        double sum = 0;
        double[] sorted = sorted();
        for (double v : sorted) {
            sum += v;
        }
        return sorted.length == 0 ? 0 : sum / sorted.length;
    }

    /**
     * The distribution of the sum of {@code terms} independent runs drawn from this one, seeded: resampled when
     * {@code terms} ≤ {@value #CLT_TERMS}, else normal with {@code terms} × the mean and {@code terms} × the variance.
     */
    public TailShare sumOf(long terms, long seed) {
        double[] sorted = sorted();
        if (terms <= 1 || sorted.length == 0) {
            return this;
        }
        SplittableRandom random = new SplittableRandom(seed ^ (terms * 0x9E3779B97F4A7C15L));
        double[] sums = new double[SUM_DRAWS];
        if (terms <= CLT_TERMS) {
            for (int d = 0; d < SUM_DRAWS; d++) {
                double s = 0;
                for (long t = 0; t < terms; t++) {
                    s += sorted[random.nextInt(sorted.length)];
                }
                sums[d] = s;
            }
        } else {
            double mean = mean();
            double var = 0;
            for (double v : sorted) {
                var += (v - mean) * (v - mean);
            }
            var = sorted.length > 1 ? var / (sorted.length - 1) : 0;
            double m = terms * mean;
            double sd = Math.sqrt(terms * var);
            for (int d = 0; d < SUM_DRAWS; d++) {
                sums[d] = Math.max(0, m + sd * gaussian(random));
            }
        }
        return unsorted(sums);
    }

    /** Equal when the same durations were kept (so equal Monte Carlo runs give equal results). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TailShare t && Arrays.equals(sorted(), t.sorted());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sorted());
    }

    @Override
    public String toString() {
        return "TailShare[" + size() + " durations, mean " + mean() + "]";
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
