package dev.flowcost.core.simulate.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class DagRunSimulatorPropertyTest {

    /** A random DAG: n tasks, edges only from a lower to a higher index, whole-second durations, and worker slots. */
    record RandomDag(int n, List<Boolean> edgeBits, List<Integer> durations, int slots) {
        Dag dag() {
            List<DagTask> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tasks.add(DagFixtures.task("t" + i));
            }
            return DagFixtures.dag("random", tasks, edges());
        }

        List<Edge> edges() {
            List<Edge> edges = new ArrayList<>();
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (edgeBits.get(k++)) {
                        edges.add(new Edge("t" + i, "t" + j));
                    }
                }
            }
            return edges;
        }

        WorkflowWorkload workload() {
            Map<String, StepWorkload> m = new HashMap<>();
            for (int i = 0; i < n; i++) {
                m.put("t" + i, DagFixtures.seconds(durations.get(i)));
            }
            return new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(), m);
        }

        /** Longest duration-weighted path, computed independently of the simulator (indices are a topological order). */
        double criticalPath() {
            double[] finish = new double[n];
            double best = 0;
            List<Edge> edges = edges();
            for (int j = 0; j < n; j++) {
                double start = 0;
                for (Edge e : edges) {
                    if (e.downstream().equals("t" + j)) {
                        start = Math.max(start, finish[Integer.parseInt(e.upstream().substring(1))]);
                    }
                }
                finish[j] = start + durations.get(j);
                best = Math.max(best, finish[j]);
            }
            return best;
        }
    }

    private static Gen<RandomDag> randomDags() {
        return integers().between(1, 30).flatMap(n -> lists().of(booleans().all()).ofSize(n * (n - 1) / 2)
                .zip(lists().of(integers().between(0, 100)).ofSize(n), integers().between(0, 8),
                        (bits, durs, slots) -> new RandomDag(n, bits, durs, slots)));
    }

    private static DagSimulationSettings settings(RandomDag r) {
        // slots 0 stands for unlimited
        return r.slots() == 0 ? DagSimulationSettings.unlimited()
                : DagSimulationSettings.unlimited().withWorkerSlots(r.slots());
    }

    @Test
    void everyTaskRunsOnceAfterAllItsUpstreamsAndNoFasterThanTheCriticalPath() {
        qt().withExamples(200).forAll(randomDags()).checkAssert(r -> {
            DagRunResult res = new DagRunSimulator().simulate(r.dag(), r.workload(), settings(r), 1, 99L);
            List<TaskAttempt> schedule = res.firstRunSchedule();
            assertThat(schedule).extracting(TaskAttempt::taskId).doesNotHaveDuplicates().hasSize(r.n());
            assertThat(res.meanTaskInstances()).isEqualTo(r.n());
            Map<String, TaskAttempt> byTask = new HashMap<>();
            for (TaskAttempt a : schedule) {
                byTask.put(a.taskId(), a);
            }
            for (Edge e : r.edges()) {
                assertThat(byTask.get(e.downstream()).startSeconds())
                        .as("%s starts after %s ends", e.downstream(), e.upstream())
                        .isGreaterThanOrEqualTo(byTask.get(e.upstream()).endSeconds());
            }
            assertThat(res.meanMakespanSeconds()).isGreaterThanOrEqualTo(r.criticalPath());
            if (r.slots() > 0) {
                assertThat(res.peakConcurrentTasks()).isLessThanOrEqualTo(r.slots());
            }
            assertThat(res.successProbability()).isEqualTo(1.0);
        });
    }

    @Test
    void withUnlimitedSlotsTheMakespanIsTheCriticalPath() {
        qt().withExamples(200).forAll(randomDags()).checkAssert(r -> {
            RandomDag unlimited = new RandomDag(r.n(), r.edgeBits(), r.durations(), 0);
            DagRunResult res = new DagRunSimulator().simulate(unlimited.dag(), unlimited.workload(),
                    settings(unlimited), 1, 5L);
            assertThat(res.meanMakespanSeconds()).isEqualTo(unlimited.criticalPath());
        });
    }
}
