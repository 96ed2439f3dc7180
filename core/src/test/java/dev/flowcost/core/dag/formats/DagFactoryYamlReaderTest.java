package dev.flowcost.core.dag.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Severity;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.dag.TriggerRule;
import org.junit.jupiter.api.Test;

class DagFactoryYamlReaderTest {

    private final DagFactoryYamlReader reader = new DagFactoryYamlReader();

    @Test
    void readsMappingFormWithDefaultBlockAndTaskGroup() {
        String file = "dag-factory-mapping-form-default-block-task-group.yml";
        DagReadResult r = reader.read(file, Fixtures.text("/dag/formats/" + file));

        assertThat(r.hasErrors()).isFalse();
        assertThat(r.dags()).extracting(Dag::dagId).containsExactly("orders_daily", "customers_hourly");
        Dag orders = r.dags().get(0);
        assertThat(orders.schedule()).isEqualTo(new Schedule(Schedule.Kind.CRON, "0 3 * * *"));
        assertThat(orders.catchup()).isFalse();
        assertThat(orders.startDate()).contains("2025-01-01");
        assertThat(orders.defaultArgs()).containsEntry("owner", "data").containsEntry("retries", "1");
        assertThat(orders.tasks()).extracting(DagTask::taskId).containsExactly("extract", "load.copy", "load.merge", "report");
        assertThat(orders.edges()).containsExactlyInAnyOrder(
                new Edge("load.copy", "load.merge"),
                new Edge("load.merge", "report"),
                new Edge("extract", "load.copy"));

        DagTask extract = orders.task("extract").orElseThrow();
        assertThat(extract.operator()).isEqualTo("GlueJobOperator");
        assertThat(extract.operatorModule()).isEqualTo("airflow.providers.amazon.aws.operators.glue");
        assertThat(extract.awsResource()).contains("glue:orders-extract");
        assertThat(extract.retries()).as("DAG default_args override the default block").isEqualTo(1);
        assertThat(extract.retryDelaySeconds().getAsDouble()).as("from the default block").isEqualTo(120.0);
        assertThat(orders.line()).isEqualTo(9);
        DagTask merge = orders.task("load.merge").orElseThrow();
        assertThat(merge.line()).isEqualTo(26);
        assertThat(merge.retries()).isEqualTo(4);
        assertThat(merge.triggerRule()).isEqualTo(TriggerRule.ALL_DONE);
        assertThat(merge.taskGroup()).contains("load");
        assertThat(merge.arguments()).containsEntry("python_callable_name", "merge").doesNotContainKey("retries");
        assertThat(orders.task("load.copy").orElseThrow().family()).isEqualTo(OperatorFamily.WORKER_CODE);

        Dag customers = r.dags().get(1);
        assertThat(customers.schedule()).isEqualTo(new Schedule(Schedule.Kind.PRESET, "@hourly"));
        assertThat(customers.catchup()).isFalse();
        DagTask only = customers.task("only").orElseThrow();
        assertThat(only.retries()).isEqualTo(2);
        SensorSettings s = only.sensor().orElseThrow();
        assertThat(s.mode()).isEqualTo(SensorSettings.Mode.RESCHEDULE);
        assertThat(s.pokeIntervalSeconds().getAsDouble()).isEqualTo(60.0);
    }

    @Test
    void readsListFormWithNestedGroupsGroupDependencyMappedAndDecoratedTasks() {
        String file = "dag-factory-list-form-groups.yaml";
        DagReadResult r = reader.read(file, Fixtures.text("/dag/formats/" + file));

        assertThat(r.hasErrors()).isFalse();
        Dag dag = r.dags().get(0);
        assertThat(dag.dagId()).isEqualTo("inventory_sync");
        assertThat(dag.schedule()).isEqualTo(new Schedule(Schedule.Kind.TIMEDELTA, "timedelta(hours=6)"));
        assertThat(dag.maxActiveRuns().getAsInt()).isEqualTo(1);
        assertThat(dag.tags()).containsExactly("inventory");
        assertThat(dag.tasks()).extracting(DagTask::taskId)
                .containsExactly("start", "fetch.us", "fetch.fetch_eu.de", "merge");
        assertThat(dag.edges()).containsExactlyInAnyOrder(
                new Edge("start", "fetch.us"), new Edge("start", "fetch.fetch_eu.de"),
                new Edge("fetch.us", "merge"), new Edge("fetch.fetch_eu.de", "merge"));
        DagTask de = dag.task("fetch.fetch_eu.de").orElseThrow();
        assertThat(de.line()).isEqualTo(20);
        assertThat(de.mapped()).isTrue();
        assertThat(de.taskGroup()).contains("fetch.fetch_eu");
        assertThat(de.awsResource()).contains("lambda:fetch-de");
        DagTask merge = dag.task("merge").orElseThrow();
        assertThat(merge.operator()).isEqualTo("@task");
        assertThat(merge.family()).isEqualTo(OperatorFamily.WORKER_CODE);
        assertThat(merge.retryDelaySeconds().getAsDouble()).isEqualTo(300.0);
    }

    @Test
    void unknownDependencyIsAWarningWithPointer() {
        String yaml = "d:\n  schedule: null\n  tasks:\n    a:\n      operator: x.y.EmptyOperator\n      dependencies: [nope]\n";
        DagReadResult r = reader.read("d.yml", yaml);
        assertThat(r.dags().get(0).schedule()).isEqualTo(Schedule.none());
        assertThat(r.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.pointer()).isEqualTo("/d/tasks/a/dependencies");
            assertThat(d.line()).isEqualTo(6);
            assertThat(d.message()).contains("nope");
        });
    }

    @Test
    void invalidYamlIsAnErrorWithLine() {
        DagReadResult r = reader.read("bad.yml", "d:\n  tasks: [a\n  b: {\n");
        assertThat(r.dags()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.line()).isGreaterThan(0);
        });
    }

    @Test
    void outputReferencesInArgumentsAreUpstreamEdges() {
        String file = "dag-factory-output-references.yml";
        DagReadResult r = reader.read(file, Fixtures.text("/dag/formats/" + file));
        assertThat(r.dags()).hasSize(1);
        Dag d = r.dags().get(0);
        assertThat(d.edges()).containsExactlyInAnyOrder(
                new Edge("list_files", "parse_each"),
                new Edge("threshold", "parse_each"),
                new Edge("parse_each", "store"));
        assertThat(d.task("parse_each").orElseThrow().mapped()).isTrue();
    }
}
