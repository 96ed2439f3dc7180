package dev.flowcost.core.simulate;

import dev.flowcost.core.asl.Retrier;
import dev.flowcost.core.simulate.CompiledMachine.Kind;
import dev.flowcost.core.simulate.CompiledMachine.Node;
import dev.flowcost.core.simulate.CompiledMachine.Scope;
import java.util.SplittableRandom;

/**
 * Walks simulated executions of a {@link CompiledMachine} with one random stream, adding up what the bill counts.
 * One instance per chunk of executions and per thread; never shared.
 */
final class ExecutionRun {

    /** An execution stopped after this many state steps counts as failed (guards against near-endless loops). */
    static final long MAX_STEPS = 2_000_000L;
    /** A Task whose one retrier allows more attempts than this has its run of failures drawn at once (geometric). */
    static final int GEOMETRIC_ABOVE = 16;
    /** Up to this many attempts or delays are drawn one by one; beyond, their sum is taken from its moments. */
    private static final int DRAWN_UP_TO = 32;

    private final CompiledMachine plan;
    private final SplittableRandom rng;

    double parentTransitions;
    double standardChildExecutions;
    double standardChildTransitions;
    double expressChildExecutions;
    double expressChildSeconds;
    double lastDuration;
    long steps;
    boolean stoppedEarly;

    ExecutionRun(CompiledMachine plan, SplittableRandom rng) {
        this.plan = plan;
        this.rng = rng;
    }

    void resetExecution() {
        steps = 0;
        stoppedEarly = false;
    }

    double billed(StateCount.Billing billing) {
        switch (billing) {
            case PARENT:
                return parentTransitions;
            case STANDARD_CHILD:
                return standardChildTransitions;
            default:
                return 0;
        }
    }

    private void bill(StateCount.Billing billing, double transitions) {
        if (billing == StateCount.Billing.PARENT) {
            parentTransitions += transitions;
        } else if (billing == StateCount.Billing.STANDARD_CHILD) {
            standardChildTransitions += transitions;
        }
    }

    /** Runs one scope to its end; returns -1 on success or the error id it failed with; duration in {@link #lastDuration}. */
    int runScope(Scope s) {
        return runScope(s, null);
    }

    /**
     * Runs one scope, recording in {@code entries} (when given) the time each of its states is entered and the totals
     * counted before it, so a Parallel can take back what a branch would not have reached once another branch failed.
     */
    private int runScope(Scope s, Entries entries) {
        double time = 0;
        int cur = s.start;
        while (true) {
            if (entries != null && cur > CompiledMachine.END) {
                entries.enter(time, this);
            }
            if (cur == CompiledMachine.END) {
                lastDuration = time;
                return -1;
            }
            if (cur < CompiledMachine.END) {
                lastDuration = time;
                return CompiledMachine.errorOf(cur);
            }
            if (++steps > MAX_STEPS) {
                stoppedEarly = true;
                lastDuration = time;
                return 0;
            }
            Node n = s.nodes[cur];
            switch (n.kind) {
                case CHOICE -> {
                    bill(s.billing, 1);
                    double u = rng.nextDouble();
                    int i = 0;
                    while (u >= n.choiceCum[i]) {
                        i++;
                    }
                    cur = n.choiceTargets[i];
                }
                case WAIT -> {
                    bill(s.billing, 1);
                    time += n.waitSeconds;
                    cur = n.next;
                }
                case FAIL -> {
                    bill(s.billing, 1);
                    cur = CompiledMachine.failCode(n.failError);
                }
                case PASS, SUCCEED -> {
                    bill(s.billing, 1);
                    cur = n.next;
                }
                default -> {
                    cur = withRetries(n, s.billing);
                    time += lastDuration;
                }
            }
        }
    }

    /** Attempts a Task, Map or Parallel until it succeeds, its retries run out, or a Catch takes over. */
    private int withRetries(Node n, StateCount.Billing billing) {
        if (n.kind == Kind.TASK && n.oneRetrier >= 0 && n.retriers[n.oneRetrier].maxAttempts() > GEOMETRIC_ABOVE) {
            return geometricTask(n, billing);
        }
        int[] counters = n.retriers.length == 0 ? null : new int[n.retriers.length];
        double time = 0;
        while (true) {
            int out = attempt(n, billing);
            time += lastDuration;
            if (out < 0) {
                lastDuration = time;
                return n.next;
            }
            if (++steps > MAX_STEPS) {
                stoppedEarly = true;
            }
            int r = n.retrierFor[out];
            if (r >= 0 && counters[r] < n.retriers[r].maxAttempts() && !stoppedEarly) {
                counters[r]++;
                Retrier rt = n.retriers[r];
                double delay = rt.delayBeforeRetrySeconds(counters[r]);
                time += rt.jitterStrategy() == Retrier.JitterStrategy.FULL ? rng.nextDouble() * delay : delay;
                continue;
            }
            lastDuration = time;
            return n.catchFor[out];
        }
    }

