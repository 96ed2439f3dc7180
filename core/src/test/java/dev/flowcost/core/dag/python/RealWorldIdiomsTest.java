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
import dev.flowcost.core.dag.TriggerRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Idioms seen in public Airflow DAG files that the reader once got wrong. Each fixture is our own small file
 * reproducing one idiom; the expected tasks and edges are what Airflow itself would build from it.
 */
class RealWorldIdiomsTest {

    private final PythonDagReader reader = new PythonDagReader();

    private DagReadResult read(String name) {
        try {
            return reader.read(Path.of(RealWorldIdiomsTest.class.getResource("/dag/real-idioms/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Dag only(DagReadResult r) {
        assertThat(r.dags()).hasSize(1);
        return r.dags().get(0);
    }

    private static List<String> ids(Dag d) {
        return d.tasks().stream().map(DagTask::taskId).toList();
    }

    private static Edge e(String up, String down) {
        return new Edge(up, down);
    }

    private static List<String> warningsAndErrors(DagReadResult r) {
        return r.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).map(Diagnostic::message).toList();
    }

    @Test
    void labelsInChainAndShiftsConnectTheirNeighbours() {
        DagReadResult r = read("label-in-chain.py");
        Dag d = only(r);
        assertThat(ids(d)).containsExactly("fetch", "validate", "good", "bad", "publish");
        assertThat(d.edges()).containsExactlyInAnyOrder(
                e("fetch", "validate"),
                e("validate", "good"), e("validate", "bad"),
                e("good", "publish"), e("bad", "publish"),
                e("fetch", "publish"));
        assertThat(warningsAndErrors(r)).isEmpty();
    }

    @Test
    void attributesAssignedAfterConstructionCountLikeArguments() {
        DagReadResult r = read("attribute-set-after-construction.py");
        Dag d = only(r);
        DagTask wait = d.task("wait_for_drop").orElseThrow();
        SensorSettings sensor = wait.sensor().orElseThrow();
        assertThat(sensor.mode()).isEqualTo(SensorSettings.Mode.RESCHEDULE);
        assertThat(sensor.pokeIntervalSeconds()).isEqualTo(OptionalDouble.of(120));
        assertThat(sensor.timeoutSeconds()).isEqualTo(OptionalDouble.of(1800));
        assertThat(d.task("crunch").orElseThrow().retries()).isEqualTo(4);
        assertThat(d.task("summary").orElseThrow().triggerRule()).isEqualTo(TriggerRule.ALL_DONE);
        assertThat(d.edges()).containsExactlyInAnyOrder(e("wait_for_drop", "crunch"), e("crunch", "summary"));
        assertThat(d.catchup()).isFalse();
    }

    @Test
    void crossDownstreamConnectsEveryPairWithoutComplaint() {
        DagReadResult r = read("cross-downstream-groups.py");
        Dag d = only(r);
        assertThat(ids(d)).containsExactlyInAnyOrder("ingest.left", "ingest.right", "solo", "sink_a", "sink_b");
        assertThat(d.edges()).containsExactlyInAnyOrder(
                e("ingest.left", "sink_a"), e("ingest.left", "sink_b"),
                e("ingest.right", "sink_a"), e("ingest.right", "sink_b"),
                e("solo", "sink_a"), e("solo", "sink_b"));
        assertThat(warningsAndErrors(r)).isEmpty();
    }

    @Test
    void setupTeardownContextWalrusAndTeardownLeaves() {
        DagReadResult r = read("setup-teardown-context.py");
        Dag d = only(r);
        assertThat(ids(d)).containsExactlyInAnyOrder("open_cluster", "close_cluster", "warm_cache", "score",
                "scratch_space.make_dir", "scratch_space.fill", "scratch_space.wipe");
        assertThat(d.edges()).containsExactlyInAnyOrder(
                e("open_cluster", "close_cluster"),
                // the with-block: setup before its first task, teardown after its last
                e("warm_cache", "score"), e("open_cluster", "warm_cache"), e("score", "close_cluster"),
                // the walrus binds 'made' to make_dir, so both fill and wipe read its XCom
                e("scratch_space.make_dir", "scratch_space.fill"), e("scratch_space.make_dir", "scratch_space.wipe"),
                e("scratch_space.fill", "scratch_space.wipe"),
                // group root is make_dir; its leaf is fill, the work task before the teardown wipe
                e("open_cluster", "scratch_space.make_dir"), e("scratch_space.fill", "close_cluster"));
        assertThat(d.task("scratch_space.make_dir").orElseThrow().role()).isEqualTo(DagTask.Role.SETUP);
        assertThat(d.task("scratch_space.wipe").orElseThrow().role()).isEqualTo(DagTask.Role.TEARDOWN);
        assertThat(d.task("close_cluster").orElseThrow().triggerRule()).isEqualTo(TriggerRule.ALL_DONE_SETUP_SUCCESS);
        assertThat(d.task("scratch_space.wipe").orElseThrow().triggerRule())
                .isEqualTo(TriggerRule.ALL_DONE_SETUP_SUCCESS);
        assertThat(d.task("score").orElseThrow().triggerRule()).isEqualTo(TriggerRule.ALL_SUCCESS);
    }

    @Test
    void airflowSdkImportMeansAirflow3Defaults() {
        DagReadResult r = read("airflow3-sdk-defaults.py");
        assertThat(r.dags()).hasSize(2);
        Dag manual = r.dags().get(0);
        assertThat(manual.dagId()).isEqualTo("sdk_manual_only");
        assertThat(manual.schedule()).isEqualTo(Schedule.none());
        assertThat(manual.catchup()).isFalse();
        Dag hourly = r.dags().get(1);
        assertThat(hourly.schedule()).isEqualTo(new Schedule(Schedule.Kind.PRESET, "@hourly"));
        assertThat(hourly.catchup()).isFalse();
    }

    @Test
    void builtInTimetablesAreReadAsTheirCronOrDelta() {
        DagReadResult r = read("cron-trigger-timetable.py");
        assertThat(r.dags()).extracting(Dag::dagId)
                .containsExactly("tt_cron_trigger", "tt_cron_interval", "tt_delta", "tt_asset_or_time");
        assertThat(r.dags()).extracting(Dag::schedule).containsExactly(
                new Schedule(Schedule.Kind.CRON, "30 4 * * 1-5"),
                new Schedule(Schedule.Kind.CRON, "0 */6 * * *"),
                new Schedule(Schedule.Kind.TIMEDELTA, "timedelta(hours=2)"),
                new Schedule(Schedule.Kind.CRON, "0 1 * * *"));
        assertThat(r.dags().get(0).catchup()).isFalse();
        assertThat(r.diagnostics()).extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("tt_asset_or_time") && m.contains("asset events may add runs"));
        assertThat(warningsAndErrors(r)).isEmpty();
    }

    @Test
    void providerPackageClassifiesOperatorsUnknownByName() {
        Dag d = only(read("provider-operator-by-package.py"));
        assertThat(d.task("sync_share").orElseThrow().family()).isEqualTo(OperatorFamily.AWS_SERVICE);
        assertThat(d.task("refresh_extract").orElseThrow().family()).isEqualTo(OperatorFamily.OTHER_SERVICE);
        assertThat(d.task("house_rules").orElseThrow().family()).isEqualTo(OperatorFamily.UNKNOWN);
        assertThat(d.edges()).containsExactly(e("sync_share", "refresh_extract"), e("refresh_extract", "house_rules"));
    }

    @Test
    void environmentAndVariableLookupsTakeTheirDefaults() {
        DagReadResult r = read("env-and-variable-defaults.py");
        Dag d = only(r);
        assertThat(d.dagId()).isEqualTo("qa_exports");
        assertThat(d.schedule()).isEqualTo(Schedule.none());
        assertThat(ids(d)).containsExactly("export_users_eu_west_1", "export_orders_eu_west_1");
        assertThat(d.task("export_users_eu_west_1").orElseThrow().arguments())
                .containsEntry("bash_command", "aws s3 cp /tmp/users.csv s3://landing-qa/users/");
        assertThat(r.diagnostics()).extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("PIPELINE_STAGE") && m.contains("'qa'"))
                .anyMatch(m -> m.contains("landing_bucket") && m.contains("'landing-qa'"));
        assertThat(warningsAndErrors(r)).isEmpty();
    }

    @Test
    void dagObjectMethodsAndExplicitXComArgMakeEdges() {
        DagReadResult r = read("dag-methods-and-xcomarg.py");
        Dag d = only(r);
        assertThat(ids(d)).containsExactly("begin", "produce", "consume", "finish");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("begin", "produce"), e("produce", "consume"),
                e("consume", "finish"));
    }

