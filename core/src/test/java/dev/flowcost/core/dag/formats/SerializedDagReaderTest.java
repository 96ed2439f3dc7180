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

class SerializedDagReaderTest {

    private final SerializedDagReader reader = new SerializedDagReader();

    @Test
    void readsAirflow2SerializedDagWithTaskGroupMappedTaskAndWrappedDefaultArgs() {
        String file = "serialized-v1-airflow2-task-group-mapped.json";
        DagReadResult r = reader.read(file, Fixtures.text("/dag/formats/" + file));

        assertThat(r.diagnostics()).isEmpty();
        Dag dag = r.dags().get(0);
        assertThat(dag.dagId()).isEqualTo("sales_daily");
        assertThat(dag.schedule()).isEqualTo(new Schedule(Schedule.Kind.CRON, "0 2 * * *"));
        assertThat(dag.catchup()).isFalse();
        assertThat(dag.maxActiveRuns().getAsInt()).isEqualTo(1);
        assertThat(dag.maxActiveTasks().getAsInt()).isEqualTo(8);
        assertThat(dag.tags()).containsExactly("sales", "glue");
        assertThat(dag.startDate()).contains("2025-01-01T00:00:00Z");
        assertThat(dag.defaultArgs()).containsEntry("owner", "data").containsEntry("retries", "2")
                .containsEntry("retry_delay", "300.0");
        assertThat(dag.tasks()).extracting(DagTask::taskId)
                .containsExactly("extract", "transform.clean", "transform.enrich", "publish");
        assertThat(dag.edges()).containsExactlyInAnyOrder(new Edge("extract", "transform.clean"),
                new Edge("transform.clean", "transform.enrich"), new Edge("transform.enrich", "publish"));

        DagTask extract = dag.task("extract").orElseThrow();
        assertThat(extract.family()).isEqualTo(OperatorFamily.AWS_SERVICE);
        assertThat(extract.awsResource()).contains("glue:sales-extract");
        assertThat(extract.taskGroup()).isEmpty();
        assertThat(extract.retryDelaySeconds().getAsDouble()).isEqualTo(300.0);
        DagTask clean = dag.task("transform.clean").orElseThrow();
        assertThat(clean.mapped()).isTrue();
        assertThat(clean.operator()).isEqualTo("@task");
        assertThat(clean.family()).isEqualTo(OperatorFamily.WORKER_CODE);
        assertThat(clean.taskGroup()).contains("transform");
        DagTask enrich = dag.task("transform.enrich").orElseThrow();
        assertThat(enrich.retryExponentialBackoff()).isTrue();
        assertThat(enrich.maxRetryDelaySeconds().getAsDouble()).isEqualTo(3600.0);
        assertThat(enrich.triggerRule()).isEqualTo(TriggerRule.NONE_FAILED);
        DagTask publish = dag.task("publish").orElseThrow();
        assertThat(publish.line()).isEqualTo(74);
        assertThat(dag.line()).isEqualTo(3);
        assertThat(publish.pool()).isEqualTo("sensors");
        assertThat(publish.triggerRule()).isEqualTo(TriggerRule.ALL_DONE);
        SensorSettings sensor = publish.sensor().orElseThrow();
        assertThat(sensor.mode()).isEqualTo(SensorSettings.Mode.RESCHEDULE);
        assertThat(sensor.pokeIntervalSeconds().getAsDouble()).isEqualTo(120.0);
        assertThat(sensor.timeoutSeconds().getAsDouble()).isEqualTo(3600.0);
    }

