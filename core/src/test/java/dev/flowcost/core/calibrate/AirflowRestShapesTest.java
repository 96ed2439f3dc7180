package dev.flowcost.core.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flowcost.core.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Airflow REST shapes as the API documents them, every field present (fixtures under calibrate/airflow/ written
 * from Airflow's OpenAPI: v1 TaskInstance/DAGRun with execution_date and logical_date,
 * airflow/api_connexion/openapi/v1.yaml; v2 TaskInstanceResponse/DAGRunResponse/TaskInstanceHistoryResponse with
 * run_after, nullable logical_date, scheduled_when, dag_version,
 * airflow-core/src/airflow/api_fastapi/core_api/openapi/v2-rest-api-generated.yaml; see
 * https://airflow.apache.org/docs/apache-airflow/stable/stable-rest-api-ref.html), calibrate to hand-counted values.
 */
class AirflowRestShapesTest {

    private static Path dir(Path tmp, String... fixtures) throws IOException {
        Files.copy(AirflowRestShapesTest.class.getResourceAsStream("/calibrate/etl.py"), tmp.resolve("etl.py"));
        for (String f : fixtures) {
            Files.copy(AirflowRestShapesTest.class.getResourceAsStream("/calibrate/airflow/" + f), tmp.resolve(f));
        }
        return tmp;
    }

    @Test
    void v1ListsOfAirflow2(@TempDir Path tmp) throws IOException {
        Calibration c = CalibrationRun.of(List.of(dir(tmp, "v1-task-instances.json", "v1-dag-runs.json"))).calibration();
        assertThat(c.diagnostics()).isEmpty();
        WorkflowObservations etl = c.workflows().get("etl");
        StepObservations extract = etl.steps().get("extract");
        // run 1: 1 try ok; run 2: try 2 ok (1 failure); run 3: try 4 failed (4 failures)
        assertThat(extract.entries()).isEqualTo(3);
        assertThat(extract.attempts()).isEqualTo(7);
        assertThat(extract.retries()).isEqualTo(4);
        assertThat(extract.failuresByError()).containsExactly(java.util.Map.entry("States.TaskFailed", 5L));
        assertThat(extract.duration().mean()).isCloseTo((30.5 + 20 + 10) / 3, within(1e-9));
        assertThat(extract.queueWait().mean()).isCloseTo(4.0, within(1e-6));
        StepObservations load = etl.steps().get("load");
        // 3 and 2 mapped instances; the upstream_failed instance of run 3 (map_index -1, never started) is an entry
        // without a try and without a duration
        assertThat(load.entries()).isEqualTo(6);
        assertThat(load.items().count()).isEqualTo(2);
        assertThat(load.items().mean()).isEqualTo(2.5);
        assertThat(load.duration().count()).isEqualTo(5);
        assertThat(etl.listed().executions()).isEqualTo(3);
        assertThat(etl.listed().outcomes()).containsEntry("success", 2L).containsEntry("failed", 1L);
        assertThat(etl.listed().perMonth()).containsExactly(java.util.Map.entry(YearMonth.of(2026, 10), 3L));
    }

    @Test
    void v2ListsOfAirflow3(@TempDir Path tmp) throws IOException {
        Calibration c = CalibrationRun.of(List.of(dir(tmp, "v2-task-instances-batch.json", "v2-dag-runs.json")))
                .calibration();
        assertThat(c.diagnostics()).isEmpty();
        WorkflowObservations etl = c.workflows().get("etl");
        StepObservations extract = etl.steps().get("extract");
        assertThat(extract.entries()).isEqualTo(2);
        assertThat(extract.duration().mean()).isEqualTo(45.0);
        assertThat(extract.queueWait().mean()).isEqualTo(4.0);
        StepObservations load = etl.steps().get("load");
        assertThat(load.items().min()).isEqualTo(2);
        assertThat(load.items().max()).isEqualTo(4);
        // the manual run has no logical_date and has not started (queued): it is dated by run_after
        assertThat(etl.listed().executions()).isEqualTo(2);
        assertThat(etl.listed().outcomes()).containsEntry("success", 1L).containsEntry("queued", 1L);
        assertThat(etl.listed().perMonth()).containsExactly(java.util.Map.entry(YearMonth.of(2026, 11), 2L));
    }

    /** The tries endpoint lists one row per try of one task instance: one entry, two attempts, one failure. */
    @Test
    void v2TriesAreTriesOfOneInstance(@TempDir Path tmp) throws IOException {
        Calibration c = CalibrationRun.of(List.of(dir(tmp, "v2-tries.json"))).calibration();
        StepObservations extract = c.workflows().get("etl").steps().get("extract");
        assertThat(extract.entries()).isEqualTo(1);
        assertThat(extract.attempts()).isEqualTo(2);
        assertThat(extract.failuresByError()).containsEntry("States.TaskFailed", 1L);
        assertThat(extract.duration().count()).isEqualTo(2);
    }

    /** One page of a longer list (total_entries 5, 2 held) is named: counts a month would come out short. */
    @Test
    void aPageOfALongerListIsNamed(@TempDir Path tmp) throws IOException {
        Path d = dir(tmp, "v2-task-instances-page-1-of-3.json", "v2-task-instances-batch.json");
        Calibration c = CalibrationRun.of(List.of(d)).calibration();
        List<String> lines = c.diagnostics().stream().map(Diagnostic::render).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith(d.resolve("v2-task-instances-page-1-of-3.json").toString())
                .contains("holds 2 of the 5 task instances the list reports (total_entries)")
                .contains("maximum_page_limit");
    }

    /** All pages of one list given: no warning. */
    @Test
    void everyPageGivenIsQuiet(@TempDir Path tmp) throws IOException {
        Path d = dir(tmp);
        String one = "{\"task_instances\": [{\"dag_id\": \"etl\", \"dag_run_id\": \"r%d\", \"task_id\": \"extract\", "
                + "\"map_index\": -1, \"state\": \"success\", \"try_number\": 1, \"duration\": 1.0, "
                + "\"start_date\": \"2026-11-0%dT00:00:00Z\"}], \"total_entries\": 2}";
        Files.writeString(d.resolve("page-1.json"), one.formatted(1, 1));
        Files.writeString(d.resolve("page-2.json"), one.formatted(2, 2));
        Calibration c = CalibrationRun.of(List.of(d)).calibration();
        assertThat(c.diagnostics()).isEmpty();
        assertThat(c.workflows().get("etl").steps().get("extract").entries()).isEqualTo(2);
    }

    /** Airflow 3's dag_run table: a manual run has no logical_date; it is dated by run_after. */
    @Test
    void airflow3DagRunTableIsDatedByRunAfter(@TempDir Path tmp) throws IOException {
        Path d = dir(tmp);
        Files.writeString(d.resolve("dag_run.csv"), "id,dag_id,run_id,logical_date,run_after,start_date,end_date,state,"
                + "run_type\n1,etl,manual__2026-12-01T08:00:00+00:00,,2026-12-01 08:00:00+00,,,queued,manual\n");
        Calibration c = CalibrationRun.of(List.of(d)).calibration();
        assertThat(c.workflows().get("etl").listed().perMonth()).containsExactly(
                java.util.Map.entry(YearMonth.of(2026, 12), 1L));
    }
}