    @Test
    void runIfAndSkipIfKeepTheDecoratedTaskKind() {
        Dag d = only(read("run-if-skip-if-stacked.py"));
        assertThat(d.task("nightly_only").orElseThrow().operator()).isEqualTo("@task");
        assertThat(d.task("nightly_only").orElseThrow().retries()).isEqualTo(5);
        assertThat(d.task("shell_step").orElseThrow().operator()).isEqualTo("@task.bash");
        assertThat(d.edges()).containsExactly(e("nightly_only", "shell_step"));
    }

    @Test
    void plainBuilderClassesRunTheirMethods() {
        DagReadResult r = read("builder-class.py");
        assertThat(r.dags()).extracting(Dag::dagId).containsExactly("feed_weather_data", "feed_prices");
        Dag weather = r.dags().get(0);
        assertThat(weather.schedule()).isEqualTo(new Schedule(Schedule.Kind.PRESET, "@daily"));
        assertThat(ids(weather)).containsExactly("begin", "weather_data_fetch", "weather_data_store");
        assertThat(weather.edges()).containsExactlyInAnyOrder(e("begin", "weather_data_fetch"),
                e("weather_data_fetch", "weather_data_store"));
        Dag prices = r.dags().get(1);
        assertThat(prices.schedule()).isEqualTo(new Schedule(Schedule.Kind.CRON, "0 * * * *"));
        assertThat(ids(prices)).containsExactly("begin", "prices_fetch", "prices_store", "audit");
        assertThat(prices.edges()).containsExactlyInAnyOrder(e("begin", "prices_fetch"),
                e("prices_fetch", "prices_store"), e("prices_store", "audit"));
        assertThat(warningsAndErrors(r)).isEmpty();
    }

