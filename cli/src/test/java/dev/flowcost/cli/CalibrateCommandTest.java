package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** calibrate, advise --calibrate and report --bill end to end: provenance in the text, exit 3 on bad input. */
class CalibrateCommandTest {

    @TempDir
    Path tmp;

    private static final String DEFINITION = CliRun.fixture("calibrate/pay.asl.json");
    private static final String HISTORIES = CliRun.fixture("calibrate/histories");

    @Test
    void calibrateWritesAWorkloadWhoseKeysSayWhereTheyCameFrom() throws IOException {
        Path out = tmp.resolve("w.yaml");
        CliRun r = CliRun.of("calibrate", DEFINITION, HISTORIES, "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String yaml = Files.readString(out);
        // two executions: one Charge attempt failed of three, so 1 retry; durations 2 s and 3 s / 2 s
        assertThat(yaml).contains("executionsPerMonth: 2  # calibrated: from 2 executions, 2026-10-01..2026-10-30");
        assertThat(yaml).containsPattern("errors: \\{States.TaskFailed: 0.333333\\}  # calibrated: entered 2 time\\(s\\) "
                + "from 2 executions, 2026-10-01..2026-10-30; 3 attempt\\(s\\), 1 retry;");
        assertThat(r.out()).contains("wrote " + out);
    }

    @Test
    void handWrittenKeysWinAndSaySoUnlessOverwrite() throws IOException {
        Path base = tmp.resolve("base.yaml");
        Files.writeString(base, "workflows:\n  pay:\n    executionsPerMonth: 50000\n");
        Path out = tmp.resolve("w.yaml");
        CliRun r = CliRun.of("calibrate", DEFINITION, HISTORIES, "-w", base.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out)).contains("executionsPerMonth: 50000  # hand-written, kept; the data say 2 (from 2");
        assertThat(r.out()).contains("pay.executionsPerMonth: hand-written value kept");
        CliRun o = CliRun.of("calibrate", DEFINITION, HISTORIES, "-w", base.toString(), "--overwrite", "--out",
                out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(Files.readString(out)).contains("executionsPerMonth: 2  # calibrated: from 2 executions");
    }

    @Test
    void badHistoriesAreNamedAndACutFileExitsThreeWritingNothing() {
        Path out = tmp.resolve("w.yaml");
        String other = CliRun.fixture("calibrate/other");
        CliRun r = CliRun.of("calibrate", DEFINITION, HISTORIES, other, "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("pay-cut.json:1:").contains("not valid JSON");
        assertThat(r.err()).contains("pay-unknown-state.json").contains("event 2").contains("\"Refund\"");
        assertThat(out).doesNotExist();
        CliRun k = CliRun.of("calibrate", DEFINITION, HISTORIES, other, "--keep-going", "--out", out.toString());
        assertThat(k.exitCode()).as(k.err()).isZero();
        assertThat(out).exists();
    }

    @Test
    void adviseCalibrateSaysOfEveryNumberFromDataWhereItCameFrom() {
        CliRun r = CliRun.of("advise", DEFINITION, "--calibrate", HISTORIES);
        assertThat(r.exitCode()).as(r.err()).isZero();
        String section = r.out().substring(r.out().indexOf("Calibrated from data"));
        List<String> values = section.lines().skip(1).takeWhile(l -> l.startsWith("  ")).toList();
        assertThat(values).hasSizeGreaterThanOrEqualTo(5);
        assertThat(values).allMatch(l -> l.contains("from 2 executions, 2026-10-01..2026-10-30"));
    }

    /* The numbers themselves say so too: an assumption whose value came from the histories names them as its source. */
    @Test
    void adviseCalibrateJsonAssumptionsSayTheyCameFromData() throws java.io.IOException {
        CliRun r = CliRun.of("advise", DEFINITION, "--calibrate", HISTORIES, "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        List<String> sources = new java.util.ArrayList<>();
        root.get("assumptions").forEach(a -> sources.add(a.get("key").asText() + " ← " + a.get("source").asText()));
        assertThat(sources).anyMatch(x -> x.startsWith("pay.executionsPerMonth ← calibrated from 2 executions,"
                + " 2026-10-01..2026-10-30"));
    }

    @Test
    void reportBillWritesReconcileFilesWithTheReportAndABadBillWritesNothing() throws IOException {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("report", DEFINITION, "--formats", "json", "--out", out.toString(), "--bill",
                CliRun.fixture("calibrate/cur2-pay.csv"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("analysis.json")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("reconcile.csv"))).contains("2026-10,state machine,pay,");
        assertThat(Files.readString(out.resolve("reconcile.json"))).contains("\"unexplained\"");
        Path bad = tmp.resolve("not-a-bill.csv");
        Files.writeString(bad, "a,b\n1,2\n");
        Path out2 = tmp.resolve("out2");
        CliRun b = CliRun.of("report", DEFINITION, "--formats", "json", "--out", out2.toString(), "--bill", bad.toString());
        assertThat(b.exitCode()).isEqualTo(3);
        assertThat(b.err()).contains("not-a-bill.csv").contains("line_item_product_code");
        assertThat(out2).doesNotExist();
    }

    /** reconcile names, on stderr and in every format, the usage types it could not match by AWS's names. */
    @Test
    void reconcileWarnsAboutUsageTypesItDoesNotPrice() throws IOException {
        String bill = CliRun.fixture("calibrate/cur2-pay.csv");
        CliRun json = CliRun.of("reconcile", DEFINITION, "--bill", bill, "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.err()).contains("cur2-pay.csv: warning: 1 Step Functions/MWAA usage type(s) the model does not "
                + "price, listed as unexplained: AmazonStates USE1-DataTransfer-Out-Bytes");
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out());
        assertThat(root.path("warnings").get(0).asText()).contains("USE1-DataTransfer-Out-Bytes");
        assertThat(root.path("unexplained").findValuesAsText("usageType")).contains("USE1-DataTransfer-Out-Bytes");
        assertThat(root.path("unexplained").get(0).has("operation")).isTrue();
        CliRun text = CliRun.of("reconcile", DEFINITION, "--bill", bill);
        assertThat(text.out()).contains("Warnings about the bill:").contains("USE1-DataTransfer-Out-Bytes");
    }
}
