package dev.flowcost.bench;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.report.ReportFormat;
import dev.flowcost.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue target: a report of 200 workflows in every format (HTML, XLSX, CSV, JSON) renders quickly and grows
 * linearly with the estate; the 50/100/200 parameters show the growth (-p workflows=2000 for a larger one).
 * bench/scripts/report-200.sh times the whole command with JVM start.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportBenchmark {

    @Param({"50", "100", "200"})
    public int workflows;

    private Analysis analysis;
    private Path out;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        analysis = SampleEstate.of(workflows);
        out = Files.createTempDirectory("flowcost-bench-report");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public List<Path> writeAllFormats() throws IOException {
        return ReportWriter.write(analysis, out, EnumSet.allOf(ReportFormat.class));
    }

    /** The workbook alone: the longest file of a large estate's report beside the workflows/ pages. */
    @Benchmark
    public List<Path> writeWorkbook() throws IOException {
        return ReportWriter.write(analysis, out, EnumSet.of(ReportFormat.XLSX));
    }
}
