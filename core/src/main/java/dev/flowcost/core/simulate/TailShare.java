package dev.flowcost.core.simulate;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The simulated durations of one execution (or one iteration) kept sorted, so a rule bounded by a time limit can
 * ask what share of executions would pass it: Express stops an execution at 5 minutes and Lambda an invocation at
 * 15, so a mean well under the limit still fails the executions in the tail. Also gives the durations of sums of
 * {@code k} independent runs (a batch of {@code k} iterations in one child, a chunk of items in one invocation).
 * A tail may be {@linkplain #lazy lazy}: simulated the first time a rule asks, so a workflow no time limit is checked
 * on is never simulated (the answers are the same either way).
 */
public final class TailShare {

    /** No simulated durations: every share is 0. */
    public static final TailShare EMPTY = new TailShare(new double[0]);

    /** Draws of a sum's distribution when it is resampled. */
    static final int SUM_DRAWS = 8_192;
    /** Above this many terms a sum is drawn from the normal law with the sample's mean and variance (CLT). */
    static final int CLT_TERMS = 64;

    /** The durations, sorted unless they have only been counted so far (a simulation's or a {@link #sumOf}'s). */
    private double[] sorted;
    private boolean isSorted;
    /** What gives the durations of a lazy tail not asked yet (then {@link #sorted} is empty); null once known. */
    private Supplier<TailShare> pending;

    private TailShare(double[] sorted) {
        this.sorted = sorted;
        this.isSorted = true;
    }

    /**
     * A tail whose durations {@code simulate} gives the first time any answer needs them (called once, then
     * dropped): the same answers as {@code simulate.get()}'s, without the simulation when nothing asks.
     */
    public static TailShare lazy(Supplier<TailShare> simulate) {
        TailShare t = new TailShare(new double[0]);
        t.pending = simulate;
        return t;
    }

    /** The durations as kept (simulating a lazy tail first), sorted or not. */
    private synchronized double[] values() {
        if (pending != null) {
            TailShare known = pending.get();
            pending = null;
            double[] values = known.values();
            synchronized (known) {
                sorted = values;
                isSorted = known.isSorted;
            }
        }
        return sorted;
    }

    /** A copy of the durations as kept: in the order drawn until an answer sorted them (for tests). */
    double[] kept() {
        return values().clone();
    }

    /**
     * The tail of {@code values} (owned, not copied), sorted the first time an answer needs their order: a whole
     * execution's tail and a sum's are mostly asked one count (is this limit passed?), which one pass over the
     * values answers without sorting them.
     */
    static TailShare owning(double[] values) {
        TailShare t = new TailShare(values);
        t.isSorted = false;
        return t;
    }

    /** The durations in order (sorting them the first time): what every answer but a count reads. */
    private synchronized double[] sorted() {
        values();
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
        return values().length;
    }

    /** How many simulated runs took longer than {@code seconds}. */
    public long countOver(double seconds) {
        double[] sorted;
        synchronized (this) {
            values();
            if (!isSorted) {
                // a tail is often asked once (is this limit passed?): counting is cheaper than sorting, and gives
                // the same count
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
        int size = size();
        return size == 0 ? 0 : (double) countOver(seconds) / size;
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
     * Common random numbers: draw {@code d} of every sum resamples the same stream of runs (seeded by
     * {@code (seed, d)}) and adds its first {@code terms}, and every normal sum takes the same standard normal draw
     * {@code d}; so in each draw a sum of more runs is never shorter, the share over a limit grows with the terms
     * (the searches for the largest batch within a limit rely on it), and one pass answers a limit for every size.
     */
    public TailShare sumOf(long terms, long seed) {
        double[] sorted = sorted();
        if (terms <= 1 || sorted.length == 0) {
            return this;
        }
        double[] sums = new double[SUM_DRAWS];
        if (terms <= CLT_TERMS) {
            for (int d = 0; d < SUM_DRAWS; d++) {
                Draw draw = new Draw(seed, d);
                double sum = 0;
                for (long t = 0; t < terms; t++) {
                    sum += sorted[draw.index(sorted.length)];
                }
                sums[d] = sum;
            }
        } else {
            Sums table = sums(seed);
            double m = terms * table.mean;
            double sd = Math.sqrt(terms * table.variance);
            for (int d = 0; d < SUM_DRAWS; d++) {
                sums[d] = normalSum(m, sd, table.gaussians[d]);
            }
        }
        return owning(sums);
    }

    /** How many durations {@link #sumOf sumOf(terms, seed)} holds: {@value #SUM_DRAWS}, or this tail's own size. */
    public int sumSize(long terms) {
        int size = size();
        return terms <= 1 || size == 0 ? size : SUM_DRAWS;
    }

    /**
     * {@code sumOf(terms, seed).countOver(seconds)}, without keeping the draws: the first time a limit is asked, one
     * pass over the draws notes at how many runs each first passes it (so every later size is a sum of counts).
     */
    public long sumCountOver(long terms, long seed, double seconds) {
        double[] sorted = sorted();
        if (terms <= 1 || sorted.length == 0) {
            return countOver(seconds);
        }
        Sums table = sums(seed);
        if (terms > CLT_TERMS) {
            double m = terms * table.mean;
            double sd = Math.sqrt(terms * table.variance);
            long over = 0;
            for (double g : table.gaussians) {
                over += normalSum(m, sd, g) > seconds ? 1 : 0;
            }
            return over;
        }
        if (sorted[0] < 0) {
            return sumOf(terms, seed).countOver(seconds); // sums of negative runs are not monotone: count them
        }
        long[] firstOver = table.firstOver.computeIfAbsent(seconds, limit -> firstOver(sorted, seed, limit));
        long over = 0;
        for (int t = 1; t <= terms; t++) {
            over += firstOver[t];
        }
        return over;
    }

    /** For each number of runs 1..{@value #CLT_TERMS}, the draws whose running sum first passes {@code seconds} there. */
    private static long[] firstOver(double[] sorted, long seed, double seconds) {
        long[] firstOver = new long[CLT_TERMS + 1];
        // a draw whose sum cannot pass the limit even if every run left were the longest is done: each draw has
        // its own stream, so stopping one early changes no other (the margin covers the rounding of ≤ 64 additions)
        double longest = sorted[sorted.length - 1] * (1 + 1e-9);
        if (CLT_TERMS * longest < seconds) {
            return firstOver;
        }
        for (int d = 0; d < SUM_DRAWS; d++) {
            Draw draw = new Draw(seed, d);
            double sum = 0;
            for (int t = 1; t <= CLT_TERMS; t++) {
                sum += sorted[draw.index(sorted.length)];
                if (sum > seconds) {
                    firstOver[t]++;
                    break;
                }
                if (sum * (1 + 1e-9) + (CLT_TERMS - t) * longest < seconds) {
                    break;
                }
            }
        }
        return firstOver;
    }

    private static double normalSum(double mean, double sd, double gaussian) {
        return Math.max(0, mean + sd * gaussian);
    }

    /**
     * Draw {@code d}'s stream of runs: SplitMix64 from {@code (seed, d)}, each run picked uniformly by Lemire's
     * multiply-and-shift with rejection (unbiased, and a division only in the rare rejection case: these picks are
     * most of the time a Map's batch search takes).
     */
    static final class Draw {
        private long state;

        Draw(long seed, int d) {
            state = MonteCarloSimulator.mix(seed + 0x9E3779B97F4A7C15L * (d + 1L));
        }

        /** A uniform index in 0..n-1 (n ≥ 1). */
        int index(int n) {
            long m = next32() * n;
            long low = m & 0xFFFFFFFFL;
            if (low < n) {
                long threshold = (0x1_0000_0000L - n) % n;
                while (low < threshold) {
                    m = next32() * n;
                    low = m & 0xFFFFFFFFL;
                }
            }
            return (int) (m >>> 32);
        }

        private long next32() {
            state += 0x9E3779B97F4A7C15L;
            return MonteCarloSimulator.mix(state) >>> 32;
        }
    }

    /** What every sum drawn with one seed shares: the moments, the normal draws and each limit's first passes. */
    private static final class Sums {
        final long seed;
        final double mean;
        final double variance;
        final double[] gaussians = new double[SUM_DRAWS];
        final Map<Double, long[]> firstOver = new ConcurrentHashMap<>();

        Sums(double[] sorted, double mean, long seed) {
            this.seed = seed;
            this.mean = mean;
            double var = 0;
            for (double v : sorted) {
                var += (v - mean) * (v - mean);
            }
            this.variance = sorted.length > 1 ? var / (sorted.length - 1) : 0;
            SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
            for (int d = 0; d < SUM_DRAWS; d++) {
                gaussians[d] = gaussian(random);
            }
        }
    }

    private Sums sums; // the table of the last seed asked (a workflow's rules all ask with its one seed)

    private synchronized Sums sums(long seed) {
        if (sums == null || sums.seed != seed) {
            sums = new Sums(sorted(), mean(), seed);
        }
        return sums;
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
