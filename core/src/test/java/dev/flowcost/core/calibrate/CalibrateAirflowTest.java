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
    }
}
