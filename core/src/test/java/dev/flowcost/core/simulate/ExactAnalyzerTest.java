package dev.flowcost.core.simulate;

import static dev.flowcost.core.simulate.Machines.catchAll;
import static dev.flowcost.core.simulate.Machines.choice;
import static dev.flowcost.core.simulate.Machines.distributedMap;
import static dev.flowcost.core.simulate.Machines.inlineMap;
import static dev.flowcost.core.simulate.Machines.machine;
import static dev.flowcost.core.simulate.Machines.parallel;
import static dev.flowcost.core.simulate.Machines.pass;
import static dev.flowcost.core.simulate.Machines.retry;
import static dev.flowcost.core.simulate.Machines.sequence;
import static dev.flowcost.core.simulate.Machines.task;
import static dev.flowcost.core.simulate.Machines.waitSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.Retrier;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.simulate.Machines.Work;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;

class ExactAnalyzerTest {

    private static final double EPS = 1e-9;

    static StateMachine seedTrap() {
        return sequence(pass("Start", "Fan"), inlineMap("Fan", "Done", sequence(task("Charge", null))),
                pass("Done", null));
    }

    @Test
    void inlineMapOverTenThousandItemsCountsEveryIteration() {
        ExactResult r = ExactAnalyzer.analyze(seedTrap(), Work.of().items("Fan", 10_000).build());
        // Start 1 + Fan 1 + 10,000 × Charge 1 + Done 1
        assertThat(r.transitionsPerExecution()).isCloseTo(10_003, within(EPS));
        assertThat(r.states().get("Fan/Charge").entries()).isCloseTo(10_000, within(EPS));
        assertThat(r.states().get("Fan").transitions()).isCloseTo(1, within(EPS));
        assertThat(r.successProbability()).isCloseTo(1, within(EPS));
        assertThat(r.diagnostics()).isEmpty();
        // 10,000 iterations of 1 s at the inline concurrency of 40: 250 waves
        assertThat(r.expectedDurationSeconds()).isCloseTo(250, within(EPS));
        assertThat(r.defaultsUsed()).contains("Task Fan/Charge: durationSeconds 1 s (default)");
    }

    @Test
    void costOfAnalysisDoesNotDependOnItems() {
        ExactResult r = ExactAnalyzer.analyze(seedTrap(), Work.of().items("Fan", 10_000_000).build());
        assertThat(r.transitionsPerExecution()).isCloseTo(10_000_003, within(1e-3));
    }

    @Test
    void missingItemsDefaultToOneAndAreListed() {
        ExactResult r = ExactAnalyzer.analyze(seedTrap(), WorkflowWorkload.defaults());
        assertThat(r.transitionsPerExecution()).isCloseTo(4, within(EPS));
        assertThat(r.defaultsUsed()).contains("Map Fan: items 1 (default)");
    }

    @Test
    void retriesAddOneTransitionPerAttempt() {
        StateMachine m = sequence(task("Charge", null, List.of(retry(2)), List.of()));
        ExactResult r = ExactAnalyzer.analyze(m, Work.of().failure("Charge", 0.5).build());
        // attempts 1 + 0.5 + 0.25; all three fail with 0.5^3
        assertThat(r.states().get("Charge").attempts()).isCloseTo(1.75, within(EPS));
        assertThat(r.states().get("Charge").retries()).isCloseTo(0.75, within(EPS));
        assertThat(r.transitionsPerExecution()).isCloseTo(1.75, within(EPS));
        assertThat(r.successProbability()).isCloseTo(0.875, within(EPS));
    }

    @Test
    void catchTakesOverOnceRetriesAreExhausted() {
        StateMachine m = machine("Charge", task("Charge", "Done", List.of(retry(2)), List.of(catchAll("Handle"))),
                pass("Handle", null), pass("Done", null));
        ExactResult r = ExactAnalyzer.analyze(m, Work.of().failure("Charge", 0.5).build());
        assertThat(r.states().get("Handle").entries()).isCloseTo(0.125, within(EPS));
        assertThat(r.states().get("Done").entries()).isCloseTo(0.875, within(EPS));
        assertThat(r.transitionsPerExecution()).isCloseTo(1.75 + 1, within(EPS));
        assertThat(r.successProbability()).isCloseTo(1, within(EPS));
    }

    @Test
    void retryDelaysFollowBackoffAndJitterHalvesThem() {
        Retrier plain = retry(2, 2, 3, Retrier.JitterStrategy.NONE, "States.ALL");
        Retrier jitter = retry(2, 2, 3, Retrier.JitterStrategy.FULL, "States.ALL");
        WorkflowWorkload w = Work.of().failure("T", 0.5).duration("T", 10).build();
        // 1.75 attempts × 10 s, plus 0.5 × 2 s before retry 1 and 0.25 × 6 s before retry 2
        assertThat(ExactAnalyzer.analyze(sequence(task("T", null, List.of(plain), List.of())), w)
                .expectedDurationSeconds()).isCloseTo(17.5 + 2.5, within(EPS));
        assertThat(ExactAnalyzer.analyze(sequence(task("T", null, List.of(jitter), List.of())), w)
                .expectedDurationSeconds()).isCloseTo(17.5 + 1.25, within(EPS));
    }