    /**
     * A Task whose retried errors all share one retrier: attempts are independent, so the run of retried failures
     * before the first other outcome is geometric (P(k or more) = qᵏ) and is drawn at once, capped by MaxAttempts.
     * MaxAttempts 99,999,999 with failureRate 1 is one draw, not 10⁸ steps.
     */
    private int geometricTask(Node n, StateCount.Billing billing) {
        Retrier rt = n.retriers[n.oneRetrier];
        long max = rt.maxAttempts();
        double q = n.retriedShare;
        double failures; // retried failures before the first other outcome
        if (q <= 0) {
            failures = 0;
        } else if (q >= 1) {
            failures = Double.POSITIVE_INFINITY;
        } else {
            failures = Math.floor(Math.log(1 - rng.nextDouble()) / Math.log(q));
        }
        boolean exhausted = failures > max;
        long retries = exhausted ? max : (long) failures;
        long attempts = retries + 1;
        bill(billing, attempts);
        steps++;
        lastDuration = taskSeconds(n, attempts) + delays(rt, retries);
        int out = exhausted ? pick(n.retriedCum, n.retriedIds, rng.nextDouble())
                : pick(n.restCum, n.restIds, rng.nextDouble());
        return out < 0 ? n.next : n.catchFor[out];
    }

    /** Summed duration of {@code attempts} attempts of a Task (a normal sum of lognormals beyond a few dozen). */
    private double taskSeconds(Node n, long attempts) {
        if (n.sigma <= 0) {
            return attempts * n.meanSeconds;
        }
        if (attempts <= DRAWN_UP_TO) {
            double t = 0;
            for (long i = 0; i < attempts; i++) {
                t += Math.exp(n.mu + n.sigma * rng.nextGaussian());
            }
            return t;
        }
        double sd = n.meanSeconds * Math.sqrt(Math.expm1(n.sigma * n.sigma));
        return Math.max(0, attempts * n.meanSeconds + Math.sqrt(attempts) * sd * rng.nextGaussian());
    }

    /** Summed backoff before retries 1..{@code retries}; FULL jitter drawn per retry, or its mean beyond a few dozen. */
    private double delays(Retrier rt, long retries) {
        if (retries <= DRAWN_UP_TO) {
            double t = 0;
            for (int k = 1; k <= retries; k++) {
                double delay = rt.delayBeforeRetrySeconds(k);
                t += rt.jitterStrategy() == Retrier.JitterStrategy.FULL ? rng.nextDouble() * delay : delay;
            }
            return t;
        }
        return RetryModel.expectedDelay(rt, 1, retries);
    }

    private int attempt(Node n, StateCount.Billing billing) {
        if (n.kind == Kind.TASK) {
            bill(billing, 1);
            lastDuration = n.sigma > 0 ? Math.exp(n.mu + n.sigma * rng.nextGaussian()) : n.meanSeconds;
            return pick(n.errCum, n.errIds, rng.nextDouble());
        }
        if (n.kind == Kind.PARALLEL) {
            return parallelAttempt(n, billing);
        }
        return mapAttempt(n, billing);
    }

    /**
     * A Parallel's branches start together; when one fails, "the entire Parallel state is considered to have failed
     * and all its branches are stopped" (developer guide, Parallel state,
     * https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html). Each branch is walked to its end with
     * the time of every state it enters; then what each branch entered after the first failure is taken back, so
     * only states entered by then are billed. (A state already running then, a Map say, is counted whole.)
     */
    private int parallelAttempt(Node n, StateCount.Billing billing) {
        bill(billing, 1);
        int k = n.branches.length;
        Entries[] entries = new Entries[k];
        double longest = 0;
        double failedAt = Double.POSITIVE_INFINITY;
        int first = -1;
        for (int i = 0; i < k; i++) {
            entries[i] = new Entries();
            int out = runScope(n.branches[i], entries[i]);
            entries[i].end(this);
            longest = Math.max(longest, lastDuration);
            if (out >= 0 && lastDuration < failedAt) {
                failedAt = lastDuration;
                first = i;
            }
        }
        if (first < 0) {
            lastDuration = longest;
            return -1;
        }
        for (int i = 0; i < k; i++) {
            if (i != first) {
                entries[i].takeBackAfter(failedAt, this);
            }
        }
        lastDuration = failedAt;
        return pickError(n);
    }

