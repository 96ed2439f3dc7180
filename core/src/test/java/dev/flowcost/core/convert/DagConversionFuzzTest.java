package dev.flowcost.core.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.formats.DotDagReader;
import dev.flowcost.core.simulate.ExactAnalyzer;
import dev.flowcost.core.simulate.ExactResult;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.DagRunSimulator;
import dev.flowcost.core.simulate.dag.DagSimulationSettings;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.nio.charset.StandardCharsets;

/**
 * Past the readers (issue 15, item 8): any DAG a fuzzed DOT file yields is simulated, laid out and converted to a
 * state machine, and the machine flowcost writes must read back without an error and be analysable: layout,
 * conversion and the engines never throw on a graph the reader accepted. The DOT reader makes arbitrary graph
 * shapes cheaply (fan-ins, fan-outs, non-series-parallel parts, deep nesting, long chains).
 * Replayed in every build; {@code JAZZER_FUZZ=1 mvn -pl core -am test -Dtest=DagConversionFuzzTest} fuzzes.
 */
class DagConversionFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void convertedSimulatedAndReadBack(byte[] data) {
        DagReadResult read = new DotDagReader().read("fuzz.dot", new String(data, StandardCharsets.UTF_8));
        if (read.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            return; // cycles and syntax errors are refusals the reader's own fuzz test covers
        }
        for (Dag dag : read.dags()) {
            if (dag.tasks().size() > 2_000) {
                continue;
            }
            DagRunResult runs = new DagRunSimulator().simulate(dag, WorkflowWorkload.defaults(),
                    DagSimulationSettings.airflowDefaults(), 20, 1L);
            assertThat(runs).isNotNull();
            ConversionResult converted = DagToAslConverter.convert(dag, WorkflowWorkload.defaults());
            String json = converted.toJson();
            AslReadResult back = new AslReader().read("converted.asl.json", json.getBytes(StandardCharsets.UTF_8));
            assertThat(back.diagnostics().stream().filter(Diagnostic::isError).toList())
                    .as("the converted machine of %s reads back: %s", dag.dagId(), json).isEmpty();
            ExactResult exact = ExactAnalyzer.analyze(back.machine().orElseThrow(), WorkflowWorkload.defaults());
            assertThat(exact.transitionsPerExecution()).as("transitions of %s", dag.dagId()).isFinite()
                    .isGreaterThanOrEqualTo(0);
            assertThat(converted.toYaml()).isNotEmpty();
        }
    }
}
