package dev.flowcost.core.simulate.dag;

import static dev.flowcost.core.simulate.dag.DagFixtures.branches;
import static dev.flowcost.core.simulate.dag.DagFixtures.dag;
import static dev.flowcost.core.simulate.dag.DagFixtures.items;
import static dev.flowcost.core.simulate.dag.DagFixtures.mapped;
import static dev.flowcost.core.simulate.dag.DagFixtures.seconds;
import static dev.flowcost.core.simulate.dag.DagFixtures.sensor;
import static dev.flowcost.core.simulate.dag.DagFixtures.step;
import static dev.flowcost.core.simulate.dag.DagFixtures.task;
import static dev.flowcost.core.simulate.dag.DagFixtures.withPool;
import static dev.flowcost.core.simulate.dag.DagFixtures.withRetries;
import static dev.flowcost.core.simulate.dag.DagFixtures.withRule;
import static dev.flowcost.core.simulate.dag.DagFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.EnvironmentClass;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.dag.TriggerRule;
import dev.flowcost.core.workload.ItemCount;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DagRunSimulatorTest {

    private final DagRunSimulator sim = new DagRunSimulator();
    private final DagSimulationSettings unlimited = DagSimulationSettings.unlimited();

    @Test
    void diamondRunsEachTaskOnceAlongTheCriticalPath() {
        // a(10) → b(20), a → c(30), b,c → d(5): a 0–10, b 10–30, c 10–40, d 40–45.
        // makespan 45; 4 instances; slot-seconds 10+20+30+5 = 65; b and c overlap → peak 2.
        Dag d = dag("diamond", List.of(task("a"), task("b"), task("c"), task("d")), "a>b", "a>c", "b>d", "c>d");
        WorkflowWorkload w = workload("a", seconds(10), "b", seconds(20), "c", seconds(30), "d", seconds(5));
        DagRunResult r = sim.simulate(d, w, unlimited, 1, 1L);
        assertThat(r.meanMakespanSeconds()).isEqualTo(45.0);
        assertThat(r.meanTaskInstances()).isEqualTo(4.0);
        assertThat(r.meanSlotSeconds()).isEqualTo(65.0);
        assertThat(r.peakConcurrentTasks()).isEqualTo(2);
        assertThat(r.successProbability()).isEqualTo(1.0);
        assertThat(r.perTask().get("c").expectedSlotSeconds()).isEqualTo(30.0);
        assertThat(r.firstRunSchedule()).extracting(TaskAttempt::taskId).containsExactly("a", "b", "c", "d");
        assertThat(r.firstRunSchedule().get(3).startSeconds()).isEqualTo(40.0);
        assertThat(r.defaultsUsed()).noneMatch(s -> s.contains("default)") && s.startsWith("a:"));
    }

    @Test
    void poolOfOneSerialisesParallelTasks() {
        // x and y (30 s each) have no upstream; in a pool of 1 they run one after the other: makespan 60, peak 1.
        Dag d = dag("pooled", List.of(withPool(task("x"), "serial"), withPool(task("y"), "serial")));
        WorkflowWorkload w = workload("x", seconds(30), "y", seconds(30));
        DagRunResult pooled = sim.simulate(d, w, unlimited.withPool("serial", 1), 1, 1L);
        assertThat(pooled.meanMakespanSeconds()).isEqualTo(60.0);
        assertThat(pooled.peakConcurrentTasks()).isEqualTo(1);
        DagRunResult free = sim.simulate(d, w, unlimited.withPool("serial", 2), 1, 1L);
        assertThat(free.meanMakespanSeconds()).isEqualTo(30.0);
        assertThat(free.peakConcurrentTasks()).isEqualTo(2);
    }

    @Test
    void branchRunsTheWeightedDownstreamAndSkipsTheOther() {
        // br picks b with weight 0.8, c with 0.2; join (none_failed_min_one_success) always runs.
        // expected instances: br 1 + b 0.8 + c 0.2 + join 1 = 3.0.
        Dag d = dag("branchy", List.of(task("br", OperatorFamily.BRANCH), task("b"), task("c"),
                withRule(task("join"), TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS)), "br>b", "br>c", "b>join", "c>join");
        WorkflowWorkload w = workload("br", branches(Map.of("b", 0.8, "c", 0.2)));
        DagRunResult r = sim.simulate(d, w, unlimited, 20_000, 7L);
        assertThat(r.perTask().get("b").expectedInstances()).isCloseTo(0.8, within(0.015));
        assertThat(r.perTask().get("c").expectedInstances()).isCloseTo(0.2, within(0.015));
        assertThat(r.perTask().get("c").skipProbability()).isCloseTo(0.8, within(0.015));
        assertThat(r.perTask().get("join").expectedInstances()).isEqualTo(1.0);
        assertThat(r.meanTaskInstances()).isCloseTo(3.0, within(1e-9));
        assertThat(r.successProbability()).isEqualTo(1.0);
    }

    @Test
    void branchWeightsMayBeKeyedByDownstreamIndex() {
        // "0" is b (first edge), "1" is c: weights 0 and 1 → c always, b never.
        Dag d = dag("branchy", List.of(task("br", OperatorFamily.BRANCH), task("b"), task("c")), "br>b", "br>c");
        WorkflowWorkload w = workload("br", branches(Map.of("0", 0.0, "1", 1.0)));
        DagRunResult r = sim.simulate(d, w, unlimited, 200, 7L);
        assertThat(r.perTask().get("b").expectedInstances()).isEqualTo(0.0);
        assertThat(r.perTask().get("c").expectedInstances()).isEqualTo(1.0);
        assertThat(r.meanTaskInstances()).isEqualTo(2.0);
    }

    @Test
    void unknownBranchKeyIsReportedNotThrown() {
        Dag d = dag("branchy", List.of(task("br", OperatorFamily.BRANCH), task("b"), task("c")), "br>b", "br>c");
        DagRunResult r = sim.simulate(d, workload("br", branches(Map.of("nope", 1.0))), unlimited, 10, 7L);
        assertThat(r.diagnostics()).anyMatch(x -> x.message().contains("\"nope\""));
        assertThat(r.meanTaskInstances()).isEqualTo(2.0);
    }

    @Test
    void allSuccessJoinAfterBranchIsSkippedAndSkipPropagates() {
        // br → x (weight 1), br → y (weight 0); x,y → j (all_success) → k (all_success).
        // y is skipped, so j is skipped, so k is skipped: only br and x run → 2 instances, run succeeds.
        Dag d = dag("skips", List.of(task("br", OperatorFamily.BRANCH), task("x"), task("y"), task("j"), task("k")),
                "br>x", "br>y", "x>j", "y>j", "j>k");
        DagRunResult r = sim.simulate(d, workload("br", branches(Map.of("x", 1.0))), unlimited, 50, 3L);
        assertThat(r.meanTaskInstances()).isEqualTo(2.0);
        assertThat(r.perTask().get("j").skipProbability()).isEqualTo(1.0);
        assertThat(r.perTask().get("k").skipProbability()).isEqualTo(1.0);
        assertThat(r.successProbability()).isEqualTo(1.0);
    }

    @Test
    void noneFailedMinOneSuccessRunsDespiteASkippedUpstream() {
        // Same shape with j none_failed_min_one_success: x succeeded, y skipped → j runs, then k → 4 instances.
        Dag d = dag("nfmos", List.of(task("br", OperatorFamily.BRANCH), task("x"), task("y"),
                withRule(task("j"), TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS), task("k")),
                "br>x", "br>y", "x>j", "y>j", "j>k");
        DagRunResult r = sim.simulate(d, workload("br", branches(Map.of("x", 1.0))), unlimited, 50, 3L);
        assertThat(r.meanTaskInstances()).isEqualTo(4.0);
        assertThat(r.perTask().get("y").skipProbability()).isEqualTo(1.0);
        assertThat(r.perTask().get("j").expectedInstances()).isEqualTo(1.0);
    }

    @Test
    void oneFailedRunsOnlyWhenAnUpstreamFails() {
        // a always fails (no retries), b succeeds; alert (one_failed) runs: 3 instances. The only leaf is alert,
        // which succeeded, and Airflow judges a run by its leaves, so the run counts as success.
        // When nothing fails, alert is skipped: 2 instances.
        Dag d = dag("alerting", List.of(task("a"), task("b"), withRule(task("alert"), TriggerRule.ONE_FAILED)),
                "a>alert", "b>alert");
        DagRunResult failing = sim.simulate(d, workload("a", step(10, 1.0), "b", seconds(10)), unlimited, 5, 1L);
        assertThat(failing.meanTaskInstances()).isEqualTo(3.0);
        assertThat(failing.perTask().get("alert").expectedInstances()).isEqualTo(1.0);
        assertThat(failing.successProbability()).isEqualTo(1.0);
        DagRunResult fine = sim.simulate(d, workload("a", seconds(10), "b", seconds(10)), unlimited, 5, 1L);
        assertThat(fine.meanTaskInstances()).isEqualTo(2.0);
        assertThat(fine.perTask().get("alert").skipProbability()).isEqualTo(1.0);
    }

    @Test
    void allDoneRunsAfterAFailureAndFailedUpstreamMarksAllSuccessUpstreamFailed() {
        // a fails; cleanup (all_done) runs; report (all_success) becomes upstream_failed and never runs.
        // instances: a 1 + b 1 + cleanup 1 = 3; report is a leaf in upstream_failed → the run fails.
        Dag d = dag("cleanup", List.of(task("a"), task("b"), withRule(task("cleanup"), TriggerRule.ALL_DONE),
                task("report")), "a>cleanup", "b>cleanup", "a>report");
        DagRunResult r = sim.simulate(d, workload("a", step(10, 1.0), "b", seconds(10)), unlimited, 5, 1L);
        assertThat(r.meanTaskInstances()).isEqualTo(3.0);
        assertThat(r.perTask().get("cleanup").expectedInstances()).isEqualTo(1.0);
        assertThat(r.perTask().get("report").expectedInstances()).isEqualTo(0.0);
        assertThat(r.successProbability()).isEqualTo(0.0);
    }

    @Test
    void retryWithHalfFailureGivesOneAndAHalfInstances() {
        // one attempt fails with p = 0.5, retries = 1: E[instances] = 1 + 0.5 = 1.5; P(success) = 1 − 0.25 = 0.75.
        Dag d = dag("retry", List.of(withRetries(task("a"), 1, 300, false, null)));
        DagRunResult r = sim.simulate(d, workload("a", step(10, 0.5)), unlimited, 40_000, 11L);
        assertThat(r.meanTaskInstances()).isCloseTo(1.5, within(0.01));
        assertThat(r.successProbability()).isCloseTo(0.75, within(0.01));
        // makespan: 10 s, or 10 + 300 + 10 = 320 s half the time → mean 165.
        assertThat(r.meanMakespanSeconds()).isCloseTo(165.0, within(3.0));
    }

    @Test
    void exponentialBackoffDoublesAndCapsTheRetryDelay() {
        // always fails, 3 retries, 1 s attempts, delay 10 exponential capped at 15:
        // 0–1, wait 10, 11–12, wait 20→15, 27–28, wait 40→15, 43–44 → makespan 44, 4 instances.
        Dag d = dag("backoff", List.of(withRetries(task("a"), 3, 10, true, 15.0)));
        DagRunResult r = sim.simulate(d, workload("a", step(1, 1.0)), unlimited, 1, 1L);
        assertThat(r.meanMakespanSeconds()).isEqualTo(44.0);
        assertThat(r.meanTaskInstances()).isEqualTo(4.0);
        assertThat(r.successProbability()).isEqualTo(0.0);
        assertThat(r.firstRunSchedule()).extracting(TaskAttempt::tryNumber).containsExactly(1, 2, 3, 4);
    }

    @Test
    void defaultRetryDelayIsListed() {
        Dag d = dag("retry", List.of(new DagTask("a", "PythonOperator", "",
                OperatorFamily.WORKER_CODE, 3, 1, OptionalDouble.empty(), false, OptionalDouble.empty(),
                OptionalDouble.empty(), TriggerRule.ALL_SUCCESS, null, 1, Optional.empty(), false, Optional.empty(),
                null, Map.of(), Optional.empty())));
        // fails once for sure: 60 s default + 300 s default delay + 60 s → 420 s.
        DagRunResult r = sim.simulate(d, workload("a", new StepWorkload(Optional.empty(),
                Map.of("States.TaskFailed", 1.0), Map.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalInt.empty())), unlimited, 1, 1L);
        assertThat(r.meanMakespanSeconds()).isEqualTo(420.0);
        assertThat(r.defaultsUsed()).contains("a: retry_delay 300 s (Airflow default)",
                "a: takes 60 s (WORKER_CODE default)");
    }

    @Test
    void mappedTaskOnSmallWorkerRunsInWaves() {
        // 100 mapped instances of 60 s on mw1.small with 1 worker = 5 slots: 100/5 = 20 waves × 60 s = 1,200 s;
        // slot-seconds 100 × 60 = 6,000; 100 task instances; peak 5.
        Dag d = dag("fanout", List.of(mapped(task("m"))));
        DagSimulationSettings small = DagSimulationSettings.forEnvironment(EnvironmentClass.MW1_SMALL, 1);
        DagRunResult r = sim.simulate(d, workload("m", items(100, 60)), small, 1, 1L);
        assertThat(r.meanMakespanSeconds()).isEqualTo(1200.0);
        assertThat(r.meanSlotSeconds()).isEqualTo(6000.0);
        assertThat(r.meanTaskInstances()).isEqualTo(100.0);
        assertThat(r.peakConcurrentTasks()).isEqualTo(5);
    }

    @Test
    void mappedTaskWithoutItemsUsesOneAndSaysSo() {
        Dag d = dag("fanout", List.of(mapped(task("m"))));
        DagRunResult r = sim.simulate(d, workload("m", seconds(5)), unlimited, 1, 1L);
        assertThat(r.meanTaskInstances()).isEqualTo(1.0);
        assertThat(r.defaultsUsed()).anyMatch(s -> s.startsWith("m: mapped over 1 item"));
    }

    @Test
    void mappedTaskOverZeroItemsIsSkipped() {
        Dag d = dag("fanout", List.of(mapped(task("m")), task("after")), "m>after");
        DagRunResult r = sim.simulate(d, workload("m", items(0, 5)), unlimited, 1, 1L);
        assertThat(r.meanTaskInstances()).isEqualTo(0.0);
        assertThat(r.perTask().get("after").skipProbability()).isEqualTo(1.0);
    }

    @Test
    void pokeSensorHoldsASlotForItsWholeWaitRescheduleOnlyForPokes() {
        // wait 600 s, poke_interval 60 s.
        // poke: one hold of 600 s → slot-seconds 600, makespan 600.
        // reschedule: floor(600/60)+1 = 11 pokes of 1 s, 60 s apart: last starts at 10 × 61 = 610 → makespan 611,
        //   slot-seconds 11.
        // deferrable: defer 1 s, wait 600 s in the triggerer, resume 1 s → makespan 602, slot-seconds 2.
        WorkflowWorkload w = workload("s", seconds(600));
        DagRunResult poke = sim.simulate(dag("p", List.of(sensor("s", SensorSettings.Mode.POKE, 60, false))), w,
                unlimited, 1, 1L);
        DagRunResult resched = sim.simulate(dag("r", List.of(sensor("s", SensorSettings.Mode.RESCHEDULE, 60, false))),
                w, unlimited, 1, 1L);
        DagRunResult deferred = sim.simulate(dag("d", List.of(sensor("s", SensorSettings.Mode.POKE, 60, true))), w,
                unlimited, 1, 1L);
        assertThat(poke.meanSlotSeconds()).isEqualTo(600.0);
        assertThat(poke.meanMakespanSeconds()).isEqualTo(600.0);
        assertThat(resched.meanSlotSeconds()).isEqualTo(11.0);
        assertThat(resched.meanMakespanSeconds()).isEqualTo(611.0);
        assertThat(resched.meanTaskInstances()).isEqualTo(1.0);
        assertThat(deferred.meanSlotSeconds()).isEqualTo(2.0);
        assertThat(deferred.meanMakespanSeconds()).isEqualTo(602.0);
    }

    @Test
    void sensorWithoutWorkloadWaitsTheDefaultAndSaysSo() {
        DagRunResult r = sim.simulate(dag("p", List.of(task("s", OperatorFamily.SENSOR))), WorkflowWorkload.defaults(),
                unlimited, 1, 1L);
        assertThat(r.meanSlotSeconds()).isEqualTo(600.0);
        assertThat(r.defaultsUsed()).contains("s: waits 600 s (SENSOR default)", "s: sensor mode poke (Airflow default)");
    }

    @Test
    void lognormalDurationsMatchMeanAndP95() {
        StepWorkload w = new StepWorkload(Optional.empty(), Map.of(), Map.of(), OptionalDouble.of(100),
                OptionalDouble.of(200), OptionalInt.empty());
        DagRunResult r = sim.simulate(dag("ln", List.of(task("a"))), workload("a", w), unlimited, 40_000, 5L);
        assertThat(r.meanMakespanSeconds()).isCloseTo(100.0, within(2.0));
        assertThat(r.p95MakespanSeconds()).isCloseTo(200.0, within(6.0));
    }

    @Test
    void sameSeedSameResultOtherSeedOtherResult() {
        Dag d = dag("diamond", List.of(withRetries(task("a"), 2, 30, true, null), task("b"), task("c"), task("d")),
                "a>b", "a>c", "b>d", "c>d");
        StepWorkload ln = new StepWorkload(Optional.empty(), Map.of("States.TaskFailed", 0.3), Map.of(),
                OptionalDouble.of(100), OptionalDouble.of(250), OptionalInt.empty());
        WorkflowWorkload w = workload("a", ln, "b", ln, "c", ln);
        DagRunResult one = sim.simulate(d, w, unlimited, 500, 42L);
        DagRunResult two = sim.simulate(d, w, unlimited, 500, 42L);
        DagRunResult other = sim.simulate(d, w, unlimited, 500, 43L);
        assertThat(two).isEqualTo(one);
        assertThat(other.meanMakespanSeconds()).isNotEqualTo(one.meanMakespanSeconds());
    }

    @Test
    void cycleIsADiagnosticNotAHang() {
        Dag d = dag("loop", List.of(task("a"), task("b")), "a>b", "b>a");
        DagRunResult r = sim.simulate(d, WorkflowWorkload.defaults(), unlimited, 2, 1L);
        assertThat(r.diagnostics()).anyMatch(x -> x.isError() && x.message().contains("cycle"));
        assertThat(r.successProbability()).isEqualTo(0.0);
        assertThat(r.meanTaskInstances()).isEqualTo(0.0);
    }

    @Test
    void maxActiveTasksLimitsConcurrency() {
        // 4 independent 10 s tasks, max_active_tasks 2 → two waves: makespan 20, peak 2.
        Dag d = dag("wide", List.of(task("a"), task("b"), task("c"), task("d")));
        DagRunResult r = sim.simulate(d, workload("a", seconds(10), "b", seconds(10), "c", seconds(10), "d",
                seconds(10)), unlimited.withMaxActiveTasksPerDag(2), 1, 1L);
        assertThat(r.meanMakespanSeconds()).isEqualTo(20.0);
        assertThat(r.peakConcurrentTasks()).isEqualTo(2);
    }

    @Test
    void executionTimeoutFailsTheAttemptAtTheTimeout() {
        // a would take 100 s but execution_timeout is 30 s: each attempt fails at 30 s; 1 retry after 10 s →
        // 0–30, wait 10, 40–70 → makespan 70, 2 instances, 60 slot-s, the run fails.
        DagTask base = withRetries(task("a"), 1, 10, false, null);
        DagTask timed = new DagTask(base.taskId(), base.operator(), base.operatorModule(), base.family(), 0,
                base.retries(), base.retryDelaySeconds(), false, OptionalDouble.empty(), OptionalDouble.of(30),
                base.triggerRule(), base.pool(), 1, Optional.empty(), false, Optional.empty(), null, Map.of(),
                Optional.empty());
        DagRunResult r = sim.simulate(dag("timeout", List.of(timed)), workload("a", seconds(100)), unlimited, 1, 1L);
        assertThat(r.meanMakespanSeconds()).isEqualTo(70.0);
        assertThat(r.meanTaskInstances()).isEqualTo(2.0);
        assertThat(r.meanSlotSeconds()).isEqualTo(60.0);
        assertThat(r.successProbability()).isEqualTo(0.0);
    }

    @Test
    void mappedItemsAreDrawnUniformlyBetweenMinAndMax() {
        // items uniform on 10..30 → mean 20 instances per run.
        StepWorkload w = new StepWorkload(Optional.of(new ItemCount(20, 10, 30)), Map.of(), Map.of(),
                OptionalDouble.of(1), OptionalDouble.empty(), OptionalInt.empty());
        DagRunResult r = sim.simulate(dag("fan", List.of(mapped(task("m")))), workload("m", w), unlimited, 5_000, 3L);
        assertThat(r.meanTaskInstances()).isCloseTo(20.0, within(0.3));
    }
}
