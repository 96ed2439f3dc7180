package dev.flowcost.core.simulate;

import dev.flowcost.core.Diagnostic;
import java.util.List;

/**
 * What a seeded Monte Carlo run of a state machine found: distributions of the Standard-billable transitions and
 * the duration of one execution, and the child executions Distributed Maps started. Same machine, workload, count
 * and seed give the same result on any machine and any number of threads.
 *
 * @param executions                    simulated executions
 * @param seed                          the seed the run used
 * @param transitions                   Standard-billable transitions of the parent execution, per execution
 * @param durationSeconds               duration of one execution in seconds
 * @param transitionsStandardDeviation  sample standard deviation of transitions per execution
 * @param successRate                   share of executions that ended successfully
 * @param standardChildExecutions       STANDARD child executions started, over all executions
 * @param standardChildTransitions      transitions inside STANDARD children, over all executions
 * @param expressChildExecutions        EXPRESS child executions started, over all executions
 * @param expressChildDurationSeconds   summed duration of those EXPRESS children, over all executions
 * @param defaultsUsed                  workload values the simulator assumed
 * @param diagnostics                   problems; with an ERROR nothing was simulated
 * @param durationTail                  every simulated execution's duration, for the share over a time limit
 */
public record MonteCarloResult(long executions, long seed, Distribution transitions, Distribution durationSeconds,
                               double transitionsStandardDeviation, double successRate,
                               double standardChildExecutions, double standardChildTransitions,
                               double expressChildExecutions, double expressChildDurationSeconds,
                               List<String> defaultsUsed, List<Diagnostic> diagnostics, TailShare durationTail) {

    public MonteCarloResult {
        defaultsUsed = List.copyOf(defaultsUsed);
        diagnostics = List.copyOf(diagnostics);
        durationTail = durationTail == null ? TailShare.EMPTY : durationTail;
    }

    /** A result without its executions' durations (every share over a limit reads 0). */
    public MonteCarloResult(long executions, long seed, Distribution transitions, Distribution durationSeconds,
                            double transitionsStandardDeviation, double successRate,
                            double standardChildExecutions, double standardChildTransitions,
                            double expressChildExecutions, double expressChildDurationSeconds,
                            List<String> defaultsUsed, List<Diagnostic> diagnostics) {
        this(executions, seed, transitions, durationSeconds, transitionsStandardDeviation, successRate,
                standardChildExecutions, standardChildTransitions, expressChildExecutions, expressChildDurationSeconds,
                defaultsUsed, diagnostics, TailShare.EMPTY);
    }

    /** The share (0..1) of simulated executions that took longer than {@code seconds}. */
    public double shareOfExecutionsOver(double seconds) {
        return durationTail.shareOver(seconds);
    }

    /** A confidence interval for a mean. */
    public record Interval(double low, double high) {
        public boolean contains(double v) {
            return v >= low && v <= high;
        }
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Standard error of the mean transitions per execution: sd / √executions. */
    public double transitionsStandardError() {
        return executions <= 0 ? 0 : transitionsStandardDeviation / Math.sqrt(executions);
    }

    /** Mean transitions ± z standard errors (z = 1.96 for 95 %). */
    public Interval transitionsMeanInterval(double z) {
        double se = transitionsStandardError();
        return new Interval(transitions.mean() - z * se, transitions.mean() + z * se);
    }

    public double meanStandardChildExecutions() {
        return perExecution(standardChildExecutions);
    }

    public double meanStandardChildTransitions() {
        return perExecution(standardChildTransitions);
    }

    public double meanExpressChildExecutions() {
        return perExecution(expressChildExecutions);
    }

    /** Mean duration of one EXPRESS child execution, in seconds (0 when none ran). */
    public double meanExpressChildDurationSeconds() {
        return expressChildExecutions <= 0 ? 0 : expressChildDurationSeconds / expressChildExecutions;
    }

    private double perExecution(double total) {
        return executions <= 0 ? 0 : total / executions;
    }
}
