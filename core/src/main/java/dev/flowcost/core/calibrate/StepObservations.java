package dev.flowcost.core.calibrate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the records say of one state (by path) or task, summed over every execution read: how often it was entered,
 * each attempt and how it ended, per error name and attempt number, how long attempts took, how many items its Map
 * executions saw, and which way its Choice went. Mutable while records are read, then turned into workload values.
 */
public final class StepObservations {
    private final String path;
    private final String type;
    long entries;
    long attempts;
    long[] attemptsByNumber = new long[4];
    final Map<String, long[]> failuresByErrorAndAttempt = new TreeMap<>();
    final Map<String, Long> failuresByError = new TreeMap<>();
    final SampleStats duration = new SampleStats();
    final SampleStats items = new SampleStats();
    final SampleStats children = new SampleStats();
    final SampleStats queueWait = new SampleStats();
    final Map<String, Long> branches = new LinkedHashMap<>();
    long mapRuns;
    long branchDecisions;

    StepObservations(String path, String type) {
        this.path = path;
        this.type = type;
    }

    public String path() {
        return path;
    }

    /** The ASL state type ("Task", "Map", ...) or "AirflowTask". */
    public String type() {
        return type;
    }

    public long entries() {
        return entries;
    }

    public long attempts() {
        return attempts;
    }

    public long retries() {
        return Math.max(0, attempts - entries);
    }

    public Map<String, Long> failuresByError() {
        return java.util.Collections.unmodifiableMap(failuresByError);
    }

    /** Failures with {@code error} at attempt {@code n} (1-based) over attempts made with that number. */
    public double failureRateAtAttempt(String error, int n) {
        long[] f = failuresByErrorAndAttempt.get(error);
        if (f == null || n < 1 || n > attemptsByNumber.length || attemptsByNumber[n - 1] == 0) {
            return 0;
        }
        return n - 1 < f.length ? (double) f[n - 1] / attemptsByNumber[n - 1] : 0;
    }

    /** Highest attempt number seen. */
    public int maxAttempt() {
        for (int i = attemptsByNumber.length; i > 0; i--) {
            if (attemptsByNumber[i - 1] > 0) {
                return i;
            }
        }
        return 0;
    }

    public SampleStats duration() {
        return duration;
    }

    public SampleStats items() {
        return items;
    }

    public SampleStats children() {
        return children;
    }

    public SampleStats queueWait() {
        return queueWait;
    }

    public Map<String, Long> branches() {
        return java.util.Collections.unmodifiableMap(branches);
    }

    public long branchDecisions() {
        return branchDecisions;
    }

    public long mapRuns() {
        return mapRuns;
    }

    void attempt(int number) {
        attempts++;
        if (number > attemptsByNumber.length) {
            attemptsByNumber = Arrays.copyOf(attemptsByNumber, Math.max(number, attemptsByNumber.length * 2));
        }
        attemptsByNumber[number - 1]++;
    }

    void failure(String error, int number) {
        failuresByError.merge(error, 1L, Long::sum);
        long[] f = failuresByErrorAndAttempt.computeIfAbsent(error, k -> new long[Math.max(4, number)]);
        if (number > f.length) {
            f = Arrays.copyOf(f, Math.max(number, f.length * 2));
            failuresByErrorAndAttempt.put(error, f);
        }
        f[number - 1]++;
    }

    void branch(String key) {
        branches.merge(key, 1L, Long::sum);
        branchDecisions++;
    }
}
