package dev.flowcost.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowcost.advisor.analysis.Analysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report replaces the previous one whole or not at all, and no temporary file outlives a run. */
class ReportStagingTest {

    private static final List<String> FILES = List.of("report.html", "report.xlsx", "findings.csv", "costs.csv", "analysis.json");
    private final Analysis seed = SampleAnalyses.seedTrap();

    @TempDir
    Path dir;

    @BeforeEach
    void previousReport() throws IOException {
        for (String f : FILES) {
            Files.writeString(dir.resolve(f), "previous " + f);
        }
    }

    private void assertPreviousReportUntouched() throws IOException {
        for (String f : FILES) {
            assertThat(Files.readString(dir.resolve(f))).isEqualTo("previous " + f);
        }
        assertThat(listing()).containsExactlyInAnyOrderElementsOf(FILES);
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void aFailingRendererLeavesThePreviousReportWhole() throws IOException {
        Map<String, ReportWriter.FileRenderer> renderers = new LinkedHashMap<>(ReportWriter.standardRenderers());
        renderers.put("analysis.json", (a, out) -> {
            throw new IOException("disk full");
        });
        assertThatThrownBy(() -> ReportWriter.write(seed, dir, EnumSet.allOf(ReportFormat.class), renderers))
                .hasMessage("disk full");
        assertPreviousReportUntouched();
    }

    @Test
    void aDirectoryInTheWayOfTheLastFileFailsBeforeAnyFileIsReplaced() throws IOException {
        Files.delete(dir.resolve("analysis.json"));
        Files.createDirectories(dir.resolve("analysis.json/inside"));
        assertThatThrownBy(() -> ReportWriter.write(seed, dir, EnumSet.allOf(ReportFormat.class)))
                .isInstanceOf(IOException.class).hasMessageContaining("analysis.json");
        for (String f : FILES.subList(0, 4)) {
            assertThat(Files.readString(dir.resolve(f))).isEqualTo("previous " + f);
        }
        assertThat(listing()).containsExactlyInAnyOrderElementsOf(FILES);
    }

    @Test
    void aMoveThatFailsHalfwayPutsBackTheFilesAlreadyMoved() throws IOException {
        Map<String, ReportWriter.FileRenderer> renderers = new LinkedHashMap<>(ReportWriter.standardRenderers());
        renderers.put("analysis.json", (a, out) -> {
            // make the fourth file's move fail: something sits where its previous version would be kept
            try (Stream<Path> s = Files.list(dir)) {
                Path staging = s.filter(p -> p.getFileName().toString().startsWith(".flowcost-report.")).findFirst()
                        .orElseThrow();
                Files.createDirectories(staging.resolve(".previous.costs.csv/blocker"));
            }
            out.write("{}".getBytes());
        });
        assertThatThrownBy(() -> ReportWriter.write(seed, dir, EnumSet.allOf(ReportFormat.class), renderers))
                .isInstanceOf(IOException.class);
        assertPreviousReportUntouched();
    }

    @Test
    void aSuccessfulRunLeavesOnlyTheReportFiles() throws IOException {
        ReportWriter.write(seed, dir, EnumSet.allOf(ReportFormat.class));
        assertThat(listing()).containsExactlyInAnyOrderElementsOf(FILES);
        assertThat(Files.readString(dir.resolve("analysis.json"))).contains("schemaVersion");
    }

    @Test
    void startUpRemovesWhatKilledRunsLeftButNotWhatALiveOneIsWriting() throws IOException {
        Path legacy = Files.writeString(dir.resolve(".report.html." + UUID.randomUUID() + ".tmp"), "half");
        Path dead = Files.createDirectories(dir.resolve(".flowcost-report.999999999." + UUID.randomUUID() + ".tmp/sub"))
                .getParent();
        Files.writeString(dead.resolve("report.html"), "half");
        long live = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        Path alive = Files.createDirectories(dir.resolve(".flowcost-report." + live + "." + UUID.randomUUID() + ".tmp"));
        Path usersOwn = Files.writeString(dir.resolve(".notes.tmp"), "mine");
        ReportWriter.write(seed, dir, EnumSet.of(ReportFormat.JSON));
        assertThat(legacy).doesNotExist();
        assertThat(dead).doesNotExist();
        assertThat(alive).exists();
        assertThat(usersOwn).exists();
    }

    @Test
    void aFailureInAFolderThisRunCreatedRemovesTheFolder() {
        Path fresh = dir.resolve("new-out");
        Map<String, ReportWriter.FileRenderer> renderers = new LinkedHashMap<>(ReportWriter.standardRenderers());
        renderers.put("report.xlsx", (a, out) -> {
            throw new IllegalArgumentException("The maximum length of cell contents (text) is 32767 characters");
        });
        assertThatThrownBy(() -> ReportWriter.write(seed, fresh, EnumSet.allOf(ReportFormat.class), renderers))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fresh).doesNotExist();
    }
}
