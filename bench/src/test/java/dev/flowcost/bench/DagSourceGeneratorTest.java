package dev.flowcost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.python.PythonDagReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DagSourceGeneratorTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void everyIdiomReadsAsOneDagWithTheAskedTaskCount(int idiom) {
        for (int tasks : new int[] {6, 30, 50}) {
            DagReadResult r = new PythonDagReader().read("d.py", DagSourceGenerator.source(idiom, tasks));

            assertThat(r.hasErrors()).as("%s", r.diagnostics()).isFalse();
            assertThat(r.dags()).hasSize(1);
            Dag dag = r.dags().get(0);
            assertThat(dag.dagId()).isEqualTo(DagSourceGenerator.dagId(idiom));
            assertThat(dag.tasks()).as("idiom %d, %d tasks", idiom, tasks).hasSize(tasks);
            assertThat(dag.edges()).hasSizeGreaterThanOrEqualTo(tasks - 1);
        }
    }
}