    @Test
    void taskGroupReturningATaskBindsDependenciesToThatTask() {
        Dag d = only(read("task-group-returns-task.py"));
        assertThat(ids(d)).containsExactlyInAnyOrder("start", "end", "enrich.clean", "enrich.score", "fan.fetch",
                "enrich__1.clean", "enrich__1.score", "total");
        assertThat(d.edges()).containsExactlyInAnyOrder(
                e("enrich.clean", "enrich.score"),
                // enrich() returned score's output: start and end attach to score alone, clean has no upstream
                e("start", "enrich.score"), e("enrich.score", "end"),
                // fan() returned nothing: the whole group is the node
                e("start", "fan.fetch"), e("fan.fetch", "end"),
                // the mapped group hands back its returned task too, so total reads from it
                e("enrich__1.clean", "enrich__1.score"), e("enrich__1.score", "total"));
        assertThat(d.task("enrich__1.score").orElseThrow().mapped()).isTrue();
    }

    @Test
    void dagTasksListsTheTasksMadeSoFar() {
        DagReadResult r = read("dag-tasks-so-far.py");
        Dag d = only(r);
        assertThat(ids(d)).containsExactly("load_alpha", "load_beta", "marker", "all_loaded");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("load_alpha", "all_loaded"), e("load_beta", "all_loaded"));
        assertThat(warningsAndErrors(r)).isEmpty();
    }
}
