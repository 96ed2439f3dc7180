package dev.flowcost.core.dag.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loop budgets are per DAG, with one more for module-level code; running one out is a warning naming the DAG. */
class ReadingBudgetsTest {

    private final PythonDagReader reader = new PythonDagReader();

    private DagReadResult read(String name) {
        try {
            return reader.read(Path.of(ReadingBudgetsTest.class.getResource("/dag/budgets/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Diagnostic> warnings(DagReadResult r) {
        return r.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }

    @Test
    void moduleLevelComprehensionDoesNotStarveTheDagsLoop() {
        DagReadResult r = read("module-comprehension-before-dag-loop.py");
        Dag dag = r.dags().get(0);
        assertThat(dag.tasks()).hasSize(4);
        assertThat(warnings(r)).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(9);
            assertThat(w.message()).startsWith("module-level code").contains("more than 10000 loop iterations")
                    .contains("may be missing");
        });
        assertThat(r.diagnostics()).noneMatch(d -> d.severity() == Severity.ERROR);
    }

    @Test
    void dagOverItsOwnBudgetIsNamedAndOtherDagsAreWhole() {
        DagReadResult r = read("dag-loop-over-budget.py");
        assertThat(r.dags()).extracting(Dag::dagId).containsExactly("wide", "small");
        assertThat(r.dags().get(0).tasks()).hasSize(DagInterpreter.MAX_LOOP_ITERATIONS);
        assertThat(r.dags().get(1).tasks()).hasSize(3);
        assertThat(warnings(r)).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(6);
            assertThat(w.message()).startsWith("DAG 'wide'").contains("loop iterations")
                    .contains("tasks of DAG 'wide' made there may be missing");
        });
    }
}
