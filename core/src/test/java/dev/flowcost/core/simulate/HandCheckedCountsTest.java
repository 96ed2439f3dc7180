package dev.flowcost.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.workload.WorkflowWorkload;
import dev.flowcost.core.workload.WorkloadReadResult;
import dev.flowcost.core.workload.WorkloadReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Transition counts worked out by hand from the billing rules (PRICING.md) and the ASL Retry/Catch semantics, for
 * small machines that each exercise one trap. Every fixture's "Comment" gives the count and its reasoning; the
 * numbers below are that hand count, never output copied from the analyzer.
 */
class HandCheckedCountsTest {

    private static final double EPS = 1e-9;

    private static Path fixture(String file) {
        try {
            return Paths.get(HandCheckedCountsTest.class.getResource("/simulate/hand-checked/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StateMachine machine(String name) {
        AslReadResult r = new AslReader().read(fixture(name + ".asl.json"));
        assertThat(r.hasErrors()).as("%s reads without errors: %s", name, r.diagnostics()).isFalse();
        return r.machine().orElseThrow();
    }

    private static WorkflowWorkload workload(String name) {
        WorkloadReadResult r = new WorkloadReader().read(fixture(name + ".workload.yaml"));
        assertThat(r.diagnostics()).as("%s workload", name).isEmpty();
        return r.workload().orElseThrow().workflowOrDefault(name);
    }

    private static ExactResult exact(String name) {
        ExactResult r = ExactAnalyzer.analyze(machine(name), workload(name));
        assertThat(r.diagnostics()).as("%s analysis", name).isEmpty();
        return r;
    }

    private static void entries(ExactResult r, String path, double expected) {
        assertThat(r.states()).as("state %s", path).containsKey(path);
        assertThat(r.states().get(path).entries()).as("entries of %s", path).isCloseTo(expected, within(EPS));
    }

    private static void attempts(ExactResult r, String path, double expected) {
        assertThat(r.states().get(path).attempts()).as("attempts of %s", path).isCloseTo(expected, within(EPS));
    }

    private static void neverEntered(ExactResult r, String path) {
        double e = r.states().containsKey(path) ? r.states().get(path).entries() : 0;
        assertThat(e).as("entries of %s", path).isCloseTo(0, within(EPS));
    }

    private static void monteCarloAgrees(String name, ExactResult exact) {
        MonteCarloResult mc = MonteCarloSimulator.simulate(machine(name), workload(name), 200_000, 2026);
        assertThat(mc.hasErrors()).isFalse();
        assertThat(Math.abs(mc.transitions().mean() - exact.transitionsPerExecution()))
                .as("%s: Monte Carlo mean %s vs exact %s", name, mc.transitions().mean(),
                        exact.transitionsPerExecution())
                .isLessThanOrEqualTo(4 * mc.transitionsStandardError());
    }

    @Test
    void taskRetriedThenCaughtIntoFail() {
        ExactResult r = exact("task-retried-then-caught-into-fail");
        entries(r, "Start", 1);
        entries(r, "Charge", 1);
        attempts(r, "Charge", 1.75);
        entries(r, "Done", 0.875);
        entries(r, "Failed", 0.125);
        assertThat(r.transitionsPerExecution()).isCloseTo(3.75, within(EPS));
        assertThat(r.successProbability()).isCloseTo(0.875, within(EPS));
    }

    @Test
    void twoRetriersKeepTheirOwnCounters() {
        ExactResult r = exact("two-retriers-per-retrier-counters");
        attempts(r, "Call", 1.625);
        entries(r, "Done", 0.8125);
        assertThat(r.transitionsPerExecution()).isCloseTo(2.4375, within(EPS));
        assertThat(r.successProbability()).isCloseTo(0.8125, within(EPS));
        monteCarloAgrees("two-retriers-per-retrier-counters", r);
    }

    @Test
    void maxAttemptsZeroOnTheFirstMatchingRetrierMeansNoRetry() {
        ExactResult r = exact("retry-max-attempts-zero");
        attempts(r, "Call", 1);
        entries(r, "Recover", 0.5);
        entries(r, "Done", 0.5);
        assertThat(r.transitionsPerExecution()).isCloseTo(2, within(EPS));
        assertThat(r.successProbability()).isCloseTo(1, within(EPS));
    }

    @Test
    void retryOnTheMapReRunsEveryIteration() {
        ExactResult r = exact("map-with-retry-on-the-map");
        entries(r, "Fan", 1);
        attempts(r, "Fan", 1.75);
        entries(r, "Fan/Work", 3.5);
        entries(r, "After", 0.4375);
        assertThat(r.transitionsPerExecution()).isCloseTo(5.6875, within(EPS));
        assertThat(r.successProbability()).isCloseTo(0.4375, within(EPS));
        monteCarloAgrees("map-with-retry-on-the-map", r);
    }

    @Test
    void nestedInlineMapsMultiplyTheirItems() {
        ExactResult r = exact("nested-inline-map");
        entries(r, "Outer", 1);
        entries(r, "Outer/Inner", 3);
        entries(r, "Outer/Tail", 3);
        entries(r, "Outer/Inner/Leaf", 12);
        entries(r, "Outer/Inner/Leaf2", 12);
        assertThat(r.transitionsPerExecution()).isCloseTo(31, within(EPS));
    }

    @Test
    void parallelCountsItselfAndEveryBranchStateIncludingAMap() {
        ExactResult r = exact("parallel-three-branches-one-with-map");
        entries(r, "Par", 1);
        entries(r, "Par/A", 1);
        entries(r, "Par/B1", 1);
        entries(r, "Par/B2", 1);
        entries(r, "Par/M", 1);
        entries(r, "Par/M/W", 5);
        entries(r, "End", 1);
        assertThat(r.transitionsPerExecution()).isCloseTo(11, within(EPS));
    }

    @Test
    void distributedMapWithBatchesOfSevenStartsFifteenStandardChildren() {
        ExactResult r = exact("distributed-map-standard-batched-7");
        entries(r, "Dist", 1);
        assertThat(r.states().get("Dist").transitions()).isCloseTo(16, within(EPS)); // itself + 15 children
        entries(r, "Dist/P1", 15);
        assertThat(r.states().get("Dist/P1").billing()).isEqualTo(StateCount.Billing.STANDARD_CHILD);
        assertThat(r.transitionsPerExecution()).isCloseTo(18, within(EPS));
        assertThat(r.standardChildExecutions()).isCloseTo(15, within(EPS));
        assertThat(r.standardChildTransitions()).isCloseTo(30, within(EPS));
        assertThat(r.expressChildExecutions()).isCloseTo(0, within(EPS));
    }

    @Test
    void distributedMapWithExpressChildrenBillsNoChildTransitions() {
        ExactResult r = exact("distributed-map-express-children");
        assertThat(r.states().get("Dist").transitions()).isCloseTo(41, within(EPS));
        assertThat(r.states().get("Dist/P2").billing()).isEqualTo(StateCount.Billing.EXPRESS_CHILD);
        assertThat(r.transitionsPerExecution()).isCloseTo(43, within(EPS));
        assertThat(r.standardChildExecutions()).isCloseTo(0, within(EPS));
        assertThat(r.standardChildTransitions()).isCloseTo(0, within(EPS));
        assertThat(r.expressChildExecutions()).isCloseTo(40, within(EPS));
        assertThat(r.expressChildren()).hasSize(1);
        assertThat(r.expressChildren().get(0).durationSecondsPerChild()).isCloseTo(2, within(EPS));
    }

    @Test
    void weightedChoiceLoopIsVisitedOneOverPTimes() {
        ExactResult r = exact("choice-loop-weighted");
        entries(r, "Work", 4);
        entries(r, "Again", 4);
        entries(r, "Done", 1);
        assertThat(r.transitionsPerExecution()).isCloseTo(9, within(EPS));
    }

    @Test
    void waitTaskChoicePollingLoop() {
        ExactResult r = exact("wait-task-choice-polling-loop");
        double rounds = 1 / 0.504;
        entries(r, "Submit", 1);
        entries(r, "Wait", rounds);
        attempts(r, "Poll", rounds * 1.24);
        entries(r, "Ready?", rounds * 0.992);
        entries(r, "Done", rounds * 0.496);
        assertThat(r.transitionsPerExecution()).isCloseTo(8.396825396825397, within(EPS));
        assertThat(r.successProbability()).isCloseTo(0.9841269841269841, within(EPS));
        monteCarloAgrees("wait-task-choice-polling-loop", r);
    }

    @Test
    void jsonataMachineCountsLikeAnyOther() {
        ExactResult r = exact("jsonata-condition-choice");
        entries(r, "Work", 0.5);
        entries(r, "Skip", 0.5);
        entries(r, "Tidy", 0.5);
        assertThat(r.transitionsPerExecution()).isCloseTo(3.5, within(EPS));
    }

    @Test
    void choiceDefaultIntoFailCountsTheFailState() {
        ExactResult r = exact("choice-default-to-fail");
        entries(r, "Process", 0.9);
        entries(r, "Done", 0.9);
        entries(r, "Reject", 0.1);
        assertThat(r.transitionsPerExecution()).isCloseTo(3.9, within(EPS));
        assertThat(r.successProbability()).isCloseTo(0.9, within(EPS));
    }

    @Test
    void mapOverZeroItemsCountsOnlyItself() {
        ExactResult r = exact("map-zero-items");
        entries(r, "Fan", 1);
        neverEntered(r, "Fan/Work");
        assertThat(r.transitionsPerExecution()).isCloseTo(3, within(EPS));
    }

    @Test
    void timeoutIsNotRetriedByTaskFailedButCaughtByStatesAll() {
        ExactResult r = exact("timeout-caught-by-states-all");
        attempts(r, "Slow", 1);
        entries(r, "Cleanup", 0.3);
        entries(r, "Done", 0.7);
        assertThat(r.transitionsPerExecution()).isCloseTo(2, within(EPS));
        assertThat(r.successProbability()).isCloseTo(1, within(EPS));
    }

    @Test
    void unmatchedErrorFailsTheExecutionAndCountsOnlyWhatRan() {
        ExactResult r = exact("unmatched-error-fails-execution");
        entries(r, "Start", 1);
        attempts(r, "Call", 1);
        neverEntered(r, "Handle");
        neverEntered(r, "After");
        assertThat(r.transitionsPerExecution()).isCloseTo(2, within(EPS));
        assertThat(r.successProbability()).isCloseTo(0, within(EPS));
    }

    @Test
    void monteCarloMeanMatchesTheHandCountOnEveryFixture() {
        String[] names = {"task-retried-then-caught-into-fail", "retry-max-attempts-zero", "nested-inline-map",
            "parallel-three-branches-one-with-map", "distributed-map-standard-batched-7",
            "distributed-map-express-children", "choice-loop-weighted", "jsonata-condition-choice",
            "choice-default-to-fail", "map-zero-items", "timeout-caught-by-states-all",
            "unmatched-error-fails-execution"};
        double[] hand = {3.75, 2, 31, 11, 18, 43, 9, 3.5, 3.9, 3, 2, 2};
        for (int i = 0; i < names.length; i++) {
            MonteCarloResult mc = MonteCarloSimulator.simulate(machine(names[i]), workload(names[i]), 50_000, 7 + i);
            assertThat(mc.hasErrors()).as(names[i]).isFalse();
            assertThat(Math.abs(mc.transitions().mean() - hand[i])).as("%s: Monte Carlo mean %s vs hand %s",
                    names[i], mc.transitions().mean(), hand[i])
                    .isLessThanOrEqualTo(Math.max(4 * mc.transitionsStandardError(), EPS));
        }
        MonteCarloResult batched = MonteCarloSimulator.simulate(machine("distributed-map-standard-batched-7"),
                workload("distributed-map-standard-batched-7"), 1_000, 3);
        assertThat(batched.meanStandardChildExecutions()).isCloseTo(15, within(EPS));
        assertThat(batched.meanStandardChildTransitions()).isCloseTo(30, within(EPS));
        MonteCarloResult express = MonteCarloSimulator.simulate(machine("distributed-map-express-children"),
                workload("distributed-map-express-children"), 1_000, 3);
        assertThat(express.meanExpressChildExecutions()).isCloseTo(40, within(EPS));
        assertThat(express.meanStandardChildTransitions()).isCloseTo(0, within(EPS));
    }

    @Test
    void retryOnAParallelReRunsEveryBranchThenCatches() {
        ExactResult r = exact("parallel-retry-and-catch");
        attempts(r, "Par", 1.5);
        entries(r, "Par/X", 1.5);
        entries(r, "Par/Y", 1.5);
        entries(r, "Done", 0.75);
        entries(r, "Handle", 0.25);
        assertThat(r.transitionsPerExecution()).isCloseTo(5.5, within(EPS));
        assertThat(r.successProbability()).isCloseTo(1, within(EPS));
    }

    @Test
    void distributedMapOverZeroItemsStartsNoChildren() {
        ExactResult r = exact("distributed-map-zero-items-batched");
        assertThat(r.states().get("Dist").transitions()).isCloseTo(1, within(EPS));
        assertThat(r.transitionsPerExecution()).isCloseTo(3, within(EPS));
        assertThat(r.standardChildExecutions()).isCloseTo(0, within(EPS));
    }

    @Test
    void firstMatchingCatcherWins() {
        ExactResult r = exact("catch-first-match-wins");
        entries(r, "ToSpecific", 0.5);
        entries(r, "ToAll", 0.5);
        neverEntered(r, "ToB");
        assertThat(r.transitionsPerExecution()).isCloseTo(2, within(EPS));
        assertThat(r.successProbability()).isCloseTo(1, within(EPS));
    }

    @Test
    void failStateInAnIterationFailsTheMapIntoItsCatch() {
        ExactResult r = exact("map-iteration-fail-state-caught");
        entries(r, "Fan/Check", 3);
        entries(r, "Fan/Bad", 0.75);
        entries(r, "Fan/Good", 2.25);
        entries(r, "Handle", 0.578125);
        entries(r, "After", 0.421875);
        assertThat(r.transitionsPerExecution()).isCloseTo(8, within(EPS));
        assertThat(r.successProbability()).isCloseTo(1, within(EPS));
        MonteCarloResult mc = MonteCarloSimulator.simulate(machine("map-iteration-fail-state-caught"),
                workload("map-iteration-fail-state-caught"), 50_000, 11);
        assertThat(Math.abs(mc.transitions().mean() - 8)).isLessThanOrEqualTo(4 * mc.transitionsStandardError());
        assertThat(mc.successRate()).isCloseTo(1, within(EPS));
    }

    @Test
    void toleratedFailureCountLetsTheMapRunSurviveOneFailedChild() {
        ExactResult r = exact("distributed-map-tolerated-failure-count");
        attempts(r, "Dist", 1.6875);
        assertThat(r.states().get("Dist").transitions()).isCloseTo(8.4375, within(EPS));
        entries(r, "Done", 0.52734375);
        assertThat(r.transitionsPerExecution()).isCloseTo(8.96484375, within(EPS));
        assertThat(r.standardChildExecutions()).isCloseTo(6.75, within(EPS));
        assertThat(r.standardChildTransitions()).isCloseTo(6.75, within(EPS));
        assertThat(r.successProbability()).isCloseTo(0.52734375, within(EPS));
        monteCarloAgrees("distributed-map-tolerated-failure-count", r);
    }

    @Test
    void toleratedFailurePercentageOfOneHundredNeverFailsTheMap() {
        ExactResult r = exact("distributed-map-tolerates-every-failure");
        neverEntered(r, "Handle");
        entries(r, "Done", 1);
        assertThat(r.transitionsPerExecution()).isCloseTo(6, within(EPS));
        assertThat(r.successProbability()).isCloseTo(1, within(EPS));
        MonteCarloResult mc = MonteCarloSimulator.simulate(machine("distributed-map-tolerates-every-failure"),
                workload("distributed-map-tolerates-every-failure"), 20_000, 5);
        assertThat(mc.transitions().mean()).isCloseTo(6, within(EPS));
        assertThat(mc.successRate()).isCloseTo(1, within(EPS));
    }

    @Test
    void inlineMapOneAtATimeStopsAtTheFirstFailedIteration() {
        ExactResult r = exact("inline-map-one-at-a-time-stops-at-first-failure");
        entries(r, "Seq/Work", 1.75);
        entries(r, "Done", 0.125);
        entries(r, "Handle", 0.875);
        assertThat(r.transitionsPerExecution()).isCloseTo(3.75, within(EPS));
        assertThat(r.successProbability()).isCloseTo(1, within(EPS));
        monteCarloAgrees("inline-map-one-at-a-time-stops-at-first-failure", r);
    }

    @Test
    void inlineMapOneAtATimeOverManyItemsStopsAtTheFirstFailureToo() {
        ExactResult r = exact("inline-map-one-at-a-time-many-items");
        double started = 100 * (1 - Math.pow(0.99, 1000)); // 99.99568...
        entries(r, "Seq/Work", started);
        assertThat(r.transitionsPerExecution()).isCloseTo(2 + started, within(1e-6));
        monteCarloAgrees("inline-map-one-at-a-time-many-items", r);
    }
}
