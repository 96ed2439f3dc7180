package dev.flowcost.core.simulate;

import static dev.flowcost.core.simulate.Machines.catchAll;
import static dev.flowcost.core.simulate.Machines.choice;
import static dev.flowcost.core.simulate.Machines.fail;
import static dev.flowcost.core.simulate.Machines.machine;
import static dev.flowcost.core.simulate.Machines.pass;
import static dev.flowcost.core.simulate.Machines.retry;
import static dev.flowcost.core.simulate.Machines.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.asl.Retrier;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Numbers at the edge of what the engines count (issue 15): the ASL-maximum MaxAttempts with certain failure, a
 * backoff that grows past any real duration, and a loop left with probability 10⁻⁹, which Monte Carlo cannot walk
 * to its end.
 */
class EngineLimitsTest {

    private static final int ASL_MAX_ATTEMPTS = 99_999_999;

    private static StateMachine alwaysRetried(double backoffRate) {
        return machine("Call",
                task("Call", null, List.of(retry(ASL_MAX_ATTEMPTS, 1, backoffRate, Retrier.JitterStrategy.NONE,
                        "States.ALL")), List.of(catchAll("Failed"))),
                fail("Failed", "Gave.Up"));
    }

    @Test
    void certainFailureRetriedTheAslMaximumIsCountedInClosedFormByBothEngines() {
        StateMachine m = alwaysRetried(1);
        WorkflowWorkload w = Machines.Work.of().failure("Call", 1).build();
        ExactResult exact = ExactAnalyzer.analyze(m, w);
        assertThat(exact.diagnostics()).isEmpty();
        // 1 attempt + 99,999,999 retries, then the Catch: Failed 1
        assertThat(exact.transitionsPerExecution()).isEqualTo(100_000_001.0);
        MonteCarloResult mc = MonteCarloSimulator.simulate(m, w, 10_000, 7);
        assertThat(mc.hasErrors()).isFalse();
        assertThat(mc.executions()).isEqualTo(10_000);
        assertThat(mc.transitions().mean()).isEqualTo(100_000_001.0);
        assertThat(mc.transitions().max()).isEqualTo(100_000_001.0);
        assertThat(mc.successRate()).isZero();
    }

    @Test
    void aGeometricRunOfFailuresAgreesWithTheExactMean() {
        StateMachine m = alwaysRetried(1);
        WorkflowWorkload w = Machines.Work.of().failure("Call", 0.9).build();
        ExactResult exact = ExactAnalyzer.analyze(m, w);
        assertThat(exact.transitionsPerExecution()).isCloseTo(10, within(1e-9)); // 1 / (1 − 0.9) attempts
        MonteCarloResult mc = MonteCarloSimulator.simulate(m, w, 100_000, 11);
        assertThat(Math.abs(mc.transitions().mean() - exact.transitionsPerExecution()))
                .isLessThanOrEqualTo(4 * mc.transitionsStandardError());
        assertThat(mc.durationSeconds().mean()).isCloseTo(exact.expectedDurationSeconds(),
                within(0.02 * exact.expectedDurationSeconds()));
    }

    @Test
    void aBackoffThatDoublesForeverIsAnInputErrorNotAnInfinity() {
        StateMachine m = alwaysRetried(2);
        WorkflowWorkload w = Machines.Work.of().failure("Call", 1).build();
        ExactResult exact = ExactAnalyzer.analyze(m, w);
        assertThat(exact.hasErrors()).isTrue();
        assertThat(exact.diagnostics()).extracting(Diagnostic::message).anyMatch(s -> s.contains("endless seconds"));
        assertThat(exact.transitionsPerExecution()).isZero();
        assertThat(exact.expectedDurationSeconds()).isZero();
        MonteCarloResult mc = MonteCarloSimulator.simulate(m, w, 1_000, 1);
        assertThat(mc.hasErrors()).isTrue();
    }

    @Test
    void aLoopLeftWithProbabilityOneInABillionIsCutAndSaysSoWithTheExactMean() {
        StateMachine m = machine("Again", pass("Again", "Check"), choice("Check", "Done", "Again"),
                pass("Done", null));
        WorkflowWorkload w = Machines.Work.of().branches("Check", Map.of("0", 1.0, "Default", 1e-9)).build();
        ExactResult exact = ExactAnalyzer.analyze(m, w);
        assertThat(exact.diagnostics()).isEmpty();
        assertThat(exact.transitionsPerExecution()).isCloseTo(2e9 + 1, within(1e3));
        MonteCarloResult mc = MonteCarloSimulator.simulate(m, w, 100_000, 3);
        assertThat(mc.executions()).isLessThan(100_000);
        assertThat(mc.diagnostics()).extracting(Diagnostic::message)
                .anyMatch(s -> s.contains("were cut") && s.contains("exact analysis"))
                .anyMatch(s -> s.startsWith("simulated " + mc.executions() + " executions, not 100000"));
        assertThat(mc.transitions().mean()).isEqualTo(exact.transitionsPerExecution());
        assertThat(mc.transitions().p50()).isLessThan(mc.transitions().mean());
    }
}
