package dev.flowcost.core.simulate;

import java.util.List;

/**
 * What a Parallel bills when a branch fails: "the entire Parallel state is considered to have failed and all its
 * branches are stopped" (developer guide, Parallel state, https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html),
 * so the states the other branches have not entered by then are never billed. The Monte Carlo engine follows each
 * branch's clock; the exact analysis takes the expectation with a stated approximation, because branch durations
 * overlap: a failing branch fails at its mean duration D_i, it is branch i with weight (1 − s_i) / Σ(1 − s_k), and
 * branch j's T_j transitions are entered evenly over its mean duration D_j, so by then it has entered
 * min(T_j, 1 + T_j · D_i / D_j) of them (all of them when D_j is 0).
 */
final class ParallelStop {

    private ParallelStop() {
    }

    /** Per branch, the expected share of its counts one attempt of the Parallel bills. */
    static double[] reachedShares(List<ExactAnalyzer.Scope> branches) {
        int k = branches.size();
        double[] share = new double[k];
        double allSucceed = 1;
        double failureSum = 0;
        for (ExactAnalyzer.Scope b : branches) {
            allSucceed *= clamp(b.success);
            failureSum += 1 - clamp(b.success);
        }
        for (int j = 0; j < k; j++) {
            double whenFailed = 0;
            if (failureSum > 0) {
                for (int i = 0; i < k; i++) {
                    double w = (1 - clamp(branches.get(i).success)) / failureSum;
                    whenFailed += w * (i == j ? 1 : reached(branches.get(j), branches.get(i).duration));
                }
            }
            share[j] = allSucceed + (1 - allSucceed) * whenFailed;
        }
        return share;
    }

    /** Expected duration of one attempt: the longest branch when all succeed, else the failing branch's. */
    static double expectedDuration(List<ExactAnalyzer.Scope> branches, double longest) {
        double allSucceed = 1;
        double failureSum = 0;
        double failingDuration = 0;
        for (ExactAnalyzer.Scope b : branches) {
            allSucceed *= clamp(b.success);
            failureSum += 1 - clamp(b.success);
            failingDuration += (1 - clamp(b.success)) * b.duration;
        }
        return failureSum <= 0 ? longest : allSucceed * longest + (1 - allSucceed) * failingDuration / failureSum;
    }

    /** The share of branch {@code b}'s transitions entered within {@code seconds} of its start. */
    static double reached(ExactAnalyzer.Scope b, double seconds) {
        if (b.duration <= 0 || b.transitions <= 0) {
            return 1;
        }
        return Math.min(1, (1 + b.transitions * seconds / b.duration) / b.transitions);
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
