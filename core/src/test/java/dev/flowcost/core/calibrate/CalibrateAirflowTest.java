package dev.flowcost.core.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task instances of a known DAG (REST JSON as the stable API returns them, and a task_instance table CSV export)
 * are calibrated back to the durations, failure rate, mapped counts and runs they were drawn from.
 */
class CalibrateAirflowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = 400;
    private static final double FAIL = 0.1;

    /** Draws RUNS daily runs of etl: extract (uniform 20..40 s, each try fails with FAIL), load mapped 2..6 ways. */
    private static void generate(Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(13);
        ObjectNode tis = JSON.createObjectNode();
        ArrayNode list = tis.putArray("task_instances");
        ObjectNode runs = JSON.createObjectNode();
        ArrayNode runList = runs.putArray("dag_runs");
        StringBuilder csv = new StringBuilder("task_id,dag_id,run_id,map_index,start_date,end_date,duration,state,"
                + "try_number,max_tries,queued_dttm\n");
        Instant day = Instant.parse("2026-09-01T00:00:00Z");
        for (int i = 0; i < RUNS; i++) {
            Instant start = day.plusSeconds(86_400L * (i % 30) + i);
            String run = "scheduled__" + start;
            ObjectNode dr = runList.addObject();
            dr.put("dag_id", "etl");
            dr.put("dag_run_id", run);
            dr.put("logical_date", start.toString());
            dr.put("state", "success");
            int tries = 1;
            while (tries < 4 && r.nextDouble() < FAIL) {
                tries++;
            }
            boolean failed = tries == 4 && r.nextDouble() < FAIL;
            double secs = 20 + 20 * r.nextDouble();
            ObjectNode t = list.addObject();
            t.put("dag_id", "etl");
            t.put("task_id", "extract");
            t.put("dag_run_id", run);
            t.put("map_index", -1);
            t.put("start_date", start.plusSeconds(5).toString());
            t.put("end_date", start.plusSeconds(5).plusMillis((long) (secs * 1000)).toString());
            t.put("duration", secs);
            t.put("state", failed ? "failed" : "success");
            t.put("try_number", tries);
            t.put("queued_when", start.toString());
            int mapped = 2 + r.nextInt(5);
            for (int m = 0; m < mapped; m++) {
                csv.append("load,etl,").append(run).append(',').append(m).append(',')
                        .append(start.plusSeconds(60).toString().replace('T', ' ').replace("Z", "+00")).append(',')
                        .append(start.plusSeconds(70).toString().replace('T', ' ').replace("Z", "+00"))
                        .append(",10.0,success,1,0,").append(start.plusSeconds(58).toString().replace('T', ' ')
                                .replace("Z", "+00")).append('\n');
            }
        }
        ObjectNode stray = list.addObject();
        stray.put("dag_id", "billing");
        stray.put("task_id", "x");
        Files.write(dir.resolve("task-instances.json"), JSON.writeValueAsBytes(tis));
        Files.write(dir.resolve("dag-runs.json"), JSON.writeValueAsBytes(runs));
        Files.writeString(dir.resolve("task_instance.csv"), csv);
        Files.copy(CalibrateAirflowTest.class.getResourceAsStream("/calibrate/etl.py"), dir.resolve("etl.py"));
    }

    @Test
    void taskInstancesCalibrateTheDag(@TempDir Path dir) throws Exception {
        generate(dir);
        Calibration c = CalibrationRun.of(List.of(dir)).calibration();
        WorkflowObservations etl = c.workflows().get("etl");
        assertThat(etl).isNotNull();
        StepObservations extract = etl.steps().get("extract");
        assertThat(extract.entries()).isEqualTo(RUNS);
        assertThat(Interval.wilson(extract.failuresByError().values().iterator().next(), extract.attempts()).contains(FAIL))
                .as("failure rate %s of %s", extract.failuresByError(), extract.attempts()).isTrue();
        CalibratedValue duration = c.values().stream().filter(v -> v.step().equals("extract")
                && v.key().equals("durationSeconds")).findFirst().orElseThrow();
        assertThat(duration.interval().orElseThrow().contains(30.0)).isTrue();
        CalibratedValue items = c.values().stream().filter(v -> v.step().equals("load") && v.key().equals("items"))
                .findFirst().orElseThrow();
        assertThat(items.value().get("min").asLong()).isEqualTo(2);
        assertThat(items.value().get("max").asLong()).isEqualTo(6);
        assertThat(items.interval().orElseThrow().contains(4.0)).isTrue();
        assertThat(etl.steps().get("load").queueWait().mean()).isEqualTo(2.0);
        CalibratedValue runs = c.values().stream().filter(v -> v.key().equals("executionsPerMonth")).findFirst().orElseThrow();
        assertThat(runs.value().asLong()).isEqualTo(RUNS);
        assertThat(runs.provenance()).contains("dag-run list");
        List<String> lines = c.diagnostics().stream().map(Diagnostic::render).toList();
        assertThat(lines).anyMatch(l -> l.contains("DAG \"billing\"") && l.contains("task-instances.json:/task_instances/"
                + RUNS));
        CalibratedValue p95 = c.values().stream().filter(v -> v.step().equals("extract") && v.key().equals("p95Seconds"))
                .findFirst().orElseThrow();
        assertThat(p95.interval().orElseThrow().contains(39.0)).as("p95 of uniform 20..40 s is 39 s: %s", p95).isTrue();
        assertThat(extract.retries()).isEqualTo(extract.attempts() - RUNS).isPositive();
        for (CalibratedValue v : c.values()) {
            assertThat(v.provenance()).as(v.label()).containsPattern("from [\\d,]+ (DAG runs|executions), 2026-09-\\d\\d"
                    + "\\.\\.2026-09-\\d\\d");
        }
    }

    /** The Airflow 3 REST v2 shape (run_after, no execution_date) and the batch ~ endpoint's list read the same. */
    @Test
    void restV2AndBatchListsRead(@TempDir Path dir) throws Exception {
        Files.copy(CalibrateAirflowTest.class.getResourceAsStream("/calibrate/etl.py"), dir.resolve("etl.py"));
        ObjectNode tis = JSON.createObjectNode();
        ArrayNode list = tis.putArray("task_instances");
        ObjectNode runs = JSON.createObjectNode();
        ArrayNode runList = runs.putArray("dag_runs");
        for (int i = 0; i < 3; i++) {
            String run = "manual__2026-10-0" + (i + 1) + "T00:00:00+00:00";
            ObjectNode dr = runList.addObject();
            dr.put("dag_id", "etl");
            dr.put("dag_run_id", run);
            dr.putNull("logical_date");
            dr.put("run_after", "2026-10-0" + (i + 1) + "T00:00:00Z");
            dr.put("state", "success");
            ObjectNode t = list.addObject();
            t.put("id", "0195f8e0-0000-7000-8000-00000000000" + i);
            t.put("dag_id", "etl");
            t.put("dag_run_id", run);
            t.put("task_id", "extract");
            t.put("map_index", -1);
            t.put("start_date", "2026-10-0" + (i + 1) + "T00:00:10Z");
            t.put("end_date", "2026-10-0" + (i + 1) + "T00:00:40Z");
            t.put("duration", 30.0);
            t.put("state", "success");
            t.put("try_number", 1);
            t.put("queued_when", "2026-10-0" + (i + 1) + "T00:00:04Z");
        }
        tis.put("total_entries", 3);
        runs.put("total_entries", 3);
        Files.write(dir.resolve("ti-v2-batch.json"), JSON.writeValueAsBytes(tis));
        Files.write(dir.resolve("dag-runs-v2.json"), JSON.writeValueAsBytes(runs));
        Calibration c = CalibrationRun.of(List.of(dir)).calibration();
        assertThat(c.diagnostics()).isEmpty();
        StepObservations extract = c.workflows().get("etl").steps().get("extract");
        assertThat(extract.entries()).isEqualTo(3);
        assertThat(extract.duration().mean()).isEqualTo(30.0);
        assertThat(extract.queueWait().mean()).isEqualTo(6.0);
        assertThat(c.workflows().get("etl").listed().executions()).isEqualTo(3);
        assertThat(c.workflows().get("etl").listed().perMonth()).containsOnlyKeys(java.time.YearMonth.of(2026, 10));
    }

    /** A dag_run table CSV counts runs; a cut-off row and a task instance of a DAG not given are named, not skipped. */
    @Test
    void dagRunCsvAndBadRowsAreNamed(@TempDir Path dir) throws Exception {
        Files.copy(CalibrateAirflowTest.class.getResourceAsStream("/calibrate/etl.py"), dir.resolve("etl.py"));
        Files.writeString(dir.resolve("dag_run.csv"), "id,dag_id,run_id,logical_date,start_date,end_date,state\n"
                + "1,etl,scheduled__2026-10-01,2026-10-01 00:00:00+00,2026-10-01 00:00:01+00,2026-10-01 00:01:00+00,success\n"
                + "2,etl,scheduled__2026-10-02,2026-10-02 00:00:00+00,2026-10-02 00:00:01+00,2026-10-02 00:01:00+00,failed\n"
                + "3,billing,scheduled__2026-10-02,2026-10-02 00:00:00+00,,,success\n");
        Files.writeString(dir.resolve("task_instance.csv"), "task_id,dag_id,run_id,map_index,start_date,end_date,"
                + "duration,state,try_number,queued_dttm\n"
                + "extract,etl,scheduled__2026-10-01,-1,2026-10-01 00:00:05+00,2026-10-01 00:00:35+00,30,success,1,"
                + "2026-10-01 00:00:02+00\n"
                + "extract,etl,scheduled__2026-10-02,-1,2026-10-02 00:00:05+00\n");
        Calibration c = CalibrationRun.of(List.of(dir)).calibration();
        assertThat(c.workflows().get("etl").listed().executions()).isEqualTo(2);
        assertThat(c.workflows().get("etl").listed().outcomes()).containsEntry("failed", 1L).containsEntry("success", 1L);
        assertThat(c.workflows().get("etl").steps().get("extract").entries()).isEqualTo(1);
        List<String> lines = c.diagnostics().stream().map(Diagnostic::render).toList();
        assertThat(lines).anyMatch(l -> l.startsWith(dir.resolve("task_instance.csv") + ":3:") && l.contains("not counted"));
        assertThat(lines).anyMatch(l -> l.contains("DAG \"billing\"") && l.contains("dag_run.csv:4"));
    }
}