    /**
     * The totals when each state of one branch was entered, and at its end: what a Parallel may take back. Kept in
     * one flat array ({@value #TOTALS} totals an entry), not an array per state entered.
     */
    private static final class Entries {
        private double[] times = new double[8];
        private double[] totals = new double[8 * TOTALS];
        private int size;
        private final double[] end = new double[TOTALS];

        void enter(double time, ExecutionRun run) {
            if (size == times.length) {
                times = java.util.Arrays.copyOf(times, size * 2);
                totals = java.util.Arrays.copyOf(totals, size * 2 * TOTALS);
            }
            times[size] = time;
            run.totals(totals, size++ * TOTALS);
        }

        void end(ExecutionRun run) {
            run.totals(end, 0);
        }

        /** Takes back from the run what this branch counted from the first state it entered after {@code t}. */
        void takeBackAfter(double t, ExecutionRun run) {
            for (int i = 0; i < size; i++) {
                if (times[i] > t) {
                    run.subtract(end, totals, i * TOTALS);
                    return;
                }
            }
        }
    }

    /** How many totals a Parallel's branch records at each state it enters. */
    private static final int TOTALS = 5;

    /** Copies the totals into {@code into} from {@code at}. */
    private void totals(double[] into, int at) {
        into[at] = parentTransitions;
        into[at + 1] = standardChildExecutions;
        into[at + 2] = standardChildTransitions;
        into[at + 3] = expressChildExecutions;
        into[at + 4] = expressChildSeconds;
    }

    /** Takes {@code to − from} off the totals ({@code from}'s from {@code at}). */
    private void subtract(double[] to, double[] from, int at) {
        parentTransitions -= to[0] - from[at];
        standardChildExecutions -= to[1] - from[at + 1];
        standardChildTransitions -= to[2] - from[at + 2];
        expressChildExecutions -= to[3] - from[at + 3];
        expressChildSeconds -= to[4] - from[at + 4];
    }

    private static int pick(double[] cum, int[] ids, double u) {
        for (int i = 0; i < cum.length; i++) {
            if (u < cum[i]) {
                return ids[i];
            }
        }
        return -1;
    }

    private int pickError(Node n) {
        int e = pick(n.innerErrCum, n.innerErrIds, rng.nextDouble());
        return e >= 0 ? e : (n.innerErrIds.length > 0 ? n.innerErrIds[n.innerErrIds.length - 1] : 0);
    }

    private long drawItems(Node n) {
        long lo = n.items.min();
        long hi = n.items.max();
        if (lo == hi) {
            return lo;
        }
        double mean = n.items.mean();
        double mode = Math.max(lo, Math.min(hi, 3 * mean - lo - hi));
        double u = rng.nextDouble();
        double f = (mode - lo) / (hi - lo);
        double x = u < f ? lo + Math.sqrt(u * (hi - lo) * (mode - lo))
                : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
        long whole = (long) Math.floor(x);
        return whole + (rng.nextDouble() < x - whole ? 1 : 0);
    }

