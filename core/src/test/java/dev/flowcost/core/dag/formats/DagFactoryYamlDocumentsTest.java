package dev.flowcost.core.dag.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import org.junit.jupiter.api.Test;

/** DAG Factory YAML is read by the shared parser: anchors expand (as PyYAML does), a second document is an error. */
class DagFactoryYamlDocumentsTest {

    @Test
    void anAliasIsTheAnchorsValueNotItsName() {
        String yaml = "default:\n  default_args: {owner: x}\n"
                + "nightly:\n  schedule: '@daily'\n  tasks:\n"
                + "    extract: &job {operator: airflow.operators.bash.BashOperator, bash_command: x, retries: 3}\n"
                + "    load:\n      <<: *job\n      dependencies: [extract]\n";
        DagReadResult r = new DagFactoryYamlReader().read("d.yml", yaml);
        assertThat(r.diagnostics()).noneMatch(Diagnostic::isError);
        Dag d = r.dags().get(0);
        assertThat(d.tasks()).hasSize(2);
        assertThat(d.tasks().stream().filter(t -> t.taskId().equals("load")).findFirst().orElseThrow().retries())
                .isEqualTo(3);
    }

    @Test
    void aSecondDocumentIsAnErrorWithItsLine() {
        String yaml = "a:\n  tasks:\n    t1: {operator: airflow.operators.bash.BashOperator, bash_command: x}\n---\n"
                + "b:\n  tasks:\n    t2: {operator: airflow.operators.bash.BashOperator, bash_command: x}\n";
        DagReadResult r = new DagFactoryYamlReader().read("d.yml", yaml);
        assertThat(r.diagnostics()).anySatisfy(x -> {
            assertThat(x.isError()).isTrue();
            assertThat(x.line()).isEqualTo(5);
            assertThat(x.message()).contains("second YAML document");
        });
    }
}