    @Test
    void errorsNotMatchedByARetrierAreNotRetried() {
        Retrier onlyTimeout = retry(3, 1, 2, Retrier.JitterStrategy.NONE, "States.Timeout");
        StateMachine m = sequence(task("T", null, List.of(onlyTimeout), List.of()));
        ExactResult r = ExactAnalyzer.analyze(m, Work.of().failure("T", 0.5).build());
        assertThat(r.transitionsPerExecution()).isCloseTo(1, within(EPS));
        assertThat(r.successProbability()).isCloseTo(0.5, within(EPS));
    }

    static StateMachine pollingLoop() {
        return machine("Wait", waitSeconds("Wait", 10, "Check"), task("Check", "IsDone"),
                choice("IsDone", "Wait", "Done"), pass("Done", null));
    }

    @Test
    void pollingLoopIsVisitedOncePerExpectedRound() {
        ExactResult r = ExactAnalyzer.analyze(pollingLoop(),
                Work.of().branches("IsDone", Map.of("0", 0.25, "Default", 0.75)).build());
        // geometric rounds with exit 0.25: 4 rounds of Wait, Check, IsDone, then Done once
        assertThat(r.states().get("Wait").entries()).isCloseTo(4, within(EPS));
        assertThat(r.transitionsPerExecution()).isCloseTo(4 * 3 + 1, within(EPS));
        assertThat(r.expectedDurationSeconds()).isCloseTo(4 * (10 + 1), within(EPS));
    }

    @Test
    void choiceWithoutWeightsTakesEveryBranchEqually() {
        ExactResult r = ExactAnalyzer.analyze(pollingLoop(), WorkflowWorkload.defaults());
        assertThat(r.states().get("Wait").entries()).isCloseTo(2, within(EPS));
        assertThat(r.defaultsUsed()).contains("Choice IsDone: branches equally likely");
    }

