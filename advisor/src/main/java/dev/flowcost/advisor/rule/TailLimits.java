package dev.flowcost.advisor.rule;

import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.count.MachineCounts;
import dev.flowcost.core.simulate.TailShare;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated duration tails the time-limited rules check: a limit is judged on the share of executions (or
 * batches, or chunks) that would pass it, not on a mean. Above {@value #BLOCKER_SHARE} (0.1 %) the share is a
 * blocker of the finding; above {@value #STOP_SHARE} (1 %) the rule gives no finding. Computed once per workflow with
 * the seeded Monte Carlo simulator (the whole execution, and one iteration of each Map's item processor run on its
 * own), so the same input gives the same advice.
 */
public final class TailLimits {

    /** A share of runs over a limit above this is a blocker (0.1 %). */
    public static final double BLOCKER_SHARE = 0.001;
    /** A share of runs over a limit above this stops the finding (1 %). */
    public static final double STOP_SHARE = 0.01;
    /** Executions simulated per workflow (and iterations per Map), by the counting stage. */
    public static final long EXECUTIONS = dev.flowcost.core.count.Counting.TAIL_EXECUTIONS;

    private final TailShare executions;
    private final Map<String, TailShare> iterations;
    private final long seed;

    private TailLimits(TailShare executions, Map<String, TailShare> iterations, long seed) {
        this.executions = executions;
        this.iterations = Map.copyOf(iterations);
        this.seed = seed;
    }

    /** No simulated durations: every check reads "not simulated" and passes. */
    public static TailLimits none() {
        return new TailLimits(TailShare.EMPTY, Map.of(), 0);
    }

    /** The tails the counting stage simulated for one machine (none when it could not simulate them). */
    public static TailLimits of(MachineCounts counts) {
        if (counts.simulated() == 0) {
            return none();
        }
        return new TailLimits(counts.executions(), counts.iterations(), counts.seed());
    }

    /** The share of executions over {@code limitSeconds}. */
    public Check executionsOver(double limitSeconds, String limit) {
        return new Check("executions", executions.size(), executions.shareOver(limitSeconds), limitSeconds, limit);
    }

    /**
     * The share of runs of {@code terms} iterations of the Map at {@code mapPath} in a row over {@code limitSeconds}
     * (common random numbers across sizes, {@link TailShare#sumOf}: the share grows with the terms).
     */
    public Check iterationsOver(String mapPath, long terms, double limitSeconds, String what, String limit) {
        TailShare one = iterations.getOrDefault(mapPath, TailShare.EMPTY);
        int size = one.sumSize(terms);
        long over = one.sumCountOver(terms, seed, limitSeconds);
        return new Check(what, size, size == 0 ? 0 : (double) over / size, limitSeconds, limit);
    }

    /**
     * The verdict on one limit.
     *
     * @param what         what is counted ("executions", "batches of 40 items")
     * @param simulated    how many runs the share is over (0: not simulated, the check passes)
     * @param share        the share (0..1) of runs over the limit
     * @param limitSeconds the limit
     * @param limit        the limit's name ("Express's 5-minute limit")
     */
    public record Check(String what, int simulated, double share, double limitSeconds, String limit) {

        /** Over 1 %: the finding is not given. */
        public boolean stops() {
            return share > STOP_SHARE;
        }

        /** Over 0.1 %: the finding says so as a blocker. */
        public boolean blocks() {
            return share > BLOCKER_SHARE;
        }

        /** "0.42 % of simulated executions (of 10000) take longer than 300 s (Express's 5-minute limit)". */
        public String describe() {
            if (simulated == 0) {
                return what + " over " + (long) limitSeconds + " s (" + limit + "): not simulated";
            }
            return percent(share) + " of simulated " + what + " (of " + simulated + ") take longer than "
                    + (long) limitSeconds + " s (" + limit + ")";
        }

        /** The blocker line when the share blocks, else empty. */
        public Optional<String> blocker() {
            return blocks() ? Optional.of(describe() + ": those would fail; over " + percent(BLOCKER_SHARE)
                    + " is a blocker, over " + percent(STOP_SHARE) + " flowcost advises against it") : Optional.empty();
        }

        static String percent(double share) {
            return BigDecimal.valueOf(share * 100).round(new MathContext(3)).stripTrailingZeros().toPlainString() + " %";
        }
    }
}
