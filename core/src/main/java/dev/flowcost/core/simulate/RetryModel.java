package dev.flowcost.core.simulate;

import dev.flowcost.core.asl.Retrier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected attempts and outcomes of one entry into a state with Retry rules, when each attempt fails
 * independently with fixed probabilities per error name. Each retrier keeps its own counter, as the ASL
 * specification says, so the model walks every combination of retrier counters once (dynamic programming from
 * the most-used counters back to the first attempt): no sampling, no recursion.
 */
final class RetryModel {

    /** Upper bound on counter combinations; beyond it the largest MaxAttempts are cut (a probability far below 1e-9 in practice). */
    private static final long MAX_CELLS = 1_000_000L;

    private RetryModel() {
    }

    /**
     * @param attempts      expected attempts (1 + expected retries)
     * @param success       probability the state finally succeeds
     * @param failures      probability the state finally fails, per error name (retries exhausted or none matched)
     * @param delaySeconds  expected total backoff delay (FULL jitter counts half the delay)
     */
    record Outcome(double attempts, double success, Map<String, Double> failures, double delaySeconds) {
    }

    static Outcome of(Map<String, Double> failurePerAttempt, List<Retrier> retriers) {
        return of(failurePerAttempt, retriers, true);
    }

    /** @param closedForm whether one shared retrier is summed in closed form (false: always walk the counters) */
    static Outcome of(Map<String, Double> failurePerAttempt, List<Retrier> retriers, boolean closedForm) {
        List<String> errors = new ArrayList<>();
        List<Double> probs = new ArrayList<>();
        double fail = 0;
        for (Map.Entry<String, Double> e : failurePerAttempt.entrySet()) {
            if (e.getValue() > 0) {
                errors.add(e.getKey());
                probs.add(e.getValue());
                fail += e.getValue();
            }
        }
        double success = Math.max(0, 1 - fail);
        if (errors.isEmpty()) {
            return new Outcome(1, 1, Map.of(), 0);
        }
        int m = errors.size();
        int[] retrierOf = new int[m];
        for (int i = 0; i < m; i++) {
            retrierOf[i] = -1;
            for (int r = 0; r < retriers.size(); r++) {
                if (retriers.get(r).matches(errors.get(i))) {
                    retrierOf[i] = retriers.get(r).maxAttempts() > 0 ? r : -1;
                    break;
                }
            }
        }
        int rc = retriers.size();
        int[] max = new int[rc];
        boolean[] used = new boolean[rc];
        for (int i = 0; i < m; i++) {
            if (retrierOf[i] >= 0) {
                used[retrierOf[i]] = true;
            }
        }
        int usedCount = 0;
        int only = -1;
        for (int r = 0; r < rc; r++) {
            max[r] = used[r] ? retriers.get(r).maxAttempts() : 0;
            if (used[r]) {
                usedCount++;
                only = r;
            }
        }
        if (closedForm && usedCount <= 1) {
            return oneRetrier(errors, probs, retrierOf, success, only < 0 ? null : retriers.get(only));
        }
        long cells = cells(max);
        while (cells > MAX_CELLS) {
            int big = 0;
            for (int r = 1; r < rc; r++) {
                if (max[r] > max[big]) {
                    big = r;
                }
            }
            max[big] = Math.max(1, max[big] / 2);
            cells = cells(max);
        }
        int size = (int) cells;
        int[] stride = new int[rc];
        int s = 1;
        for (int r = 0; r < rc; r++) {
            stride[r] = s;
            s *= max[r] + 1;
        }
        double[] att = new double[size];
        double[] succ = new double[size];
        double[] delay = new double[size];
        double[][] failOut = new double[m][size];
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
            p[i] = probs.get(i);
        }
        for (int idx = size - 1; idx >= 0; idx--) {
            double a = 1;
            double sc = success;
            double d = 0;
            for (int i = 0; i < m; i++) {
                int r = retrierOf[i];
                int counter = r < 0 ? 0 : (idx / stride[r]) % (max[r] + 1);
                if (r >= 0 && counter < max[r]) {
                    int nx = idx + stride[r];
                    a += p[i] * att[nx];
                    sc += p[i] * succ[nx];
                    Retrier rt = retriers.get(r);
                    double wait = rt.delayBeforeRetrySeconds(counter + 1);
                    if (rt.jitterStrategy() == Retrier.JitterStrategy.FULL) {
                        wait /= 2;
                    }
                    d += p[i] * (wait + delay[nx]);
                    for (int j = 0; j < m; j++) {
                        failOut[j][idx] += p[i] * failOut[j][nx];
                    }
                } else {
                    failOut[i][idx] += p[i];
                }
            }
            att[idx] = a;
            succ[idx] = sc;
            delay[idx] = d;
        }
        Map<String, Double> failures = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            failures.merge(errors.get(i), failOut[i][0], Double::sum);
        }
        return new Outcome(att[0], succ[0], failures, delay[0]);
    }

    /**
     * The common case, in closed form: every retried error shares one retrier with MaxAttempts M, so attempt k + 1
     * happens with probability qᵏ (q: the retried errors' share), up to k = M. Geometric sums, not a walk: MaxAttempts
     * 99,999,999 (the ASL maximum) costs as much as 1. A backoff that grows without a MaxDelaySeconds may sum to
     * infinity; the analyzer refuses that at its boundary.
     */
    static Outcome oneRetrier(List<String> errors, List<Double> probs, int[] retrierOf, double success, Retrier r) {
        double q = 0;
        for (int i = 0; i < errors.size(); i++) {
            q += retrierOf[i] >= 0 ? probs.get(i) : 0;
        }
        q = Math.min(1, q);
        long max = r == null ? 0 : r.maxAttempts();
        double attempts = geometricSum(q, max + 1); // Σ_{k=0}^{M} q^k
        double last = max == 0 ? 1 : (q >= 1 ? 1 : Math.pow(q, max)); // probability attempt M + 1 happens
        Map<String, Double> failures = new LinkedHashMap<>();
        for (int i = 0; i < errors.size(); i++) {
            double f = retrierOf[i] >= 0 ? probs.get(i) * last : probs.get(i) * attempts;
            failures.merge(errors.get(i), f, Double::sum);
        }
        double delay = r == null || max == 0 ? 0 : expectedDelay(r, q, max);
        return new Outcome(attempts, Math.min(1, success * attempts), failures, delay);
    }

    /** Σ_{k=1}^{M} qᵏ · delay(k), delay(k) = min(interval · rate^(k−1), MaxDelaySeconds); FULL jitter halves it. */
    static double expectedDelay(Retrier r, double q, long max) {
        double interval = r.intervalSeconds();
        double rate = Math.max(1, r.backoffRate());
        double cap = r.maxDelaySeconds().orElse(Double.POSITIVE_INFINITY);
        long growing; // retries 1..growing below the cap: interval · rate^(k−1)
        if (interval >= cap) {
            growing = 0;
        } else if (!Double.isFinite(cap) || rate == 1) {
            growing = max;
        } else {
            growing = Math.min(max, (long) Math.ceil(Math.log(cap / interval) / Math.log(rate)));
            while (growing > 0 && interval * Math.pow(rate, growing - 1) >= cap) {
                growing--;
            }
            while (growing < max && interval * Math.pow(rate, growing) < cap) {
                growing++;
            }
        }
        double d = growing == 0 ? 0 : interval * q * geometricSum(q * rate, growing);
        if (growing < max) {
            d += cap * Math.pow(q, growing + 1) * geometricSum(q, max - growing);
        }
        if (r.jitterStrategy() == Retrier.JitterStrategy.FULL) {
            d /= 2;
        }
        return d;
    }

    /** 1 + x + x² + … + x^(terms−1); may be infinite when x > 1. */
    static double geometricSum(double x, long terms) {
        if (terms <= 0) {
            return 0;
        }
        if (x == 1) {
            return terms;
        }
        if (x < 1 && terms > 1e6 && Math.pow(x, terms) < 1e-300) {
            return 1 / (1 - x);
        }
        return (1 - Math.pow(x, terms)) / (1 - x);
    }

    private static long cells(int[] max) {
        long c = 1;
        for (int v : max) {
            c *= v + 1L;
            if (c > Long.MAX_VALUE / 4) {
                return c;
            }
        }
        return c;
    }
}
