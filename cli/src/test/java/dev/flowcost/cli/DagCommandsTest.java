package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect, simulate and convert on DAGs through the command line. */
class DagCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void inspectJsonFollowsTheContract() {
        CliRun r = CliRun.of("inspect", CliRun.fixture("two-tasks-glue.py"), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode dag = r.json().get("dags").get(0);
        assertThat(dag.get("dagId").asText()).isEqualTo("two_tasks");
        assertThat(dag.get("file").asText()).endsWith("two-tasks-glue.py");
        assertThat(dag.get("schedule").asText()).isEqualTo("@hourly");
        assertThat(dag.get("runsPerMonth").asDouble()).isEqualTo(730.0);
        JsonNode load = dag.get("tasks").get(0);
        assertThat(load.get("taskId").asText()).isEqualTo("load");
        assertThat(load.get("operator").asText()).isEqualTo("GlueJobOperator");
        assertThat(load.get("retries").asInt()).isEqualTo(2);
        assertThat(load.get("mapped").asBoolean()).isFalse();
        assertThat(load.get("triggerRule").asText()).isEqualTo("all_success");
        assertThat(dag.get("edges").toString()).isEqualTo("[[\"load\",\"tell\"]]");
        assertThat(dag.get("diagnostics").isArray()).isTrue();
    }

    @Test
    void inspectReadsEveryDagOfTheExamples() {
        CliRun r = CliRun.of("inspect", CliRun.examples().toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.json().get("dags").findValuesAsText("dagId"))
                .contains("etl_glue_s3", "marketing_attribution", "daily_reporting");
    }

    @Test
    void inspectOfAFileWithNoDagIsAnInputError() throws IOException {
        Path f = tmp.resolve("helpers.py");
        Files.writeString(f, "def helper():\n    return 1\n");
        CliRun r = CliRun.of("inspect", f.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).contains("No DAG found");
    }

    @Test
    void simulateADagGivesRunFiguresAsJson() {
        CliRun r = CliRun.of("simulate", CliRun.fixture("two-tasks-glue.py"), "--environment-class", "mw1.small",
                "--executions", "200", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("type").asText()).isEqualTo("dag");
        assertThat(j.get("dagId").asText()).isEqualTo("two_tasks");
        // no failures in the workload: each of the two tasks runs once
        assertThat(j.at("/run/taskInstances").asDouble()).isEqualTo(2.0);
        assertThat(j.at("/run/peakConcurrentTasks").asInt()).isEqualTo(1);
        assertThat(j.at("/month/runs").asInt()).isEqualTo(730);
    }

    @Test
    void anUnknownEnvironmentClassOnTheCommandLineIsAUsageError() {
        // a bad option value, like --format xml: exit 2 (an unknown class in the workload file stays exit 3)
        CliRun r = CliRun.of("simulate", CliRun.fixture("two-tasks-glue.py"), "--environment-class", "mw9.huge");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("mw9.huge");
    }

    @Test
    void convertWritesAStateMachineThatValidates() throws IOException {
        Path out = tmp.resolve("etl.asl.json");
        CliRun r = CliRun.of("convert", CliRun.examples().resolve("etl_glue_s3.py").toString(), "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String asl = Files.readString(out);
        assertThat(asl).contains("arn:aws:states:::glue:startJobRun.sync").contains("\"JobName\"");
        CliRun v = CliRun.of("validate", out.toString());
        assertThat(v.exitCode()).as(v.out()).isZero();
        assertThat(r.err()).contains("note:");
    }
}
