package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when they get something wrong: the right exit code, the file named, and never a stack trace. */
class ErrorPathsTest {

    @TempDir
    Path tmp;

    private static final String EXAMPLES = CliRun.examples().toString();
    private static final String ETL_DAG = CliRun.examples().resolve("etl_glue_s3.py").toString();

    private static void assertInputError(CliRun r, String... fragments) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains(fragments).doesNotContain("Exception", "\tat ", "--debug");
    }

    @Test
    void simulateOnADirectoryIsAnInputErrorNotABug() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("nothing-here"));
        assertInputError(CliRun.of("simulate", dir.toString()), dir.toString(), "is a directory");
    }

    @Test
    void simulateRefusesADagWithACycleInsteadOfCountingZero() {
        CliRun r = CliRun.of("simulate", CliRun.fixture("dag-with-cycle.py"));
        // line 4 defines task a, the first of the cycle (the core reader points at the task, not at the edge)
        assertInputError(r, "dag-with-cycle.py:4", "cycle in DAG 'cyc'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void convertOfADagWithACycleIsAnInputErrorAndWritesNothing() {
        CliRun r = CliRun.of("convert", CliRun.fixture("dag-with-cycle.py"));
        assertInputError(r, "dag-with-cycle.py:4", "cycle in DAG 'cyc'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aDashAsFileNameSaysStandardInputIsNotSupported() {
        assertInputError(CliRun.of("validate", "-"), "'-' (standard input) is not supported");
        assertInputError(CliRun.of("simulate", "-"), "'-' (standard input) is not supported");
    }

    @Test
    void diffOfABinaryFileOrADirectoryNamesTheFile() throws IOException {
        Path binary = Files.write(tmp.resolve("blob.json"), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00});
        assertInputError(CliRun.of("diff", binary.toString(), binary.toString()), binary.toString(), "not UTF-8");
        Path dir = Files.createDirectory(tmp.resolve("a dir ü"));
        assertInputError(CliRun.of("diff", dir.toString(), dir.toString()), dir.toString(), "is a directory");
    }

    @Test
    void convertOutputUnderAFileNamesTheTargetNotATemporaryFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("afile"), "keep me");
        Path target = file.resolve("etl.asl.json");
        CliRun r = CliRun.of("convert", ETL_DAG, "-o", target.toString());
        assertInputError(r, "cannot write " + target);
        assertThat(r.err()).doesNotContain(".tmp");
        assertThat(file).hasContent("keep me");
    }

    @Test
    void convertOutputOntoADirectoryIsRefused() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("out"));
        assertInputError(CliRun.of("convert", ETL_DAG, "-o", dir.toString()), "cannot write " + dir, "is a directory");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(dir);
        }
    }

    @Test
    void pricesOutputUnderAFileNamesTheTarget() throws IOException {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        Path target = file.resolve("prices.csv");
        assertInputError(CliRun.of("prices", "-o", target.toString()), "cannot write " + target);
    }

    @Test
    void reportOutThatIsAFileFailsBeforeAnalysingAndLeavesTheFileAlone() throws IOException {
        Path file = Files.writeString(tmp.resolve("report"), "mine");
        CliRun r = CliRun.of("report", EXAMPLES, "--out", file.toString());
        assertInputError(r, "cannot write the reports to " + file, "not a directory");
        assertThat(r.out()).isEmpty();
        assertThat(file).hasContent("mine");
    }

    @Test
    void reportOutUnderAFileNamesItOnce() throws IOException {
        Path file = Files.writeString(tmp.resolve("afile"), "mine");
        Path out = file.resolve("reports");
        CliRun r = CliRun.of("report", EXAMPLES, "--out", out.toString(), "--formats", "json");
        assertInputError(r, "cannot write the reports to " + out + ": not a directory");
        assertThat(file).hasContent("mine");
    }

    @Test
    void pricesImportOfBrokenCsvSaysTheErrorOnce() {
        CliRun r = CliRun.of("prices", "--import", CliRun.fixture("unterminated-quote.aws-offer.csv"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        String first = r.err().lines().findFirst().orElseThrow();
        assertThat(r.err().lines().filter(l -> l.contains("unterminated-quote.aws-offer.csv"))).hasSize(1);
        assertThat(first).startsWith("flowcost: ");
    }

    @Test
    void aFailOverThatIsNotAnAmountIsAUsageErrorInPlainWords() {
        for (Supplier<CliRun> run : java.util.List.<Supplier<CliRun>>of(
                () -> CliRun.of("advise", EXAMPLES, "--fail-over", "abc"),
                () -> CliRun.of("diff", "a.json", "b.json", "--fail-over", "ten"))) {
            CliRun r = run.get();
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("is not an amount of US dollars").doesNotContain("java.lang", "BigDecimal");
        }
    }

    @Test
    void aFailOverMayBeWrittenWithADollarSign() {
        CliRun r = CliRun.of("advise", EXAMPLES, "--fail-over", "$1");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("over the budget of $1.00");
    }

    @Test
    void aMistypedCommandIsCalledAnUnknownCommandWithSuggestions() {
        CliRun r = CliRun.of("valdate", "x.asl.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown command 'valdate'", "Did you mean: flowcost validate");
    }

    @Test
    void inspectFindingNothingSaysSoOnStderrAndKeepsStdoutJson() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        CliRun r = CliRun.of("inspect", dir.toString(), "--format", "json");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.json().get("dags")).isEmpty();
        assertThat(r.err()).contains("no Airflow DAG found in " + dir);
    }

    @Test
    void validateOfADagOrAWorkloadSaysWhatTheFileIsInsteadOfAYamlError() {
        String workload = CliRun.examples().resolve("workload.yaml").toString();
        CliRun r = CliRun.of("validate", ETL_DAG, workload);
        assertInputError(r, ETL_DAG + ": skipped: an Airflow DAG", workload + ": skipped: a workload file",
                "no state machine definitions found in " + ETL_DAG + ", " + workload);
        assertThat(r.out()).doesNotContain("YAML");
    }

    @Test
    void simulateOfAWorkloadFilePointsAtTheWorkloadOption() {
        String workload = CliRun.examples().resolve("workload.yaml").toString();
        assertInputError(CliRun.of("simulate", workload), workload + ": this is a workload file", "--workload");
    }

    @Test
    void outOfRangeWorkerOptionsAndUnknownEnvironmentClassAreUsageErrors() {
        for (String[] args : new String[][] {
                {"simulate", ETL_DAG, "--workers", "-3"},
                {"simulate", ETL_DAG, "--max-workers", "26"},
                {"simulate", ETL_DAG, "--workers", "5", "--max-workers", "2"},
                {"simulate", ETL_DAG, "--environment-class", "mw9.huge"}}) {
            CliRun r = CliRun.of(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("Try 'flowcost simulate --help'");
        }
    }

    @Test
    void aMachineThatNeverEndsStopsAdviseAndReportInsteadOfCostingZero() {
        String machine = CliRun.fixture("choice-loop-no-exit.asl.json");
        String workload = CliRun.fixture("choice-loop-no-exit.workload.yaml");
        CliRun advise = CliRun.of("advise", machine, "-w", workload);
        assertInputError(advise, "does not reach its end", "--keep-going");
        assertThat(advise.out()).isEmpty();
        Path out = tmp.resolve("reports");
        assertInputError(CliRun.of("report", machine, "-w", workload, "--out", out.toString()), "does not reach its end");
        assertThat(out).doesNotExist();
        CliRun kept = CliRun.of("advise", machine, "-w", workload, "--keep-going", "--format", "json");
        // --keep-going still prints what it could, but an input left out is never a clean exit 0
        assertThat(kept.exitCode()).as(kept.err()).isEqualTo(3);
        assertThat(kept.json().get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(kept.err()).contains("does not reach its end", "incomplete");
    }
}