    /**
     * One attempt of a Map. Children (iterations) start in order, at most MaxConcurrency at a time; once more have
     * failed than the Map tolerates (none for an inline Map or a Distributed Map without a threshold) the Map fails at
     * that child's end and no further child starts: the children never started are never billed, and a Distributed
     * Map bills one parent transition per child started (API reference, MapRunExecutionCounts: children "stopped by
     * Step Functions because the Map Run failed"). A child still running then is counted whole.
     */
    private int mapAttempt(Node n, StateCount.Billing billing) {
        long items = drawItems(n);
        double runs = ExactAnalyzer.childRuns(n.map, items);
        bill(billing, 1);
        StateCount.Billing ib = n.inner.billing;
        long allowed = n.tolerant ? FailureTolerance.allowedFailedChildren(n.map, items, runs) : 0;
        if (runs > CompiledMachine.AGGREGATE_ABOVE) {
            return aggregated(n, billing, allowed, runs, ib);
        }
        int k = (int) runs;
        int failedWith = -1;
        double[] slots = k > n.concurrency ? new double[n.concurrency] : null;
        java.util.PriorityQueue<Double> earliestFailures = new java.util.PriorityQueue<>(java.util.Comparator.reverseOrder());
        double failedAt = Double.POSITIVE_INFINITY;
        double longest = 0;
        for (int i = 0; i < k; i++) {
            int best = 0;
            if (slots != null) {
                for (int j = 1; j < slots.length; j++) {
                    if (slots[j] < slots[best]) {
                        best = j;
                    }
                }
            }
            double startAt = slots == null ? 0 : slots[best];
            if (slots != null && startAt >= failedAt) {
                break; // the Map has failed: no further child starts
            }
            if (n.distributed) {
                bill(billing, 1);
            }
            int out = runScope(n.inner);
            double end = startAt + lastDuration;
            countChild(n, ib, lastDuration);
            if (slots != null) {
                slots[best] = end;
            }
            longest = Math.max(longest, end);
            if (out >= 0) {
                if (failedWith < 0) {
                    failedWith = out;
                }
                earliestFailures.add(end);
                if (earliestFailures.size() > allowed + 1) {
                    earliestFailures.poll();
                }
                if (earliestFailures.size() == allowed + 1) {
                    failedAt = earliestFailures.peek();
                }
            }
        }
        boolean failed = failedAt < Double.POSITIVE_INFINITY;
        lastDuration = failed ? failedAt : longest;
        if (!failed) {
            return -1;
        }
        return n.tolerant ? pickError(n) : failedWith;
    }

    /** One Distributed Map child finished: count it by its execution type. Inline iterations are no executions. */
    private void countChild(Node n, StateCount.Billing ib, double seconds) {
        if (!n.distributed) {
            return;
        }
        if (ib == StateCount.Billing.STANDARD_CHILD) {
            standardChildExecutions += 1;
        } else {
            expressChildExecutions += 1;
            expressChildSeconds += seconds;
        }
    }

    /**
     * Many iterations at once, by the central limit theorem: totals are normal with the exact per-iteration mean
     * (from the exact analyzer) and the pilot's per-iteration variance. Where the children fail, the position of the
     * failure that fails the Map is drawn (geometric for the first; normal about (allowed + 1) / q beyond), and the
     * children started are that many plus the MaxConcurrency − 1 already running beside it.
     */
    private int aggregated(Node n, StateCount.Billing billing, long allowed, double runs, StateCount.Billing ib) {
        ExactAnalyzer.Scope m = n.innerMean;
        double q = 1 - Math.max(0, Math.min(1, m.success));
        double failingChild = Double.POSITIVE_INFINITY; // 1-based position, in start order, of the failure that fails the Map
        if (q >= 1) {
            failingChild = allowed + 1;
        } else if (q > 0) {
            if (allowed == 0) {
                failingChild = Math.floor(Math.log(1 - rng.nextDouble()) / Math.log1p(-q)) + 1;
            } else {
                double mean = (allowed + 1) / q;
                double sd = Math.sqrt((allowed + 1) * (1 - q)) / q;
                failingChild = Math.max(allowed + 1, Math.rint(mean + sd * rng.nextGaussian()));
            }
        }
        boolean failed = failingChild <= runs;
        double started = failed ? Math.min(runs, failingChild + n.concurrency - 1) : runs;
        if (n.distributed) {
            bill(billing, started);
        }
        double t = started * m.transitions + Math.sqrt(started * n.innerTransitionVariance) * rng.nextGaussian();
        bill(ib, Math.max(0, t));
        standardChildExecutions += started * m.stdChildExecs;
        standardChildTransitions += started * m.stdChildTransitions;
        expressChildExecutions += started * n.innerExpressExecs;
        expressChildSeconds += started * n.innerExpressSeconds;
        double waves = ExactAnalyzer.waves(started, n.concurrency);
        double wave = Math.max(0, waves * m.duration + Math.sqrt(waves * n.innerDurationVariance) * rng.nextGaussian());
        if (n.distributed) {
            if (ib == StateCount.Billing.STANDARD_CHILD) {
                standardChildExecutions += started;
            } else {
                expressChildExecutions += started;
                expressChildSeconds += Math.max(0, started * m.duration
                        + Math.sqrt(started * n.innerDurationVariance) * rng.nextGaussian());
            }
        }
        lastDuration = wave;
        return failed ? pickError(n) : -1;
    }
}
