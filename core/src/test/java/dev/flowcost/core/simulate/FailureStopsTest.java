package dev.flowcost.core.simulate;

import static dev.flowcost.core.simulate.Machines.at;
import static dev.flowcost.core.simulate.Machines.flow;
import static dev.flowcost.core.simulate.Machines.parallel;
import static dev.flowcost.core.simulate.Machines.sequence;
import static dev.flowcost.core.simulate.Machines.task;
import static dev.flowcost.core.simulate.Machines.waitSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.simulate.Machines.Work;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 4: failures stop work as AWS runs them, hand-computed. A failing Parallel branch stops the others (the
 * states they have not entered are never billed); a failing Map Run starts no further child (one parent transition
 * per child started).
 */
class FailureStopsTest {

    /** Branch A: Slow (15 s, always fails). Branch B: four Waits of 10 s and a last Task. */
    private static StateMachine failingParallel() {
        return sequence(parallel("Par", null,
                sequence(task("Slow", null)),
                sequence(waitSeconds("W1", 10, "W2"), waitSeconds("W2", 10, "W3"), waitSeconds("W3", 10, "W4"),
                        waitSeconds("W4", 10, "Last"), task("Last", null))));
    }

    private static Work parallelWork() {
        return Work.of().duration("Par/Slow", 15).failure("Par/Slow", 1).duration("Par/Last", 10);
    }

    @Test
    void aFailingBranchStopsTheOtherBranchInMonteCarlo() {
        // Slow fails at 15 s. B entered W1 at 0 s and W2 at 10 s; W3 (20 s), W4 and Last are never entered.
        // Par 1 + Slow 1 + W1 + W2 = 4 transitions, every execution; the Parallel lasts 15 s, not 50 s.
        MonteCarloResult r = MonteCarloSimulator.simulate(failingParallel(), parallelWork().build(), 1_000, 3);
        assertThat(r.transitions().mean()).isEqualTo(4.0);
        assertThat(r.transitions().max()).isEqualTo(4.0);
        assertThat(r.durationSeconds().mean()).isCloseTo(15, within(1e-9));
        assertThat(r.successRate()).isZero();
    }

    @Test
    void theExactAnalysisBillsTheStoppedBranchByItsStatedApproximation() {
        // B's 5 transitions spread evenly over its 50 s; by Slow's 15 s it has entered min(5, 1 + 5 × 15 / 50) = 2.5:
        // Par 1 + Slow 1 + 2.5 = 4.5 (Monte Carlo's 4 is within the 10 % the property test allows for the overlap)
        ExactResult exact = ExactAnalyzer.analyze(failingParallel(), parallelWork().build());
        assertThat(exact.transitionsPerExecution()).isCloseTo(4.5, within(1e-9));
        assertThat(exact.expectedDurationSeconds()).isCloseTo(15, within(1e-9));
    }

    @Test
    void aParallelWhoseBranchesAllSucceedBillsEveryState() {
        ExactResult exact = ExactAnalyzer.analyze(failingParallel(), Work.of().duration("Par/Slow", 15).build());
        assertThat(exact.transitionsPerExecution()).isCloseTo(7, within(1e-9)); // Par + Slow + W1..W4 + Last
    }

    private static StateMachine distributedOneAtATime(OptionalInt toleratedFailureCount) {
        MapState fan = new MapState("Fan", at("Fan"), Optional.empty(), Optional.empty(), flow(null),
                sequence(task("Child", null)), MapState.Mode.DISTRIBUTED, MapState.ExecutionType.STANDARD,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.of(1),
                OptionalDouble.empty(), toleratedFailureCount, Optional.empty(), Optional.empty(), List.of(),
                List.of());
        return sequence(fan);
    }

    private static Work tenChildrenFailingHalf() {
        return Work.of().items("Fan", 10).failure("Fan/Child", 0.5);
    }

    @Test
    void aFailingMapRunAtMaxConcurrencyOneStartsNoFurtherChild() {
        // Children start one by one until the first fails: E[started] = 1 + 0.5 + … + 0.5⁹ = (1 − 0.5¹⁰) / 0.5.
        // Parent: Fan 1 + one transition per child started; each child: 1 transition (its Task).
        double started = (1 - Math.pow(0.5, 10)) / 0.5; // 1.998046875
        StateMachine m = distributedOneAtATime(OptionalInt.empty());
        ExactResult exact = ExactAnalyzer.analyze(m, tenChildrenFailingHalf().build());
        assertThat(exact.transitionsPerExecution()).isCloseTo(1 + started, within(1e-9));
        assertThat(exact.standardChildExecutions()).isCloseTo(started, within(1e-9));
        assertThat(exact.standardChildTransitions()).isCloseTo(started, within(1e-9));
        MonteCarloResult mc = MonteCarloSimulator.simulate(m, tenChildrenFailingHalf().build(), 200_000, 5);
        assertThat(mc.transitions().mean()).isCloseTo(1 + started, within(0.02));
        assertThat(mc.standardChildExecutions() / mc.executions()).isCloseTo(started, within(0.02));
    }

    @Test
    void aToleratedFailureCountLetsTheMapRunGoOnUntilItIsExceeded() {
        // ToleratedFailureCount 2: children start until the 3rd failure. E[started] = Σ_{k=0..9} P(Bin(k, ½) ≤ 2)
        // = 1 + 1 + 1 + 7/8 + 11/16 + 16/32 + 22/64 + 29/128 + 37/256 + 46/512 = 5.8671875
        double started = 3 + 0.875 + 0.6875 + 0.5 + 0.34375 + 0.2265625 + 0.14453125 + 0.08984375;
        StateMachine m = distributedOneAtATime(OptionalInt.of(2));
        ExactResult exact = ExactAnalyzer.analyze(m, tenChildrenFailingHalf().build());
        assertThat(exact.standardChildExecutions()).isCloseTo(started, within(1e-9));
        assertThat(exact.transitionsPerExecution()).isCloseTo(1 + started, within(1e-9));
        MonteCarloResult mc = MonteCarloSimulator.simulate(m, tenChildrenFailingHalf().build(), 200_000, 9);
        assertThat(mc.standardChildExecutions() / mc.executions()).isCloseTo(started, within(0.03));
    }
}
