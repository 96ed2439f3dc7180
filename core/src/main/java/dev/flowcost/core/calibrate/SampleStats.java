package dev.flowcost.core.calibrate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mean, spread, extremes and the 95th percentile of a stream of observations (durations, Map sizes) in bounded
 * memory: the moments are exact (Welford), the percentile comes from a uniform reservoir of at most
 * {@link #RESERVOIR} values, which is every value below that count. Calibrating a million executions costs no more
 * memory than calibrating ten thousand.
 */
public final class SampleStats {

    /** Observations kept for the percentile. */
    public static final int RESERVOIR = 20_000;

    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double[] kept = new double[64];
    private int keptCount;
    private final SplittableRandom random = new SplittableRandom(0x5eed);

    public void add(double x) {
        if (!Double.isFinite(x)) {
            return;
        }
        count++;
        double d = x - mean;
        mean += d / count;
        m2 += d * (x - mean);
        min = Math.min(min, x);
        max = Math.max(max, x);
        if (keptCount < RESERVOIR) {
            if (keptCount == kept.length) {
                kept = Arrays.copyOf(kept, Math.min(RESERVOIR, kept.length * 2));
            }
            kept[keptCount++] = x;
        } else {
            long j = random.nextLong(count);
            if (j < RESERVOIR) {
                kept[(int) j] = x;
            }
        }
    }

    public long count() {
        return count;
    }

    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Sample standard deviation (0 for fewer than two observations). */
    public double standardDeviation() {
        return count < 2 ? 0 : Math.sqrt(m2 / (count - 1));
    }

    /** 95 % interval of the mean (normal approximation; exact value when every observation is equal). */
    public Interval meanInterval() {
        double half = Interval.Z95 * standardDeviation() / Math.sqrt(Math.max(1, count));
        return new Interval(mean() - half, mean() + half);
    }

    /** The 95th percentile (nearest rank) of the kept observations. */
    public double p95() {
        return quantile(0.95);
    }

    /** The q-quantile by nearest rank. */
    public double quantile(double q) {
        double[] s = sorted();
        if (s.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    /**
     * A distribution-free 95 % interval of the 95th percentile: the order statistics at ranks
     * n·0.95 ± 1.96·√(n·0.95·0.05), from the binomial distribution of how many observations fall below it.
     */
    public Interval p95Interval() {
        double[] s = sorted();
        if (s.length == 0) {
            return new Interval(0, 0);
        }
        double n = s.length;
        double half = Interval.Z95 * Math.sqrt(n * 0.95 * 0.05);
        int lo = (int) Math.floor(n * 0.95 - half);
        int hi = (int) Math.ceil(n * 0.95 + half);
        return new Interval(s[Math.max(0, Math.min(s.length - 1, lo - 1))], s[Math.max(0, Math.min(s.length - 1, hi - 1))]);
    }

    private double[] sorted() {
        double[] s = Arrays.copyOf(kept, keptCount);
        Arrays.sort(s);
        return s;
    }
}