    @Test
    void loopWithNoWayOutIsAnErrorNotAHang() {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            ExactResult r = ExactAnalyzer.analyze(pollingLoop(),
                    Work.of().branches("IsDone", Map.of("0", 0.0, "Default", 1.0)).build());
            assertThat(r.hasErrors()).isTrue();
            assertThat(r.diagnostics().get(0).message()).contains("does not reach its end");
        });
    }

    @Test
    void allBranchWeightsZeroIsAnError() {
        ExactResult r = ExactAnalyzer.analyze(pollingLoop(),
                Work.of().branches("IsDone", Map.of("0", 0.0, "Default", 0.0)).build());
        assertThat(r.hasErrors()).isTrue();
    }

    static StateMachine distributed(MapState.ExecutionType type, int batch) {
        StateMachine child = sequence(task("Charge", "Record"), pass("Record", null));
        return sequence(pass("Start", "Fan"), distributedMap("Fan", "Done", child, type, batch), pass("Done", null));
    }

    @Test
    void distributedMapWithStandardChildren() {
        ExactResult r = ExactAnalyzer.analyze(distributed(MapState.ExecutionType.STANDARD, 0),
                Work.of().items("Fan", 10_000).build());
        assertThat(r.transitionsPerExecution()).isCloseTo(3 + 10_000, within(EPS));
        assertThat(r.standardChildExecutions()).isCloseTo(10_000, within(EPS));
        assertThat(r.standardChildTransitions()).isCloseTo(20_000, within(EPS));
        assertThat(r.expressChildren()).isEmpty();
        assertThat(r.states().get("Fan/Charge").billing()).isEqualTo(StateCount.Billing.STANDARD_CHILD);
    }

    @Test
    void distributedMapWithBatchesOfHundred() {
        ExactResult r = ExactAnalyzer.analyze(distributed(MapState.ExecutionType.STANDARD, 100),
                Work.of().items("Fan", 10_000).build());
        assertThat(r.transitionsPerExecution()).isCloseTo(3 + 100, within(EPS));
        assertThat(r.standardChildExecutions()).isCloseTo(100, within(EPS));
        assertThat(r.standardChildTransitions()).isCloseTo(200, within(EPS));
    }

    @Test
    void distributedMapWithExpressChildren() {
        ExactResult r = ExactAnalyzer.analyze(distributed(MapState.ExecutionType.EXPRESS, 0),
                Work.of().items("Fan", 10_000).duration("Fan/Charge", 1.5).build());
        assertThat(r.transitionsPerExecution()).isCloseTo(3 + 10_000, within(EPS));
        assertThat(r.standardChildTransitions()).isZero();
        assertThat(r.standardChildExecutions()).isZero();
        assertThat(r.expressChildren()).hasSize(1);
        ExpressChildGroup g = r.expressChildren().get(0);
        assertThat(g.path()).isEqualTo("Fan");
        assertThat(g.executions()).isCloseTo(10_000, within(EPS));
        assertThat(g.durationSecondsPerChild()).isCloseTo(1.5, within(EPS));
    }

    @Test
    void parallelCountsItselfAndEveryBranchState() {
        StateMachine m = sequence(pass("Start", "Par"),
                parallel("Par", null, sequence(task("A1", "A2"), task("A2", null)), sequence(task("B1", null))));
        ExactResult r = ExactAnalyzer.analyze(m, Work.of().duration("Par/B1", 5).build());
        assertThat(r.transitionsPerExecution()).isCloseTo(1 + 1 + 3, within(EPS));
        assertThat(r.states()).containsKeys("Par/A1", "Par/A2", "Par/B1");
        // slowest branch: B1 5 s against A1 + A2 = 2 s
        assertThat(r.expectedDurationSeconds()).isCloseTo(5, within(EPS));
    }

    @Test
    void nestedInlineMapsMultiplyItems() {
        StateMachine inner = sequence(pass("Prep", "Inner"), inlineMap("Inner", null, sequence(task("Work", null))));
        StateMachine m = sequence(inlineMap("Outer", null, inner));
        ExactResult r = ExactAnalyzer.analyze(m, Work.of().items("Outer", 10).items("Outer/Inner", 5).build());
        // Outer 1 + 10 × (Prep 1 + Inner 1 + 5 × Work 1)
        assertThat(r.transitionsPerExecution()).isCloseTo(71, within(EPS));
        assertThat(r.states().get("Outer/Inner/Work").entries()).isCloseTo(50, within(EPS));
    }

    @Test
    void mapFailsWhenAnIterationFailsAndIsRetriedWhole() {
        StateMachine m = sequence(inlineMap("Fan", null, sequence(task("T", null)), 0, List.of(retry(1)), List.of()));
        ExactResult r = ExactAnalyzer.analyze(m, Work.of().items("Fan", 2).failure("Fan/T", 0.1).build());
        // an attempt fails with 1 − 0.9² = 0.19: 1.19 attempts, each running 2 iterations
        assertThat(r.states().get("Fan").attempts()).isCloseTo(1.19, within(EPS));
        assertThat(r.transitionsPerExecution()).isCloseTo(1.19 + 2.38, within(EPS));
        assertThat(r.successProbability()).isCloseTo(1 - 0.19 * 0.19, within(EPS));
    }

    static StateMachine distributedInsideInline() {
        StateMachine child = sequence(task("Charge", null));
        StateMachine iteration = sequence(distributedMap("Inner", null, child, MapState.ExecutionType.STANDARD, 0));
        return sequence(inlineMap("Outer", null, iteration));
    }

    @Test
    void distributedMapInsideAnInlineMapStartsChildrenPerIteration() {
        ExactResult r = ExactAnalyzer.analyze(distributedInsideInline(),
                Work.of().items("Outer", 3).items("Outer/Inner", 10).build());
        // Outer 1 + 3 × (Inner 1 + 10 children started)
        assertThat(r.transitionsPerExecution()).isCloseTo(34, within(EPS));
        assertThat(r.standardChildExecutions()).isCloseTo(30, within(EPS));
        assertThat(r.standardChildTransitions()).isCloseTo(30, within(EPS));
        assertThat(r.states().get("Outer/Inner").transitions()).isCloseTo(33, within(EPS));
    }

    @Test
    void workloadKeysThatNameNoStateAreReportedOnceByTheWorkloadMatchingNotByTheEngine() {
        // "Charge" alone is nested (ChargeEach/Charge): the matching resolves bare names and warns, with the workload's
        // line, about keys naming no state; the engine only warns about states that exist but are never reached
        dev.flowcost.core.workload.WorkflowWorkload w = Work.of().items("Chrage", 3).build();
        ExactResult r = ExactAnalyzer.analyze(seedTrap(), w);
        assertThat(r.diagnostics()).noneMatch(d -> d.message().contains("\"Chrage\""));
        dev.flowcost.core.workload.Workload workload = new dev.flowcost.core.workload.Workload("us-east-1", 730,
                java.util.Map.of("orders", w), java.util.Map.of());
        assertThat(dev.flowcost.core.workload.WorkloadMatching.match(workload, java.util.Map.of("orders",
                dev.flowcost.core.asl.StatePaths.of(seedTrap()).keySet()), java.util.Map.of()).diagnostics())
                .anyMatch(d -> d.message().contains("\"Chrage\"") && d.message().contains("did you mean"));
    }
}
