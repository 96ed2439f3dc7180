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
        for (int r = 0; r < rc; r++) {
            max[r] = used[r] ? retriers.get(r).maxAttempts() : 0;
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
