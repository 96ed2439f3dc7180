package dev.flowcost.report.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.AdvisorInput;
import dev.flowcost.advisor.StateMachineInput;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.price.MissingPriceException;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkloadReadResult;
import dev.flowcost.core.workload.WorkloadReader;
import dev.flowcost.report.ReportFormat;
import dev.flowcost.report.ReportWriter;
import dev.flowcost.report.json.AnalysisJson;
import dev.flowcost.report.text.TextReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Past the readers (issue 15, item 8): a fuzzed state machine and workload that read without errors are analysed end to
 * end (exact analysis, Monte Carlo, rules, changes, totals) and written in every report format. Nothing may throw but
 * a price the book lacks (an input error the CLI reports), and no total may be negative.
 *
 * <p>The input is the workload YAML, a NUL byte, then the definition; the committed seeds are real pairs of both.
 * Replayed in every build; {@code JAZZER_FUZZ=1 mvn -pl report -am test -Dtest=AnalyseAndReportFuzzTest} fuzzes.
 */
class AnalyseAndReportFuzzTest {

    private static final AslReader ASL = new AslReader();
    private static final WorkloadReader WORKLOADS = new WorkloadReader();

    @FuzzTest(maxDuration = "60s")
    void analysedAndWrittenWithoutCrashing(byte[] data) throws IOException {
        int nul = indexOf(data, (byte) 0);
        byte[] workloadBytes = nul < 0 ? new byte[0] : Arrays.copyOfRange(data, 0, nul);
        byte[] definition = nul < 0 ? data : Arrays.copyOfRange(data, nul + 1, data.length);
        String name = new String(definition, 0, Math.min(definition.length, 64), java.nio.charset.StandardCharsets.UTF_8)
                .strip().startsWith("{") ? "fuzz.asl.json" : "fuzz.asl.yaml";
        AslReadResult read = ASL.read(name, definition);
        if (read.hasErrors() || read.machine().isEmpty()) {
            return; // the readers' own fuzz tests cover refusals
        }
        Workload workload = Workload.defaults();
        if (workloadBytes.length > 0) {
            WorkloadReadResult w = WORKLOADS.read("fuzz.yaml", workloadBytes);
            if (w.hasErrors() || w.workload().isEmpty()) {
                return;
            }
            workload = w.workload().get();
        }
        StateMachineInput machine = new StateMachineInput("fuzz", name, read.machine().get(),
                read.declaredType(), definition.length, read.definition());
        Analysis analysis;
        try {
            analysis = Advisor.analyze(new AdvisorInput(List.of(machine), List.of(), workload, PriceBook.bundled(),
                    Optional.empty(), List.of(name), read.diagnostics()));
        } catch (MissingPriceException e) {
            return; // a region or service without a price: exit 3 in the CLI
        }
        assertThat(analysis.totals().monthlyCostNow().signum()).as("cost now").isGreaterThanOrEqualTo(0);
        assertThat(analysis.totals().monthlyCostAfter().signum()).as("cost after").isGreaterThanOrEqualTo(0);
        assertThat(analysis.totals().monthlySaving()).as("saving = now - after")
                .isEqualByComparingTo(analysis.totals().monthlyCostNow().subtract(analysis.totals().monthlyCostAfter()));
        assertThat(TextReport.render(analysis)).contains("fuzz");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(AnalysisJson.write(analysis))
                .path("workflows").size()).as("workflows in the JSON").isEqualTo(1);
        Path out = Files.createTempDirectory("fuzz-report");
        try {
            List<Path> written = ReportWriter.write(analysis, out, EnumSet.allOf(ReportFormat.class));
            assertThat(written).allSatisfy(p -> assertThat(Files.size(p)).isPositive());
        } finally {
            deleteTree(out);
        }
    }

    private static int indexOf(byte[] data, byte b) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

}
