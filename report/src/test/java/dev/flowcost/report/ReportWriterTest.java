package dev.flowcost.report;

import dev.flowcost.advisor.analysis.Analysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWriterTest {

    private final Analysis seed = SampleAnalyses.seedTrap();

    @TempDir
    Path dir;

    @Test
    void writesEveryFormatAskedFor() throws IOException {
        Path out = dir.resolve("out");
        List<Path> written = ReportWriter.write(seed, out, EnumSet.allOf(ReportFormat.class));
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("report.html", "report.xlsx", "findings.csv", "costs.csv", "analysis.json");
        for (Path p : written) {
            assertThat(Files.size(p)).as(p.toString()).isPositive();
        }
        assertThat(listing(out)).containsExactlyInAnyOrder("report.html", "report.xlsx", "findings.csv",
                "costs.csv", "analysis.json");
        assertThat(Files.readString(out.resolve("analysis.json"))).contains("\"schemaVersion\"");
    }

    @Test
    void writesOnlyWhatIsAskedAndReplacesOldFiles() throws IOException {
        Files.writeString(dir.resolve("analysis.json"), "old");
        List<Path> written = ReportWriter.write(seed, dir, EnumSet.of(ReportFormat.JSON));
        assertThat(written).containsExactly(dir.resolve("analysis.json"));
        assertThat(Files.readString(dir.resolve("analysis.json"))).startsWith("{");
        assertThat(listing(dir)).containsExactly("analysis.json");
    }

    @Test
    void aRendererThatFailsMidwayLeavesNoFile() throws IOException {
        Map<String, ReportWriter.FileRenderer> renderers = new LinkedHashMap<>(ReportWriter.standardRenderers());
        renderers.put("costs.csv", (a, out) -> {
            out.write("owner,ownerKind\r\norders,".getBytes());
            throw new IOException("disk full");
        });
        assertThatThrownBy(() -> ReportWriter.write(seed, dir, EnumSet.allOf(ReportFormat.class), renderers))
                .isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(listing(dir)).isEmpty();

        renderers.put("costs.csv", (a, out) -> {
            throw new IllegalStateException("bug");
        });
        assertThatThrownBy(() -> ReportWriter.write(seed, dir, EnumSet.allOf(ReportFormat.class), renderers))
                .isInstanceOf(IllegalStateException.class);
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void anOutputDirectoryThatIsAFileFails() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertThatThrownBy(() -> ReportWriter.write(seed, file, EnumSet.allOf(ReportFormat.class)))
                .isInstanceOf(IOException.class);
        assertThat(listing(dir)).containsExactly("taken");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void twoHundredWorkflowsInEveryFormat() throws IOException {
        Analysis many = SampleAnalyses.many(200);
        long start = System.nanoTime();
        List<Path> written = ReportWriter.write(many, dir, EnumSet.allOf(ReportFormat.class));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("200 workflows, all formats: " + millis + " ms");
        assertThat(written).hasSize(6).contains(dir.resolve("workflows"));
        assertThat(Files.readString(dir.resolve("report.html"))).contains("orders199");
        // the 50 costliest are on the page; each other workflow has its page, and the folder is marked as ours
        try (java.util.stream.Stream<Path> pages = Files.list(dir.resolve("workflows"))) {
            assertThat(pages.filter(p -> p.toString().endsWith(".html")).count()).isEqualTo(150);
        }
        assertThat(dir.resolve("workflows").resolve(".flowcost-pages")).exists();
    }

    @Test
    void formatsParseByName() {
        assertThat(ReportFormat.parse("Excel")).contains(ReportFormat.XLSX);
        assertThat(ReportFormat.parse("csv")).contains(ReportFormat.CSV);
        assertThat(ReportFormat.parse("pdf")).isEmpty();
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
