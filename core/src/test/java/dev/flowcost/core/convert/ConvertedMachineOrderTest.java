package dev.flowcost.core.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.TriggerRule;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The law that makes a converted draft usable: on its success path every DAG task runs exactly once, and only
 * after all of its upstream tasks have finished (whatever the graph's shape, series-parallel or not).
 */
class ConvertedMachineOrderTest {

    private static final List<String> OPERATORS = List.of("PythonOperator", "GlueJobOperator",
            "LambdaInvokeFunctionOperator", "GlueCrawlerOperator", "BashOperator");

    /** A DAG of {@code size} tasks; each edge i → j (i < j) is present with probability density%. */
    static Dag randomDag(int size, long seed, int density) {
        Random random = new Random(seed);
        TestDags d = TestDags.dag();
        for (int i = 0; i < size; i++) {
            String op = OPERATORS.get(random.nextInt(OPERATORS.size()));
            if (random.nextInt(6) == 0) {
                d.add(TestDags.mapped("t" + i, op));
            } else {
                d.task("t" + i, op);
            }
        }
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                if (random.nextInt(100) < density) {
                    d.chain("t" + i, "t" + j);
                }
            }
        }
        return d.build();
    }

    @Test
    void convertedMachineRespectsDagOrder() {
        qt().withExamples(300)
                .forAll(integers().between(1, 25), longs().all(), integers().between(0, 60))
                .checkAssert((size, seed, density) -> {
                    Dag dag = randomDag(size, seed, density);
                    JsonNode machine = AslShape.parse(DagToAslConverter.convert(dag, WorkflowWorkload.defaults()).toJson());
                    AslShape.assertWellFormed(machine);
                    Set<String> ids = new HashSet<>();
                    dag.tasks().forEach(t -> ids.add(t.taskId()));

                    Map<String, List<Set<String>>> runs = AslShape.run(machine, ids);

                    assertThat(runs.keySet()).as("tasks that ran").isEqualTo(ids);
                    for (String id : ids) {
                        assertThat(runs.get(id)).as(id + " runs exactly once").hasSize(1);
                    }
                    for (Edge e : dag.edges()) {
                        assertThat(runs.get(e.downstream()).get(0)).as(e.downstream() + " starts after " + e.upstream()
                                + " finished").contains(e.upstream());
                    }
                });
    }

    @Test
    void interpreterSeesThroughAParallelThatBreaksAnEdge() {
        JsonNode wrong = AslShape.parse("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"End\":true,"
                + "\"Branches\":[{\"StartAt\":\"a\",\"States\":{\"a\":{\"Type\":\"Pass\",\"End\":true}}},"
                + "{\"StartAt\":\"x\",\"States\":{\"x\":{\"Type\":\"Pass\",\"Next\":\"b\"},\"b\":{\"Type\":\"Pass\",\"End\":true}}}]}}}");
        Map<String, List<Set<String>>> runs = AslShape.run(wrong, Set.of("a", "b"));
        assertThat(runs.get("b").get(0)).as("b is not ordered after a in another branch").doesNotContain("a");
    }

    private static final List<String> ANY_OPERATORS = List.of("PythonOperator", "BranchPythonOperator",
            "ShortCircuitOperator", "S3KeySensor", "HttpSensor", "EmptyOperator", "ExternalTaskSensor",
            "TriggerDagRunOperator", "GlueCrawlerOperator", "EmrAddStepsOperator", "SageMakerModelOperator", "MyCustomOperator");

    @Test
    void everyOperatorMixGivesAWellFormedMachineWithAStatePerTask() {
        qt().withExamples(300)
                .forAll(integers().between(1, 20), longs().all(), integers().between(0, 60))
                .checkAssert((size, seed, density) -> {
                    Random random = new Random(seed);
                    TestDags d = TestDags.dag();
                    TriggerRule[] rules = TriggerRule.values();
                    for (int i = 0; i < size; i++) {
                        String op = ANY_OPERATORS.get(random.nextInt(ANY_OPERATORS.size()));
                        TriggerRule rule = random.nextInt(3) == 0 ? rules[random.nextInt(rules.length)] : TriggerRule.ALL_SUCCESS;
                        d.add(random.nextInt(8) == 0 ? TestDags.mapped("t" + i, op) : TestDags.withTriggerRule("t" + i, op, rule));
                    }
                    for (int i = 0; i < size; i++) {
                        for (int j = i + 1; j < size; j++) {
                            if (random.nextInt(100) < density) {
                                d.chain("t" + i, "t" + j);
                            }
                        }
                    }
                    Dag dag = d.build();
                    ConversionResult r = DagToAslConverter.convert(dag, WorkflowWorkload.defaults());
                    JsonNode machine = AslShape.parse(r.toJson());
                    AslShape.assertWellFormed(machine);
                    Set<String> dropped = new HashSet<>();
                    r.notes().stream().filter(n -> n.message().contains("only joins")).forEach(n -> dropped.add(n.taskId()));
                    for (var t : dag.tasks()) {
                        if (!dropped.contains(t.taskId())) {
                            assertThat(AslShape.find(machine, t.taskId())).as("state for " + t.taskId()).isNotNull();
                        }
                    }
                });
    }
}
