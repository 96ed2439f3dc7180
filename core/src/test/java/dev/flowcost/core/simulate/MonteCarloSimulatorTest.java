package dev.flowcost.core.simulate;

import static dev.flowcost.core.simulate.Machines.inlineMap;
import static dev.flowcost.core.simulate.Machines.pass;
import static dev.flowcost.core.simulate.Machines.retry;
import static dev.flowcost.core.simulate.Machines.sequence;
import static dev.flowcost.core.simulate.Machines.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.simulate.Machines.Work;
import dev.flowcost.core.workload.ItemCount;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class MonteCarloSimulatorTest {

    /** Inline Map over 10,000 items; each iteration: Validate (Task, retried) → Charge (Task, retried) → Record (Pass). */
    static StateMachine bigMapWithRetries() {
        StateMachine iteration = sequence(task("Validate", "Charge", List.of(retry(2)), List.of()),
                task("Charge", "Record", List.of(retry(3)), List.of()), pass("Record", null));
        return sequence(pass("Start", "Fan"), inlineMap("Fan", "Done", iteration), pass("Done", null));
    }

    static WorkflowWorkload bigMapWork() {
        return Work.of().items("Fan", 10_000).failure("Fan/Validate", 0.1).failure("Fan/Charge", 0.2).build();
    }

    static void assertAgrees(MonteCarloResult mc, double exact) {
        assertThat(mc.diagnostics()).noneMatch(d -> d.isError());
        assertThat(Math.abs(mc.transitions().mean() - exact))
                .isLessThanOrEqualTo(4 * mc.transitionsStandardError() + 1e-6 * Math.max(1, exact));
    }

    @Test
    void sameSeedGivesTheSameResult() {
        MonteCarloResult a = MonteCarloSimulator.simulate(bigMapWithRetries(), bigMapWork(), 10_000, 42);
        MonteCarloResult b = MonteCarloSimulator.simulate(bigMapWithRetries(), bigMapWork(), 10_000, 42);
        assertThat(a).isEqualTo(b);
        MonteCarloResult c = MonteCarloSimulator.simulate(bigMapWithRetries(), bigMapWork(), 10_000, 43);
        assertThat(c.transitions().mean()).isNotEqualTo(a.transitions().mean());
    }

    @Test
    void threadCountDoesNotChangeTheResult() throws Exception {
        StateMachine m = ExactAnalyzerTest.pollingLoop();
        WorkflowWorkload w = Work.of().branches("IsDone", Map.of("0", 0.25, "Default", 0.75)).build();
        MonteCarloResult common = MonteCarloSimulator.simulate(m, w, 50_000, 7);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            MonteCarloResult one = single.submit(() -> MonteCarloSimulator.simulate(m, w, 50_000, 7)).get();
            assertThat(one).isEqualTo(common);
        } finally {
            single.shutdown();
        }
    }

    @Test
    void seedTrapMeanEqualsTheExactCount() {
        MonteCarloResult r = MonteCarloSimulator.simulate(ExactAnalyzerTest.seedTrap(),
                Work.of().items("Fan", 10_000).build(), 2_000, 1);
        assertThat(r.transitions().mean()).isCloseTo(10_003, within(1e-6));
        assertThat(r.transitions().p99()).isCloseTo(10_003, within(1e-6));
    }

    @Test
    void retriesAgreeWithExactAndHaveTheRightPercentiles() {
        StateMachine m = sequence(task("Charge", null, List.of(retry(2)), List.of()));
        MonteCarloResult r = MonteCarloSimulator.simulate(m, Work.of().failure("Charge", 0.4).build(), 100_000, 3);
        assertAgrees(r, 1 + 0.4 + 0.16);
        // 1 transition with 0.6, 2 with 0.24, 3 with 0.16
        assertThat(r.transitions().p50()).isEqualTo(1);
        assertThat(r.transitions().p95()).isEqualTo(3);
        assertThat(r.transitions().max()).isEqualTo(3);
        assertThat(r.successRate()).isCloseTo(1 - 0.064, within(0.01));
    }

    @Test
    void pollingLoopAgreesWithExact() {
        MonteCarloResult r = MonteCarloSimulator.simulate(ExactAnalyzerTest.pollingLoop(),
                Work.of().branches("IsDone", Map.of("0", 0.25, "Default", 0.75)).build(), 100_000, 11);
        assertAgrees(r, 13);
        assertThat(r.durationSeconds().mean()).isCloseTo(44, within(0.5));
    }

    @Test
    void bigMapWithRetriesAgreesWithExact() {
        ExactResult exact = ExactAnalyzer.analyze(bigMapWithRetries(), bigMapWork());
        // per iteration: Validate 1 + 0.1 + 0.01 = 1.11 attempts, succeeding with 1 − 0.1³ = 0.999;
        // Charge 1 + 0.2 + 0.04 + 0.008 = 1.248 attempts when reached, succeeding with 1 − 0.2⁴ = 0.9984; Record if both.
        double iteration = 1.11 + 0.999 * 1.248 + 0.999 * 0.9984;
        // Start + Fan, and Done only when all 10,000 iterations succeed. Iterations start in order, 40 at a time (the
        // inline default), and none starts once one has failed: E[min(N, X)] = (1 − s^N) / (1 − s) with X the first
        // failure's position, plus the 39 running beside it when the Map fails (probability 1 − s^N)
        double s = 0.999 * 0.9984;
        double done = Math.pow(s, 10_000);
        double started = (1 - done) / (1 - s) + 39 * (1 - done);
        assertThat(exact.transitionsPerExecution()).isCloseTo(2 + started * iteration + done, within(1e-6));
        MonteCarloResult r = MonteCarloSimulator.simulate(bigMapWithRetries(), bigMapWork(), 20_000, 5);
        assertAgrees(r, exact.transitionsPerExecution());
    }

    @Test
    void distributedChildrenAreCounted() {
        WorkflowWorkload w = Work.of().items("Fan", 10_000).build();
        MonteCarloResult std = MonteCarloSimulator.simulate(ExactAnalyzerTest.distributed(MapState.ExecutionType.STANDARD, 0),
                w, 1_000, 1);
        assertThat(std.transitions().mean()).isCloseTo(10_003, within(1e-6));
        assertThat(std.meanStandardChildExecutions()).isCloseTo(10_000, within(1e-6));
        assertThat(std.meanStandardChildTransitions()).isCloseTo(20_000, within(1e-3));
        MonteCarloResult batched = MonteCarloSimulator.simulate(
                ExactAnalyzerTest.distributed(MapState.ExecutionType.STANDARD, 100), w, 1_000, 1);
        assertThat(batched.transitions().mean()).isCloseTo(103, within(1e-6));
        assertThat(batched.meanStandardChildTransitions()).isCloseTo(200, within(1e-6));
        MonteCarloResult express = MonteCarloSimulator.simulate(
                ExactAnalyzerTest.distributed(MapState.ExecutionType.EXPRESS, 0), w, 1_000, 1);
        assertThat(express.meanExpressChildExecutions()).isCloseTo(10_000, within(1e-6));
        assertThat(express.meanStandardChildTransitions()).isZero();
        assertThat(express.meanExpressChildDurationSeconds()).isCloseTo(1, within(1e-6));
    }

    @Test
    void lognormalDurationsHaveTheWorkloadMeanAndP95() {
        StepWorkload s = new StepWorkload(Optional.empty(), Map.of(), Map.of(), OptionalDouble.of(10),
                OptionalDouble.of(20), OptionalInt.empty());
        WorkflowWorkload w = new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                Map.of("T", s), Map.of());
        MonteCarloResult r = MonteCarloSimulator.simulate(sequence(task("T", null)), w, 200_000, 9);
        assertThat(r.durationSeconds().mean()).isCloseTo(10, within(0.15));
        assertThat(r.durationSeconds().p95()).isCloseTo(20, within(0.2));
    }

    @Test
    void itemRangesKeepTheirMean() {
        StepWorkload fan = new StepWorkload(Optional.of(new ItemCount(30, 10, 50)), Map.of(), Map.of(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty());
        WorkflowWorkload w = new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                Map.of("Fan", fan), Map.of());
        MonteCarloResult r = MonteCarloSimulator.simulate(ExactAnalyzerTest.seedTrap(), w, 50_000, 2);
        assertAgrees(r, 3 + 30);
        assertThat(r.transitions().max()).isLessThanOrEqualTo(53);
    }

    @Test
    void unendingLoopIsAnErrorNotAHang() {
        MonteCarloResult r = MonteCarloSimulator.simulate(ExactAnalyzerTest.pollingLoop(),
                Work.of().branches("IsDone", Map.of("0", 0.0, "Default", 1.0)).build(), 1_000, 1);
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.executions()).isZero();
    }

    @Test
    void retriedMapAgreesWithExact() {
        StateMachine m = sequence(inlineMap("Fan", null, sequence(task("T", null)), 0, List.of(retry(1)), List.of()));
        MonteCarloResult r = MonteCarloSimulator.simulate(m, Work.of().items("Fan", 2).failure("Fan/T", 0.1).build(),
                100_000, 4);
        assertAgrees(r, 1.19 + 2.38); // see ExactAnalyzerTest.mapFailsWhenAnIterationFailsAndIsRetriedWhole
        assertThat(r.successRate()).isCloseTo(1 - 0.19 * 0.19, within(0.005));
    }

    @Test
    void nestedDistributedChildrenAreCountedPerIteration() {
        MonteCarloResult r = MonteCarloSimulator.simulate(ExactAnalyzerTest.distributedInsideInline(),
                Work.of().items("Outer", 3).items("Outer/Inner", 10).build(), 1_000, 4);
        assertThat(r.transitions().mean()).isCloseTo(34, within(1e-9));
        assertThat(r.meanStandardChildExecutions()).isCloseTo(30, within(1e-9));
        assertThat(r.meanStandardChildTransitions()).isCloseTo(30, within(1e-9));
    }

    @Test
    void mapDurationFollowsMaxConcurrencyAndParallelItsSlowestBranch() {
        StateMachine map = sequence(inlineMap("Fan", null, sequence(task("T", null)), 10, List.of(), List.of()));
        MonteCarloResult r = MonteCarloSimulator.simulate(map, Work.of().items("Fan", 100).duration("Fan/T", 2).build(),
                100, 1);
        // 100 iterations of 2 s on 10 slots: 10 waves of 2 s
        assertThat(r.durationSeconds().max()).isCloseTo(20, within(1e-9));
        StateMachine par = sequence(Machines.parallel("Par", null, sequence(task("A", "B"), task("B", null)),
                sequence(task("C", null))));
        MonteCarloResult p = MonteCarloSimulator.simulate(par, Work.of().duration("Par/C", 5).build(), 100, 1);
        assertThat(p.durationSeconds().mean()).isCloseTo(5, within(1e-9));
    }

    @Test
    void anInlineMapRunsAtMostFortyIterationsAtOnceWhateverItsMaxConcurrency() {
        // 100 iterations of 2 s with MaxConcurrency 60: the service runs 40 at once, so 3 waves (6 s), not 2 (4 s)
        StateMachine map = sequence(inlineMap("Fan", null, sequence(task("T", null)), 60, List.of(), List.of()));
        var work = Work.of().items("Fan", 100).duration("Fan/T", 2).build();
        assertThat(ExactAnalyzer.analyze(map, work).expectedDurationSeconds()).isCloseTo(6, within(1e-9));
        assertThat(MonteCarloSimulator.simulate(map, work, 100, 1).durationSeconds().max()).isCloseTo(6, within(1e-9));
        // MaxConcurrency below the limit is kept: 100 iterations on 25 slots, 4 waves
        StateMachine narrow = sequence(inlineMap("Fan", null, sequence(task("T", null)), 25, List.of(), List.of()));
        assertThat(ExactAnalyzer.analyze(narrow, work).expectedDurationSeconds()).isCloseTo(8, within(1e-9));
        // no MaxConcurrency: the same 40
        StateMachine open = sequence(inlineMap("Fan", null, sequence(task("T", null))));
        assertThat(ExactAnalyzer.analyze(open, work).expectedDurationSeconds()).isCloseTo(6, within(1e-9));
    }

    @Test
    void aDistributedMapWithoutMaxConcurrencyRunsTenThousandChildrenAtOnce() {
        StateMachine map = sequence(Machines.distributedMap("Fan", null, sequence(task("T", null)),
                MapState.ExecutionType.EXPRESS, 0));
        var work = Work.of().items("Fan", 20_000).duration("Fan/T", 2).build();
        // 20,000 children on 10,000 slots: 2 waves of 2 s
        assertThat(ExactAnalyzer.analyze(map, work).expectedDurationSeconds()).isCloseTo(4, within(1e-9));
    }

    @Test
    void hundredThousandExecutionsOfABigMapAreAllSimulated() { // speed: MonteCarloBenchmark
        MonteCarloResult r = MonteCarloSimulator.simulate(bigMapWithRetries(), bigMapWork(), 100_000, 1);
        assertThat(r.executions()).isEqualTo(100_000);
        assertThat(r.transitions().mean()).isCloseTo(
                ExactAnalyzer.analyze(bigMapWithRetries(), bigMapWork()).transitionsPerExecution(), within(30.0));
    }
}
