package dev.flowcost.core.dag.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import org.junit.jupiter.api.Test;

class DotDagReaderTest {

    private final DotDagReader reader = new DotDagReader();

    @Test
    void readsAirflowDotWithClusterJoinNodesChainsAndBraceFanIn() {
        String file = "dot-task-group-cluster-chains.dot";
        DagReadResult r = reader.read(file, Fixtures.text("/dag/formats/" + file));

        assertThat(r.hasErrors()).isFalse();
        Dag dag = r.dags().get(0);
        assertThat(dag.dagId()).isEqualTo("report_weekly");
        assertThat(dag.line()).isEqualTo(2);
        assertThat(dag.schedule().kind()).isEqualTo(Schedule.Kind.UNKNOWN);
        assertThat(dag.tasks()).extracting(DagTask::taskId).containsExactly(
                "begin", "build.compile", "build.test", "publish", "notify \"team\"", "audit", "archive");
        assertThat(dag.edges()).containsExactlyInAnyOrder(
                new Edge("build.compile", "build.test"),
                new Edge("begin", "build.compile"),
                new Edge("build.test", "publish"),
                new Edge("publish", "notify \"team\""),
                new Edge("audit", "archive"),
                new Edge("begin", "archive"));
        assertThat(dag.task("build.compile").orElseThrow().taskGroup()).contains("build");
        assertThat(dag.task("build.compile").orElseThrow().line()).isEqualTo(9);
        assertThat(dag.task("begin").orElseThrow().taskGroup()).isEmpty();
        assertThat(dag.tasks()).allSatisfy(t -> {
            assertThat(t.operator()).isEqualTo("unknown");
            assertThat(t.family()).isEqualTo(OperatorFamily.UNKNOWN);
        });
        assertThat(r.diagnostics()).filteredOn(d -> d.severity() == Severity.INFO)
                .singleElement().satisfies(d -> assertThat(d.message()).contains("unknown"));
    }

    @Test
    void clusterLabelGivesGroupWhenTaskIdHasNoPrefix() {
        String dot = "digraph g { subgraph cluster_x { label=\"extract\"; a; b } a -> b }";
        Dag dag = reader.read("g.dot", dot).dags().get(0);
        assertThat(dag.task("a").orElseThrow().taskGroup()).contains("extract");
        assertThat(dag.edges()).containsExactly(new Edge("a", "b"));
    }

    @Test
    void portsAttributesAndHtmlIdsAreAccepted() {
        String dot = "strict digraph \"quoted id\" { node [shape=box]; a:n -> b:s:w [label=<x<b>y</b>>]; c [label=\"C\\\"\"] }";
        DagReadResult r = reader.read("p.dot", dot);
        assertThat(r.hasErrors()).isFalse();
        Dag dag = r.dags().get(0);
        assertThat(dag.dagId()).isEqualTo("quoted id");
        assertThat(dag.tasks()).extracting(DagTask::taskId).containsExactly("a", "b", "c");
        assertThat(dag.edges()).containsExactly(new Edge("a", "b"));
    }

    @Test
    void syntaxErrorsAreDiagnosticsWithLineAndColumn() {
        DagReadResult r = reader.read("bad.dot", "digraph d {\n  a -> ;\n}");
        assertThat(r.dags()).isEmpty();
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.column()).isEqualTo(8);

        assertThat(reader.read("u.dot", "digraph d { a [label=\"x ").hasErrors()).isTrue();
        assertThat(reader.read("e.dot", "").hasErrors()).isTrue();
        assertThat(reader.read("c.dot", "/* never closed").hasErrors()).isTrue();
    }

    @Test
    void selfLoopIsReportedAndDropped() {
        DagReadResult r = reader.read("s.dot", "digraph s { a -> a; a -> b }");
        assertThat(r.dags().get(0).edges()).containsExactly(new Edge("a", "b"));
        assertThat(r.diagnostics()).anyMatch(d -> d.severity() == Severity.WARNING && d.message().contains("itself"));
    }
}