    @Test
    void readsAirflow3SerializedDagWithWrappedOperatorsSetupTeardownAndTriggerTimetable() {
        String file = "serialized-v2-airflow3-wrapped-operators.json";
        DagReadResult r = reader.read(file, Fixtures.text("/dag/formats/" + file));

        assertThat(r.diagnostics()).isEmpty();
        Dag dag = r.dags().get(0);
        assertThat(dag.dagId()).isEqualTo("nightly_ml");
        assertThat(dag.schedule()).isEqualTo(new Schedule(Schedule.Kind.CRON, "30 1 * * *"));
        assertThat(dag.catchup()).as("Airflow 3 default").isFalse();
        assertThat(dag.tasks()).extracting(DagTask::taskId).containsExactly("prepare", "train.fit", "train.score");
        assertThat(dag.edges()).containsExactlyInAnyOrder(new Edge("prepare", "train.fit"), new Edge("prepare", "train.score"));
        DagTask prepare = dag.task("prepare").orElseThrow();
        assertThat(prepare.operator()).isEqualTo("BatchOperator");
        assertThat(prepare.operatorModule()).isEqualTo("airflow.providers.amazon.aws.operators.batch");
        assertThat(prepare.retries()).isEqualTo(1);
        assertThat(prepare.awsResource()).contains("batch:ml-queue");
        DagTask fit = dag.task("train.fit").orElseThrow();
        assertThat(fit.mapped()).isTrue();
        assertThat(fit.taskGroup()).contains("train");
        assertThat(fit.role()).isEqualTo(DagTask.Role.NORMAL);
        DagTask score = dag.task("train.score").orElseThrow();
        assertThat(score.role()).isEqualTo(DagTask.Role.TEARDOWN);
        assertThat(score.triggerRule()).isEqualTo(TriggerRule.ALL_DONE_SETUP_SUCCESS);
    }

    @Test
    void mapsTimetablesAndScheduleIntervalsToScheduleKinds() {
        assertThat(scheduleOf("\"timetable\": {\"__type\": \"airflow.timetables.simple.NullTimetable\", \"__var\": {}}"))
                .isEqualTo(Schedule.none());
        assertThat(scheduleOf("\"timetable\": {\"__type\": \"airflow.timetables.simple.OnceTimetable\", \"__var\": {}}"))
                .isEqualTo(new Schedule(Schedule.Kind.PRESET, "@once"));
        assertThat(scheduleOf("\"timetable\": {\"__type\": \"airflow.timetables.simple.DatasetTriggeredTimetable\", \"__var\": {}}").kind())
                .isEqualTo(Schedule.Kind.DATASET);
        assertThat(scheduleOf("\"timetable\": {\"__type\": \"airflow.timetables.interval.DeltaDataIntervalTimetable\", \"__var\": {\"delta\": 3600.0}}"))
                .isEqualTo(new Schedule(Schedule.Kind.TIMEDELTA, "timedelta(seconds=3600.0)"));
        assertThat(scheduleOf("\"timetable\": {\"__type\": \"plugins.WorkdayTimetable\", \"__var\": {}}"))
                .isEqualTo(new Schedule(Schedule.Kind.TIMETABLE, "plugins.WorkdayTimetable"));
        assertThat(scheduleOf("\"schedule_interval\": {\"__type\": \"timedelta\", \"__var\": 86400.0}"))
                .isEqualTo(new Schedule(Schedule.Kind.TIMEDELTA, "timedelta(seconds=86400.0)"));
        assertThat(scheduleOf("\"schedule_interval\": \"@daily\"")).isEqualTo(new Schedule(Schedule.Kind.PRESET, "@daily"));
        assertThat(scheduleOf("\"schedule_interval\": null")).isEqualTo(Schedule.none());
    }

    private Schedule scheduleOf(String member) {
        String json = "{\"__version\": 1, \"dag\": {\"_dag_id\": \"d\", " + member + ", \"tasks\": []}}";
        DagReadResult r = reader.read("s.json", json);
        assertThat(r.hasErrors()).isFalse();
        return r.dags().get(0).schedule();
    }

    @Test
    void missingDagIdIsAnErrorAndMissingDagObjectToo() {
        assertThat(reader.read("a.json", "{\"__version\": 1, \"dag\": {\"tasks\": []}}").diagnostics())
                .singleElement().satisfies(d -> {
                    assertThat(d.severity()).isEqualTo(Severity.ERROR);
                    assertThat(d.pointer()).isEqualTo("/dag/dag_id");
                });
        assertThat(reader.read("b.json", "{\"__version\": 1}").hasErrors()).isTrue();
        assertThat(reader.read("c.json", "[1, 2").hasErrors()).isTrue();
    }
}
