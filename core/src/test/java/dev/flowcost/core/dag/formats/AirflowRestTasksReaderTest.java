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
import dev.flowcost.core.dag.TriggerRule;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AirflowRestTasksReaderTest {

    private final AirflowRestTasksReader reader = new AirflowRestTasksReader();

    @Test
    void readsV1TaskListWithMappedTaskTriggerRulesAndTimeDeltas() {
        String file = "dags/rest-v1-mapped-trigger-rules.tasks.json";
        DagReadResult r = reader.read(file, Fixtures.text("/dag/formats/rest-v1-mapped-trigger-rules.tasks.json"));

        assertThat(r.hasErrors()).isFalse();
        assertThat(r.dags()).hasSize(1);
        Dag dag = r.dags().get(0);
        assertThat(dag.dagId()).isEqualTo("rest-v1-mapped-trigger-rules");
        assertThat(dag.tasks()).extracting(DagTask::taskId)
                .containsExactly("wait_for_file", "transform", "process_partition", "validate", "load", "notify");
        assertThat(dag.edges()).containsExactlyInAnyOrder(
                new Edge("wait_for_file", "transform"), new Edge("transform", "process_partition"),
                new Edge("transform", "validate"), new Edge("process_partition", "load"),
                new Edge("validate", "load"), new Edge("load", "notify"));

        DagTask sensor = dag.task("wait_for_file").orElseThrow();
        assertThat(sensor.family()).isEqualTo(OperatorFamily.SENSOR);
        assertThat(sensor.operatorModule()).isEqualTo("airflow.providers.amazon.aws.sensors.s3");
        assertThat(sensor.retries()).isEqualTo(2);
        assertThat(sensor.retryDelaySeconds().getAsDouble()).isEqualTo(300.0);
        assertThat(sensor.sensor()).isPresent();

        DagTask transform = dag.task("transform").orElseThrow();
        assertThat(transform.line()).as("line of the task's opening brace").isEqualTo(19);
        assertThat(transform.operator()).isEqualTo("GlueJobOperator");
        assertThat(transform.family()).isEqualTo(OperatorFamily.AWS_SERVICE);
        assertThat(transform.retryDelaySeconds().getAsDouble()).isEqualTo(60.5);
        assertThat(transform.retryExponentialBackoff()).isTrue();

        assertThat(dag.task("process_partition").orElseThrow().mapped()).isTrue();
        assertThat(dag.task("transform").orElseThrow().mapped()).isFalse();
        assertThat(dag.task("validate").orElseThrow().triggerRule()).isEqualTo(TriggerRule.ALL_DONE);
        DagTask load = dag.task("load").orElseThrow();
        assertThat(load.triggerRule()).isEqualTo(TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS);
        assertThat(load.pool()).isEqualTo("redshift");
        assertThat(load.poolSlots()).isEqualTo(2);
        DagTask notify = dag.task("notify").orElseThrow();
        assertThat(notify.triggerRule()).isEqualTo(TriggerRule.ONE_FAILED);
        assertThat(notify.family()).isEqualTo(OperatorFamily.EMPTY);
        assertThat(notify.executionTimeoutSeconds().getAsDouble()).isEqualTo(86430.0);

        assertThat(dag.schedule().kind()).isEqualTo(Schedule.Kind.UNKNOWN);
        assertThat(r.diagnostics()).anyMatch(d -> d.severity() == Severity.INFO && d.message().contains("no schedule"));
    }

    @Test
    void readsV2TaskListWithNumericAndNullRetryDelayAndGroupPrefix() {
        String file = "rest-v2-airflow3-task-group-numeric-retry-delay.json";
        DagReadResult r = reader.read(file, Fixtures.text("/dag/formats/" + file));

        assertThat(r.hasErrors()).isFalse();
        Dag dag = r.dags().get(0);
        assertThat(dag.dagId()).isEqualTo("rest-v2-airflow3-task-group-numeric-retry-delay");
        assertThat(dag.tasks()).extracting(DagTask::taskId)
                .containsExactly("start", "load_group.copy", "load_group.count", "finish", "audit");
        assertThat(dag.edges()).containsExactlyInAnyOrder(
                new Edge("start", "load_group.copy"), new Edge("start", "load_group.count"),
                new Edge("load_group.copy", "finish"), new Edge("load_group.count", "finish"));

        DagTask start = dag.task("start").orElseThrow();
        assertThat(start.retries()).isEqualTo(2);
        assertThat(start.retryDelaySeconds().getAsDouble()).isEqualTo(120.0);
        DagTask copy = dag.task("load_group.copy").orElseThrow();
        assertThat(copy.operator()).isEqualTo("@task");
        assertThat(copy.family()).isEqualTo(OperatorFamily.WORKER_CODE);
        assertThat(copy.mapped()).isTrue();
        assertThat(copy.taskGroup()).contains("load_group");
        assertThat(copy.retryDelaySeconds().getAsDouble()).isEqualTo(45.0);
        DagTask count = dag.task("load_group.count").orElseThrow();
        assertThat(count.retryDelaySeconds()).isEmpty();
        assertThat(count.pool()).isEqualTo(DagTask.DEFAULT_POOL);
        assertThat(count.triggerRule()).isEqualTo(TriggerRule.NONE_FAILED);
        assertThat(count.family()).isEqualTo(OperatorFamily.AWS_SERVICE);
        assertThat(dag.task("finish").orElseThrow().retryDelaySeconds().getAsDouble()).isEqualTo(300.0);
        DagTask audit = dag.task("audit").orElseThrow();
        assertThat(audit.family()).isEqualTo(OperatorFamily.UNKNOWN);
        assertThat(audit.triggerRule()).isEqualTo(TriggerRule.ALWAYS);
        assertThat(audit.taskGroup()).isEqualTo(Optional.empty());
    }

    @Test
    void takesDagIdAndScheduleFromTheObjectWhenDetailsAreMergedIn() {
        String json = "{\"dag_id\": \"billing\", \"schedule_interval\": {\"__type\": \"CronExpression\", \"value\": \"0 * * * *\"},"
                + " \"tasks\": [{\"task_id\": \"a\", \"downstream_task_ids\": [\"b\"]}, {\"task_id\": \"b\", \"downstream_task_ids\": []}]}";
        Dag dag = reader.read("x.json", json).dags().get(0);
        assertThat(dag.dagId()).isEqualTo("billing");
        assertThat(dag.schedule()).isEqualTo(new Schedule(Schedule.Kind.CRON, "0 * * * *"));
        assertThat(dag.edges()).containsExactly(new Edge("a", "b"));
    }

    @Test
    void reportsDownstreamToUnknownTaskAndUnknownTriggerRuleWithPointers() {
        String json = "{\"tasks\": [{\"task_id\": \"a\", \"trigger_rule\": \"sometimes\", \"downstream_task_ids\": [\"ghost\"]}]}";
        DagReadResult r = reader.read("d.json", json);
        assertThat(r.dags().get(0).edges()).isEmpty();
        assertThat(r.diagnostics()).extracting(Diagnostic::pointer)
                .contains("/tasks/0/trigger_rule", "/tasks/0/downstream_task_ids");
        DagReadResult multiline = reader.read("m.json", "{\"tasks\": [\n  {\"task_id\": \"a\",\n   \"trigger_rule\": \"x\",\n"
                + "   \"downstream_task_ids\": []}]}");
        assertThat(multiline.diagnostics()).filteredOn(d -> d.severity() == Severity.WARNING)
                .singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(3));
        assertThat(r.diagnostics()).anyMatch(d -> d.message().contains("ghost"));
    }

    @Test
    void invalidJsonIsAnErrorWithLineNotAnException() {
        DagReadResult r = reader.read("broken.json", "{\n  \"tasks\": [\n    {\"task_id\": }\n");
        assertThat(r.dags()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.file()).isEqualTo("broken.json");
            assertThat(d.line()).isEqualTo(3);
        });
    }

    @Test
    void objectWithoutTasksArrayIsAnError() {
        DagReadResult r = reader.read("other.json", "{\"StartAt\": \"A\"}");
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.diagnostics().get(0).pointer()).isEqualTo("/tasks");
    }

    @Test
    void classRefModulePathClassifiesAnOperatorUnknownByName() {
        String json = "{\"tasks\": [{\"task_id\": \"sync\", \"class_ref\": {\"class_name\": \"DataSyncOperator\","
                + " \"module_path\": \"airflow.providers.amazon.aws.operators.datasync\"}, \"downstream_task_ids\": []}],"
                + " \"total_entries\": 1}";
        DagReadResult r = reader.read("sync.tasks.json", json);
        assertThat(r.dags()).hasSize(1);
        assertThat(r.dags().get(0).tasks().get(0).family()).isEqualTo(dev.flowcost.core.dag.OperatorFamily.AWS_SERVICE);
    }
}
