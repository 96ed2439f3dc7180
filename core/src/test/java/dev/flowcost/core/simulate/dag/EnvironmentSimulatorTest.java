package dev.flowcost.core.simulate.dag;

import static dev.flowcost.core.simulate.dag.DagFixtures.dag;
import static dev.flowcost.core.simulate.dag.DagFixtures.items;
import static dev.flowcost.core.simulate.dag.DagFixtures.mapped;
import static dev.flowcost.core.simulate.dag.DagFixtures.seconds;
import static dev.flowcost.core.simulate.dag.DagFixtures.task;
import static dev.flowcost.core.simulate.dag.DagFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EnvironmentSimulatorTest {

    private final EnvironmentSimulator sim = new EnvironmentSimulator();

    private static EnvironmentSpec env(String cls, int min, int max) {
        return new EnvironmentSpec("prod", cls, min, max, 2, 2, 10, List.of("*"));
    }

    private static DagSchedule diamondHourly() {
        Dag d = dag("diamond", List.of(task("a"), task("b"), task("c"), task("d")), "a>b", "a>c", "b>d", "c>d");
        WorkflowWorkload w = workload("a", seconds(10), "b", seconds(20), "c", seconds(30), "d", seconds(5));
        return new DagSchedule(d, w, 730);
    }

    @Test
    void smallHourlyDagNeedsNoExtraWorkersAndFitsASmallerClass() {
        // 730 runs of the diamond (65 slot-s, 4 instances, peak 2) an hour apart on mw1.small (5 slots/worker):
        // never queues, so no extra worker; 730 × 65 = 47,450 slot-s; 730 × 4 = 2,920 instances.
        // Peak 2 < mw1.micro's 3 slots at 1 worker and 1 DAG ≤ 25 → LARGER_THAN_NEEDED.
        EnvironmentMonthResult r = sim.simulate(env("mw1.small", 1, 5), List.of(diamondHourly()), 1L);
        assertThat(r.workerHoursAboveMinimum()).isEqualTo(0.0);
        assertThat(r.peakWorkers()).isEqualTo(1);
        assertThat(r.peakRunningTasks()).isEqualTo(2);
        assertThat(r.slotSecondsByDag().get("diamond")).isCloseTo(47_450.0, within(1e-6));
        assertThat(r.taskInstancesByDag().get("diamond")).isEqualTo(2_920L);
        assertThat(r.runsByDag().get("diamond")).isEqualTo(730);
        assertThat(r.queuedTaskSeconds()).isEqualTo(0.0);
        assertThat(r.verdict()).isEqualTo(SizingVerdict.LARGER_THAN_NEEDED);
        // 730 h / 10 min = 4,380 slices; the first holds one run: 65 slot-s over 600 s, peak 2, 1 worker.
        assertThat(r.timeline()).hasSize(4_380);
        assertThat(r.timeline().get(0).meanRunningTasks()).isCloseTo(65.0 / 600, within(1e-9));
        assertThat(r.timeline().get(0).peakRunningTasks()).isEqualTo(2);
        assertThat(r.timeline().get(0).meanWorkers()).isEqualTo(1.0);
        assertThat(r.timeline().get(1).meanRunningTasks()).isEqualTo(0.0);
    }

    @Test
    void fourParallelTasksFitSmallButNotMicro() {
        // 4 parallel 60 s tasks: peak 4 ≤ 5 slots (no queue), but 4 ≥ micro's 3 → OK.
        Dag d = dag("wide", List.of(task("a"), task("b"), task("c"), task("e")));
        EnvironmentMonthResult r = sim.simulate(env("mw1.small", 1, 5),
                List.of(new DagSchedule(d, workload("a", seconds(60), "b", seconds(60), "c", seconds(60), "e",
                        seconds(60)), 730)), 1L);
        assertThat(r.peakRunningTasks()).isEqualTo(4);
        assertThat(r.workerHoursAboveMinimum()).isEqualTo(0.0);
        assertThat(r.verdict()).isEqualTo(SizingVerdict.OK);
    }

    @Test
    void heavyFanOutAddsWorkersAndQueuesAtTheMaximum() {
        // Each hour 100 mapped instances of 60 s on mw1.small, 1..5 workers (5 slots each); max_active_tasks lifted
        // to 1,000 so that only worker slots bind.
        // 0–60 s: 5 run, 95 queue; at 0 s 4 workers are asked for (ceil(100/5) = 20, capped at 5) and arrive at 120 s.
        // 60–120 s: 5 run, 90 queue. From 120 s, 25 slots: 25 | 25 | 25 | 15 in waves at 120, 180, 240, 300 → done 360.
        // queued per run: 60 × (95 + 90) before the maximum + 60 × (65 + 40 + 15) = 7,200 at it → 18,300 task-s.
        // 7,200 queued at max > 1% of 6,000 slot-s → TOO_SMALL.
        // Extra workers: 4 from 120 s until the surplus has lasted 600 s (surplus starts at 300 or 360 s) → at least
        // 4 × 780 s = 0.867 h a run; workers step down to the window's highest need, at most 4 × 780 + 2 × 660 s
        // = 1.233 h a run.
        Dag d = dag("fanout", List.of(mapped(task("m"))));
        EnvironmentMonthResult r = sim.simulate(env("mw1.small", 1, 5),
                List.of(new DagSchedule(d, workload("m", items(100, 60)), 730)), 730,
                EnvironmentSimulator.defaultSettings().withMaxActiveTasksPerDag(1000), 1L);
        assertThat(r.peakWorkers()).isEqualTo(5);
        assertThat(r.queuedTaskSeconds()).isCloseTo(730 * 18_300.0, within(1e-3));
        assertThat(r.queuedTaskSecondsAtMaxWorkers()).isCloseTo(730 * 7_200.0, within(1e-3));
        assertThat(r.workerHoursAboveMinimum()).isBetween(730 * 0.866, 730 * 1.234);
        assertThat(r.slotSecondsByDag().get("fanout")).isCloseTo(730 * 6_000.0, within(1e-3));
        assertThat(r.verdict()).isEqualTo(SizingVerdict.TOO_SMALL);
        assertThat(r.timeline().get(0).peakQueuedTasks()).isEqualTo(95);
        assertThat(r.timeline().get(0).peakRunningTasks()).isEqualTo(25);
    }

    @Test
    void maxActiveTasksCapsWhatAutoscalingReactsTo() {
        // Same fan-out with Airflow's max_active_tasks of 16: at 0 s 5 run and 95 queue, but only 16 may run at once,
        // so the demand is 16 → ceil(16/5) = 4 workers (3 more, at 120 s) and never the maximum of 5.
        // Waves: 0 (5), 60 (5), then 16 at 120, 180, 240, 300, 360 and 10 at 420 → done at 480 s.
        // queued per run (any reason): 60 × (95 + 90 + 74 + 58 + 42 + 26 + 10) = 23,700 task-s; none of it waits for
        // a slot at the maximum, so not TOO_SMALL; peak 16 ≥ mw1.micro's 3 → OK.
        Dag d = dag("fanout", List.of(mapped(task("m"))));
        EnvironmentMonthResult r = sim.simulate(env("mw1.small", 1, 5),
                List.of(new DagSchedule(d, workload("m", items(100, 60)), 730)), 1L);
        assertThat(r.peakWorkers()).isEqualTo(4);
        assertThat(r.peakRunningTasks()).isEqualTo(16);
        assertThat(r.queuedTaskSeconds()).isCloseTo(730 * 23_700.0, within(1e-3));
        assertThat(r.queuedTaskSecondsAtMaxWorkers()).isEqualTo(0.0);
        assertThat(r.workerHoursAboveMinimum()).isGreaterThan(0.0);
        assertThat(r.verdict()).isEqualTo(SizingVerdict.OK);
    }

    @Test
    void moreDagsThanTheClassHoldsIsTooSmall() {
        // 26 idle DAGs on mw1.micro (capacity 25) → TOO_SMALL even though nothing queues.
        List<DagSchedule> dags = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            dags.add(new DagSchedule(dag("d" + i, List.of(task("x"))), workload("x", seconds(1)), 1));
        }
        EnvironmentMonthResult r = sim.simulate(env("mw1.micro", 1, 1), dags, 1L);
        assertThat(r.queuedTaskSeconds()).isEqualTo(0.0);
        assertThat(r.verdict()).isEqualTo(SizingVerdict.TOO_SMALL);
        assertThat(r.verdictReason()).contains("26 DAGs");
    }

    @Test
    void maxActiveRunsSerialisesOverlappingRuns() {
        // A 5,400 s task started hourly: runs overlap (peak 2) unless max_active_runs = 1 (peak 1, runs wait).
        // With max_active_runs 1 all 730 runs still start, one after another, spilling past the month's end.
        Dag free = dag("long", List.of(task("x")));
        Dag serial = new Dag("long", "long.py", 1, free.schedule(), Optional.empty(), false, OptionalInt.of(1),
                OptionalInt.empty(), Map.of(), List.of(), free.tasks(), free.edges());
        EnvironmentMonthResult overlapping = sim.simulate(env("mw1.small", 1, 5),
                List.of(new DagSchedule(free, workload("x", seconds(5_400)), 730)), 1L);
        EnvironmentMonthResult oneAtATime = sim.simulate(env("mw1.small", 1, 5),
                List.of(new DagSchedule(serial, workload("x", seconds(5_400)), 730)), 1L);
        assertThat(overlapping.peakRunningTasks()).isEqualTo(2);
        assertThat(oneAtATime.peakRunningTasks()).isEqualTo(1);
        assertThat(oneAtATime.runsByDag()).containsEntry("long", 730);
        assertThat(oneAtATime.slotSecondsByDag().get("long")).isCloseTo(730 * 5_400.0, within(1e-3));
    }

    @Test
    void cyclicDagIsReportedAndNotRun() {
        Dag loop = dag("loop", List.of(task("a"), task("b")), "a>b", "b>a");
        EnvironmentMonthResult r = sim.simulate(env("mw1.small", 1, 5),
                List.of(new DagSchedule(loop, WorkflowWorkload.defaults(), 730), diamondHourly()), 1L);
        assertThat(r.diagnostics()).anyMatch(x -> x.isError() && x.message().contains("cycle"));
        assertThat(r.runsByDag()).containsEntry("loop", 0).containsEntry("diamond", 730);
    }

    @Test
    void pokeSensorsUseTheirWholeWaitRescheduleSensorsOnlyTheirPokes() {
        // hourly sensor waiting 600 s with poke_interval 60: poke → 730 × 600 = 438,000 slot-s;
        // reschedule → 730 × 11 pokes × 1 s = 8,030 slot-s. Each run is one task instance either way.
        Dag poke = dag("poke", List.of(DagFixtures.sensor("s", SensorSettings.Mode.POKE, 60, false)));
        Dag resched = dag("resched", List.of(DagFixtures.sensor("s", SensorSettings.Mode.RESCHEDULE, 60, false)));
        WorkflowWorkload w = workload("s", seconds(600));
        EnvironmentMonthResult r = sim.simulate(env("mw1.small", 1, 5),
                List.of(new DagSchedule(poke, w, 730), new DagSchedule(resched, w, 730)), 1L);
        assertThat(r.slotSecondsByDag().get("poke")).isCloseTo(438_000.0, within(1e-3));
        assertThat(r.slotSecondsByDag().get("resched")).isCloseTo(8_030.0, within(1e-3));
        assertThat(r.taskInstancesByDag()).containsEntry("poke", 730L).containsEntry("resched", 730L);
    }

    @Test
    void microNeverAutoscales() {
        // mw1.micro: 3 slots, one worker whatever maxWorkers says (capped, with a warning).
        Dag d = dag("fanout", List.of(mapped(task("m"))));
        EnvironmentMonthResult r = sim.simulate(env("mw1.micro", 1, 5),
                List.of(new DagSchedule(d, workload("m", items(30, 60)), 730)), 1L);
        assertThat(r.maxWorkers()).isEqualTo(1);
        assertThat(r.peakWorkers()).isEqualTo(1);
        assertThat(r.workerHoursAboveMinimum()).isEqualTo(0.0);
        assertThat(r.peakRunningTasks()).isEqualTo(3);
        assertThat(r.verdict()).isEqualTo(SizingVerdict.TOO_SMALL);
        assertThat(r.diagnostics()).anyMatch(x -> x.message().contains("maxWorkers 5 capped"));
    }

    @Test
    void unknownEnvironmentClassIsADiagnostic() {
        EnvironmentMonthResult r = sim.simulate(env("mw2.huge", 1, 2), List.of(diamondHourly()), 1L);
        assertThat(r.diagnostics()).anyMatch(x -> x.isError() && x.message().contains("mw2.huge"));
        assertThat(r.environmentClass()).isEqualTo("mw1.small");
    }

    @Test
    void slotSecondsAreSharedByDag() {
        // daily: 10 runs of a 100 s task → 1,000 slot-s; hourly diamond → 47,450 slot-s.
        Dag daily = dag("daily", List.of(task("x")));
        EnvironmentMonthResult r = sim.simulate(env("mw1.small", 1, 5), List.of(diamondHourly(),
                new DagSchedule(daily, workload("x", seconds(100)), 10)), 1L);
        assertThat(r.slotSecondsByDag().get("daily")).isCloseTo(1_000.0, within(1e-6));
        assertThat(r.slotSecondsByDag().get("diamond")).isCloseTo(47_450.0, within(1e-6));
        assertThat(r.totalSlotSeconds()).isCloseTo(48_450.0, within(1e-6));
        assertThat(r.runsByDag()).containsEntry("daily", 10);
    }

    @Test
    void sameSeedSameMonth() {
        StepWorkload ln = new StepWorkload(Optional.empty(), Map.of("States.TaskFailed", 0.2), Map.of(),
                OptionalDouble.of(200), OptionalDouble.of(500), OptionalInt.empty());
        Dag d = dag("noisy", List.of(DagFixtures.withRetries(task("a"), 2, 60, false, null), mapped(task("b"))),
                "a>b");
        List<DagSchedule> dags = List.of(new DagSchedule(d, workload("a", ln, "b",
                new StepWorkload(Optional.of(new dev.flowcost.core.workload.ItemCount(20, 5, 40)), Map.of(),
                        Map.of(), OptionalDouble.of(120), OptionalDouble.empty(), OptionalInt.empty())), 730));
        EnvironmentMonthResult one = sim.simulate(env("mw1.small", 1, 3), dags, 9L);
        EnvironmentMonthResult two = sim.simulate(env("mw1.small", 1, 3), dags, 9L);
        assertThat(two).isEqualTo(one);
        assertThat(one.workerHoursAboveMinimum()).isGreaterThan(0.0);
    }

    @Test
    void aMonthOfFiftyThirtyTaskDagsHourlyRunsEveryTask() {
        List<DagSchedule> dags = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            List<DagTask> tasks = new ArrayList<>();
            List<Edge> edges = new ArrayList<>();
            Map<String, StepWorkload> w = new LinkedHashMap<>();
            for (int i = 0; i < 30; i++) {
                tasks.add(task("t" + i));
                w.put("t" + i, seconds(20 + (i * 7 + k) % 40));
                if (i > 0) {
                    edges.add(new Edge("t" + ((i - 1) / 2), "t" + i));
                }
            }
            dags.add(new DagSchedule(dag("dag" + k, tasks, edges), new WorkflowWorkload(Optional.empty(),
                    OptionalDouble.empty(), OptionalInt.empty(), Map.of(), w), 730));
        }
        EnvironmentSpec e = env("mw1.medium", 1, 10);
        EnvironmentMonthResult r = sim.simulate(e, dags, 2L); // speed: EnvironmentMonthBenchmark
        assertThat(r.taskInstancesByDag().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(50L * 30 * 730);
    }

    @Test
    void aScheduleFasterThanAnyRealOneIsSimulatedInAggregateAndScaledToTheMonth() {
        // One 2 s task every 0.5 s: 730 h × 7,200 = 5,256,000 runs, over the 3,000,000-instance cap, so the first
        // 730 × 3,000,000 / 5,256,000 = 416.7 h are simulated and scaled ×1.752. Every run's 2 s counts:
        // 5,256,000 × 2 = 10,512,000 slot-s; 4 running at a time need 1 worker of 5 slots, none extra.
        Dag d = dag("fast", List.of(task("x")));
        EnvironmentMonthResult r = sim.simulate(env("mw1.small", 1, 5),
                List.of(new DagSchedule(d, workload("x", seconds(2)), 730 * 7_200.0)), 1L);
        assertThat(r.runsByDag().get("fast")).isCloseTo(5_256_000, within(10));
        assertThat(r.taskInstancesByDag().get("fast")).isCloseTo(5_256_000L, within(10L));
        assertThat(r.slotSecondsByDag().get("fast")).isCloseTo(10_512_000.0, within(20.0));
        assertThat(r.workerHoursAboveMinimum()).isEqualTo(0.0);
        assertThat(r.diagnostics()).anySatisfy(x -> assertThat(x.message()).contains("scaled the totals ×1.752"));
    }

    @Test
    void aMonthUnderTheCapIsSimulatedWhole() {
        EnvironmentMonthResult r = sim.simulate(env("mw1.small", 1, 5), List.of(diamondHourly()), 1L);
        assertThat(r.diagnostics()).noneSatisfy(x -> assertThat(x.message()).contains("scaled the totals"));
        assertThat(r.defaultsUsed()).noneSatisfy(x -> assertThat(x).contains("scaled the totals"));
    }
}
