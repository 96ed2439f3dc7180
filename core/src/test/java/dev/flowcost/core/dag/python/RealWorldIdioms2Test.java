package dev.flowcost.core.dag.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.SensorSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A second round of idioms from public Airflow DAG files (MWAA samples, dbt/Cosmos projects, legacy SubDAGs,
 * config-driven DAGs) that the reader once got wrong. Each fixture is our own small file; the expected tasks and
 * edges are what Airflow itself builds from it.
 */
class RealWorldIdioms2Test {

    private final PythonDagReader reader = new PythonDagReader();

    private DagReadResult read(String name) {
        try {
            return reader.read(Path.of(RealWorldIdioms2Test.class.getResource("/dag/real-idioms2/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(Dag d) {
        return d.tasks().stream().map(DagTask::taskId).toList();
    }

    private static Edge e(String up, String down) {
        return new Edge(up, down);
    }

    private static List<String> warnings(DagReadResult r) {
        return r.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).map(Diagnostic::message).toList();
    }

    @Test
    void subDagRunsOnlyThroughItsOperator() {
        DagReadResult r = read("subdag-from-factory.py");
        assertThat(r.dags()).extracting(Dag::dagId).containsExactly("nightly", "nightly.load_regions");
        Dag child = r.dags().get(1);
        // the factory's DAG sets no schedule; Airflow 2's daily default must not apply: the parent runs it
        assertThat(child.schedule()).isEqualTo(Schedule.none());
        assertThat(ids(child)).containsExactly("copy_eu", "copy_us");
        assertThat(child.edges()).isEmpty();
        assertThat(child.task("copy_eu").orElseThrow().retries()).isEqualTo(1);
        Dag parent = r.dags().get(0);
        assertThat(parent.schedule()).isEqualTo(new Schedule(Schedule.Kind.PRESET, "@daily"));
        assertThat(ids(parent)).containsExactly("begin", "load_regions", "report");
        assertThat(parent.edges()).containsExactlyInAnyOrder(e("begin", "load_regions"), e("load_regions", "report"));
        assertThat(parent.task("load_regions").orElseThrow().family()).isEqualTo(OperatorFamily.CROSS_DAG);
        assertThat(r.diagnostics()).extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("nightly.load_regions") && m.contains("SubDAG of task 'load_regions'"));
        assertThat(warnings(r)).isEmpty();
    }

    @Test
    void dbtTaskGroupStandsAsOneTaskBetweenItsNeighbours() {
        DagReadResult r = read("dbt-task-group-placeholder.py");
        assertThat(r.dags()).extracting(Dag::dagId).containsExactly("shop_transform", "shop_marts");
        Dag d = r.dags().get(0);
        assertThat(ids(d)).containsExactly("extract", "shop_models", "publish");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("extract", "shop_models"), e("shop_models", "publish"));
        assertThat(d.task("shop_models").orElseThrow().operator()).isEqualTo("DbtTaskGroup");
        assertThat(d.task("shop_models").orElseThrow().family()).isEqualTo(OperatorFamily.OTHER_SERVICE);
        Dag marts = r.dags().get(1);
        assertThat(marts.schedule()).isEqualTo(new Schedule(Schedule.Kind.PRESET, "@daily"));
        assertThat(marts.catchup()).isFalse();
        assertThat(ids(marts)).containsExactly("dbt_project");
        assertThat(warnings(r))
                .anyMatch(m -> m.contains("DbtTaskGroup 'shop_models'") && m.contains("one task per dbt model"))
                .anyMatch(m -> m.contains("DbtDag 'dbt_project'"));
    }

    @Test
    void dagArgumentsFromAnUnknownMappingLeaveTheScheduleUnknown() {
        DagReadResult r = read("dag-arguments-from-unknown-mapping.py");
        assertThat(r.dags()).hasSize(1);
        Dag d = r.dags().get(0);
        assertThat(d.dagId()).isEqualTo("crawler");
        assertThat(d.schedule().kind()).isEqualTo(Schedule.Kind.UNKNOWN);
        assertThat(ids(d)).containsExactly("crawl", "index");
        assertThat(d.edges()).containsExactly(e("crawl", "index"));
        assertThat(d.task("crawl").orElseThrow().retries()).isEqualTo(2);
        assertThat(warnings(r)).anyMatch(m -> m.contains("schedule may be set by") && m.contains("settings"));
        assertThat(r.diagnostics()).extracting(Diagnostic::message).noneMatch(m -> m.contains("assumed Airflow 2's default"));
    }

    @Test
    void dagFactoryLoaderPointsAtItsYamlFiles() {
        DagReadResult r = read("dag-factory-loader.py");
        assertThat(r.dags()).isEmpty();
        // one warning for the file, not one per call, naming the YAML files as where the DAGs are
        assertThat(warnings(r)).hasSize(1);
        assertThat(warnings(r).get(0)).contains("dag-factory").contains("load_yaml_dags").contains("YAML files");
    }

    @Test
    void assetDecoratorMakesADagWithOneTask() {
        DagReadResult r = read("asset-decorator-dags.py");
        assertThat(r.dags()).extracting(Dag::dagId).containsExactly("raw_clicks", "sessionized_clicks", "click_report");
        Dag raw = r.dags().get(0);
        assertThat(raw.schedule()).isEqualTo(new Schedule(Schedule.Kind.PRESET, "@hourly"));
        assertThat(raw.catchup()).isFalse();
        assertThat(ids(raw)).containsExactly("raw_clicks");
        assertThat(raw.tasks().get(0).family()).isEqualTo(OperatorFamily.WORKER_CODE);
        Dag sessions = r.dags().get(1);
        // scheduled on the first asset, which its function name now stands for
        assertThat(sessions.schedule().kind()).isEqualTo(Schedule.Kind.DATASET);
        assertThat(sessions.schedule().expression()).contains("raw_clicks");
        assertThat(ids(sessions)).containsExactly("sessionize");
        Dag report = r.dags().get(2);
        assertThat(ids(report)).containsExactly("render");
        assertThat(report.schedule().kind()).isEqualTo(Schedule.Kind.DATASET);
        assertThat(warnings(r)).isEmpty();
    }

    @Test
    void externalTaskSensorsKeepTheirSensorSettings() {
        DagReadResult r = read("external-task-sensor-settings.py");
        assertThat(r.dags()).hasSize(1);
        Dag d = r.dags().get(0);
        assertThat(ids(d)).containsExactly("wait_orders", "wait_refunds", "build");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("wait_orders", "build"), e("wait_refunds", "build"));
        DagTask orders = d.task("wait_orders").orElseThrow();
        assertThat(orders.family()).isEqualTo(OperatorFamily.CROSS_DAG);
        SensorSettings s = orders.sensor().orElseThrow();
        assertThat(s.mode()).isEqualTo(SensorSettings.Mode.RESCHEDULE);
        assertThat(s.pokeIntervalSeconds()).isEqualTo(OptionalDouble.of(300));
        assertThat(s.timeoutSeconds()).isEqualTo(OptionalDouble.of(3600));
        assertThat(s.deferrable()).isFalse();
        DagTask refunds = d.task("wait_refunds").orElseThrow();
        assertThat(refunds.family()).isEqualTo(OperatorFamily.CROSS_DAG);
        assertThat(refunds.sensor().orElseThrow().deferrable()).isTrue();
        // triggering another DAG is no sensor
        assertThat(d.task("build").orElseThrow().sensor()).isEmpty();
    }

    @Test
    void fStringFieldsMayReuseTheOuterQuote() {
        DagReadResult r = read("fstring-same-quotes-inside.py");
        assertThat(r.diagnostics()).noneMatch(d -> d.severity() == Severity.ERROR);
        assertThat(r.dags()).hasSize(1);
        Dag d = r.dags().get(0);
        assertThat(ids(d)).containsExactly("users_pull", "users_store", "users_mark", "orders_pull", "orders_store",
                "orders_mark");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("users_pull", "users_store"), e("users_store", "users_mark"),
                e("orders_pull", "orders_store"), e("orders_store", "orders_mark"));
        // {{ and }} stay literal braces around the Jinja template
        assertThat(d.task("orders_mark").orElseThrow().arguments())
                .containsEntry("bash_command", "touch /in/orders/{{ ds }}.done");
    }
}
