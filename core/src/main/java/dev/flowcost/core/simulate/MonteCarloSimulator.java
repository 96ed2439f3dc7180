package dev.flowcost.core.simulate;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded Monte Carlo simulation of a state machine's executions, for the spread the exact analyzer cannot give
 * (p95 transitions, p99 duration). Reproducible: executions are split into fixed chunks of {@value #CHUNK}, each
 * with its own random stream derived from (seed, chunk index), run in parallel on the current ForkJoinPool and
 * merged in chunk order, so the result does not depend on the machine or the number of threads.
 *
 * <p>Model: Task attempts fail with the workload's per-error probabilities and last a fixed mean, or a lognormal
 * with the workload's mean and p95; Retry delays follow backoff (FULL jitter: uniform 0..delay); a Map runs its
 * iterations on the slots {@link dev.flowcost.core.asl.MapState#concurrency} gives and fails if any iteration fails; a
 * Parallel lasts as long as its slowest branch. Maps with more than {@value CompiledMachine#AGGREGATE_ABOVE}
 * iterations are drawn in aggregate (normal totals with the exact per-iteration mean and a pilot-measured
 * variance; duration = waves × iteration mean with CLT noise), so a Map over 10,000 items costs no more than one
 * over 200. Item ranges {mean,min,max} are drawn from a triangular distribution with that mean where it fits.
 */
public final class MonteCarloSimulator {

    static final int CHUNK = 2_048;
    /** Per-execution values are kept for exact percentiles; beyond this the run is cut (with a warning). */
    static final long MAX_EXECUTIONS = 5_000_000L;
    /**
     * Steps (states walked, attempts, iterations not drawn in aggregate) one run may take: a machine whose executions
     * are long by design gets fewer executions (at least {@value #MIN_EXECUTIONS}), with a warning, so a run stays
     * within seconds.
     */
    static final double STEP_BUDGET = 400_000_000;
    static final long MIN_EXECUTIONS = 100;

    private MonteCarloSimulator() {
    }

    public static MonteCarloResult simulate(StateMachine machine, WorkflowWorkload workload, long executions,
                                            long seed) {
        Run run = run(machine, workload, executions, seed);
        ExactResult exact = run.exact();
        List<Diagnostic> diagnostics = run.diagnostics();
        if (run.durations() == null) {
            return new MonteCarloResult(0, seed, Distribution.EMPTY, Distribution.EMPTY, 0, 0, 0, 0, 0, 0,
                    exact.defaultsUsed(), diagnostics);
        }
        int n = run.durations().length;
        double[] transitions = run.transitions();
        double[] durations = run.durations();
        double[][] totals = run.totals();
        double[] sum = new double[6];
        for (double[] t : totals) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += t[i];
            }
        }
        Distribution t = Distribution.of(transitions);
        Distribution d = Distribution.of(durations);
        double sd = Math.sqrt(CompiledMachine.variance(transitions));
        double success = sum[4] / n;
        if (sum[5] > 0) {
            // cut executions would bias every mean low: say so and take the means from the exact analysis
            diagnostics.add(Diagnostic.warning(DiagnosticCode.SIM_LIMITED, "", SourceLocation.UNKNOWN, (long) sum[5] + " of " + n
                    + " simulated executions ran " + ExecutionRun.MAX_STEPS + " steps without ending and were cut;"
                    + " the means shown are the exact analysis's, the percentiles and the spread are lower bounds"));
            t = new Distribution(exact.transitionsPerExecution(), t.p50(), t.p95(), t.p99(), t.max());
            d = new Distribution(exact.expectedDurationSeconds(), d.p50(), d.p95(), d.p99(), d.max());
            success = exact.successProbability();
            sum[0] = exact.standardChildExecutions() * n;
            sum[1] = exact.standardChildTransitions() * n;
            sum[2] = exact.expressChildExecutions() * n;
            sum[3] = exact.expressChildren().stream()
                    .mapToDouble(g -> g.executions() * g.durationSecondsPerChild()).sum() * n;
        }
        return new MonteCarloResult(n, seed, t, d, sd, success, sum[0], sum[1], sum[2],
                sum[3], exact.defaultsUsed(), diagnostics, TailShare.of(durations));
    }

    /**
     * Only the durations' tail of {@link #simulate}: the same executions, seed and durations, without the
     * distributions and sums nothing but the time-limited rules would read (empty when the machine has errors).
     */
    public static TailShare durationTail(StateMachine machine, WorkflowWorkload workload, long executions,
                                         long seed) {
        Run run = run(machine, workload, executions, seed);
        return run.durations() == null ? TailShare.EMPTY : TailShare.owning(run.durations());
    }

    /** The simulated executions (durations null when the exact analysis found errors), with the diagnostics. */
    private record Run(ExactResult exact, List<Diagnostic> diagnostics, double[] transitions, double[] durations,
                       double[][] totals) {
    }

    private static Run run(StateMachine machine, WorkflowWorkload workload, long executions, long seed) {
        if (executions <= 0) {
            throw new IllegalArgumentException("executions must be positive: " + executions);
        }
        ExactResult exact = ExactAnalyzer.analyze(machine, workload);
        List<Diagnostic> diagnostics = new ArrayList<>(exact.diagnostics());
        if (exact.hasErrors()) {
            return new Run(exact, diagnostics, null, null, null);
        }
        if (executions > MAX_EXECUTIONS) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.SIM_LIMITED, "", SourceLocation.UNKNOWN, "simulated " + MAX_EXECUTIONS
                    + " executions, not " + executions + " (the most kept for exact percentiles)"));
            executions = MAX_EXECUTIONS;
        }
        double stepsEach = ExactAnalyzer.simulationSteps(machine, workload);
        long affordable = (long) Math.max(MIN_EXECUTIONS, Math.floor(STEP_BUDGET / Math.max(1, stepsEach)));
        if (executions > affordable) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.SIM_LIMITED, "", SourceLocation.UNKNOWN, "simulated " + affordable
                    + " executions, not " + executions + ": one execution is expected to take "
                    + ExactAnalyzer.fmt(Math.round(stepsEach)) + " steps, and a run stays within "
                    + ExactAnalyzer.fmt(STEP_BUDGET) + " steps"));
            executions = affordable;
        }
        CompiledMachine plan = new CompiledMachine(machine, new ExactAnalyzer(workload), seed);
        int n = (int) executions;
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] transitions = new double[n];
        double[] durations = new double[n];
        double[][] totals = new double[chunks][];
        IntStream.range(0, chunks).parallel().forEach(c -> totals[c] = runChunk(plan, seed, c, n, transitions,
                durations));
        return new Run(exact, diagnostics, transitions, durations, totals);
    }

    /** Runs chunk {@code c}; returns {std child execs, std child transitions, express execs, express seconds, successes, stopped}. */
    private static double[] runChunk(CompiledMachine plan, long seed, int c, int n, double[] transitions,
                                     double[] durations) {
        ExecutionRun run = new ExecutionRun(plan, new SplittableRandom(mix(seed + 0x9E3779B97F4A7C15L * (c + 1L))));
        double successes = 0;
        double stopped = 0;
        int end = Math.min(n, (c + 1) * CHUNK);
        for (int i = c * CHUNK; i < end; i++) {
            run.resetExecution();
            run.parentTransitions = 0;
            int out = run.runScope(plan.top);
            transitions[i] = run.parentTransitions;
            durations[i] = run.lastDuration;
            successes += out < 0 ? 1 : 0;
            stopped += run.stoppedEarly ? 1 : 0;
        }
        return new double[] {run.standardChildExecutions, run.standardChildTransitions, run.expressChildExecutions,
                run.expressChildSeconds, successes, stopped};
    }

    /** A 64-bit finaliser (Stafford's variant 13) so neighbouring chunk indices get unrelated streams. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
