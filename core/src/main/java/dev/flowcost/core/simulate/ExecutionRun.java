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
        double time = 0;
        int cur = s.start;
        while (true) {
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
            bill(billing, 1);
            double longest = 0;
            boolean failed = false;
            for (Scope b : n.branches) {
                failed |= runScope(b) >= 0;
                longest = Math.max(longest, lastDuration);
            }
            lastDuration = longest;
            return failed ? pickError(n) : -1;
        }
        return mapAttempt(n, billing);
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

    private int mapAttempt(Node n, StateCount.Billing billing) {
        long items = drawItems(n);
        double runs = ExactAnalyzer.childRuns(n.map, items);
        bill(billing, 1 + (n.distributed ? runs : 0));
        StateCount.Billing ib = n.inner.billing;
        if (runs > CompiledMachine.AGGREGATE_ABOVE) {
            return aggregated(n, items, runs, ib);
        }
        int k = (int) runs;
        int failedWith = -1;
        long failedChildren = 0;
        double[] slots = k > n.concurrency ? new double[n.concurrency] : null;
        double longest = 0;
        for (int i = 0; i < k; i++) {
            int out = runScope(n.inner);
            double d = lastDuration;
            if (out >= 0 && failedWith < 0) {
                failedWith = out;
            }
            failedChildren += out >= 0 ? 1 : 0;
            countChild(n, ib, d);
            if (slots == null) {
                longest = Math.max(longest, d);
            } else {
                int best = 0;
                for (int j = 1; j < slots.length; j++) {
                    if (slots[j] < slots[best]) {
                        best = j;
                    }
                }
                slots[best] += d;
                longest = Math.max(longest, slots[best]);
            }
            if (n.sequential && out >= 0) {
                break; // one at a time: the first failure fails the Map before the next iteration starts
            }
        }
        lastDuration = longest;
        if (n.tolerant) {
            return failedChildren > FailureTolerance.allowedFailedChildren(n.map, items, runs) ? pickError(n) : -1;
        }
        return failedWith;
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
     * (from the exact analyzer) and the pilot's per-iteration variance; the attempt fails with 1 − success^runs.
     */
    private int aggregated(Node n, long items, double runs, StateCount.Billing ib) {
        ExactAnalyzer.Scope m = n.innerMean;
        boolean stopped = false;
        if (n.sequential && m.success < 1) {
            // iterations in order until the first failure: successes before it are geometric
            double before = m.success <= 0 ? 0
                    : Math.floor(Math.log(1 - rng.nextDouble()) / Math.log(m.success));
            if (before < runs) {
                runs = before + 1;
                stopped = true;
            }
        }
        double t = runs * m.transitions + Math.sqrt(runs * n.innerTransitionVariance) * rng.nextGaussian();
        bill(ib, Math.max(0, t));
        standardChildExecutions += runs * m.stdChildExecs;
        standardChildTransitions += runs * m.stdChildTransitions;
        expressChildExecutions += runs * n.innerExpressExecs;
        expressChildSeconds += runs * n.innerExpressSeconds;
        double waves = ExactAnalyzer.waves(runs, n.concurrency);
        double wave = Math.max(0, waves * m.duration + Math.sqrt(waves * n.innerDurationVariance) * rng.nextGaussian());
        if (n.distributed) {
            if (ib == StateCount.Billing.STANDARD_CHILD) {
                standardChildExecutions += runs;
            } else {
                expressChildExecutions += runs;
                expressChildSeconds += Math.max(0, runs * m.duration
                        + Math.sqrt(runs * n.innerDurationVariance) * rng.nextGaussian());
            }
        }
        lastDuration = wave;
        if (n.sequential) {
            return stopped ? pickError(n) : -1;
        }
        double success = n.tolerant
                ? 1 - FailureTolerance.failureProbability(1 - m.success, runs,
                        FailureTolerance.allowedFailedChildren(n.map, items, runs))
                : Math.pow(Math.max(0, Math.min(1, m.success)), runs);
        return rng.nextDouble() < success ? -1 : pickError(n);
    }
}
