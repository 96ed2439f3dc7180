package dev.flowcost.report.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.core.LazyList;
import dev.flowcost.report.SampleAnalyses;
import dev.flowcost.report.json.AnalysisJson;
import dev.flowcost.report.KeptCopies;
import dev.flowcost.report.csv.CsvReport;
import dev.flowcost.report.excel.ExcelReport;
import dev.flowcost.report.html.HtmlReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisStoreTest {

    /** Passes every workflow of {@code a} through the store as the advisor does and builds the analysis it keeps. */
    private static Analysis throughStore(Analysis a, AnalysisStore store) {
        List<WorkflowAnalysis> workflows = new ArrayList<>();
        Map<Finding, Finding> slimOf = new IdentityHashMap<>();
        for (WorkflowAnalysis w : a.workflows()) {
            List<Finding> mine = a.findings().stream().filter(f -> f.workflow().equals(w.name())).toList();
            Advisor.WorkflowSink.Kept kept = store.accept(w, mine);
            workflows.add(kept.workflow());
            for (int i = 0; i < mine.size(); i++) {
                slimOf.put(mine.get(i), kept.findings().get(i));
            }
        }
        List<Finding> findings = a.findings().stream().map(f -> slimOf.getOrDefault(f, f)).toList();
        return new Analysis(a.schemaVersion(), a.region(), a.inputs(), workflows, a.environments(), a.credits(),
                findings, a.assumptions(), a.prices(), a.diagnostics(), a.totals());
    }

    @Test
    void theStoredAnalysisReadsBackEveryWorkflowAndFindingWhole() throws Exception {
        Analysis a = SampleAnalyses.seedTrap();
        assertThat(a.findings()).isNotEmpty();
        try (AnalysisStore store = AnalysisStore.create()) {
            Analysis slim = throughStore(a, store);
            // what is kept in memory has lost the details ...
            assertThat(slim.findings().get(0).change().content()).isEmpty();
            assertThat(AnalysisJson.write(slim)).isNotEqualTo(AnalysisJson.write(a));
            Analysis stored = store.stored(slim);
            // ... and the stored analysis has them again, read from disk as they are asked for
            assertThat(stored.workflows()).isInstanceOf(LazyList.class);
            assertThat(stored.findings()).isInstanceOf(LazyList.class);
            assertThat(stored.workflows()).containsExactlyElementsOf(a.workflows());
            assertThat(stored.findings()).containsExactlyElementsOf(a.findings());
            assertThat(AnalysisJson.write(stored)).isEqualTo(AnalysisJson.write(a));
        }
    }

    /** Every report file of {@code a}: the renderers that walk kept copies or copy stored lines included. */
    private static Map<String, String> reports(Analysis a, Path pages) throws Exception {
        Map<String, String> files = new java.util.TreeMap<>();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        AnalysisJson.write(a, json);
        files.put("analysis.json", json.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream findings = new ByteArrayOutputStream();
        CsvReport.writeFindings(a, findings);
        files.put("findings.csv", findings.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream costs = new ByteArrayOutputStream();
        CsvReport.writeCosts(a, costs);
        files.put("costs.csv", costs.toString(StandardCharsets.UTF_8));
        HtmlReport.Options paged = new HtmlReport.Options(0);
        files.put("report.html", HtmlReport.render(a, paged));
        Files.createDirectories(pages);
        HtmlReport.writePages(a, pages, paged);
        try (java.util.stream.Stream<Path> list = Files.list(pages)) {
            for (Path page : list.toList()) {
                files.put("workflows/" + page.getFileName(), Files.readString(page));
            }
        }
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ExcelReport.write(a, xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
            for (Sheet sheet : wb) {
                StringBuilder cells = new StringBuilder();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.append(cell.getAddress()).append('=').append(cell).append(cell.getCellType()
                                == CellType.FORMULA ? " -> " + cell.getNumericCellValue() : "").append('\n');
                    }
                }
                files.put("report.xlsx/" + sheet.getSheetName(), cells.toString());
            }
        }
        return files;
    }

    @Test
    void everyReportOfTheStoredAnalysisIsTheOneOfTheWholeAnalysis(@TempDir Path dir) throws Exception {
        // the renderers' passes over slim copies, and analysis.json's copy of the stored lines, change no byte
        Analysis a = SampleAnalyses.seedTrap();
        assertThat(a.workflows()).anyMatch(w -> !w.steps().isEmpty() && !w.graph().nodes().isEmpty());
        assertThat(a.findings()).anyMatch(f -> f.curve().isPresent() && !f.change().content().isEmpty());
        try (AnalysisStore store = AnalysisStore.create()) {
            Analysis stored = store.stored(throughStore(a, store));
            assertThat(stored.workflows()).isInstanceOf(KeptCopies.class);
            assertThat(stored.findings()).isInstanceOf(AnalysisJson.StoredLines.class);
            Map<String, String> whole = reports(a, dir.resolve("whole"));
            assertThat(whole.keySet()).contains("report.xlsx/" + ExcelReport.COUNTS)
                    .filteredOn(name -> name.startsWith("workflows/")).hasSize(a.workflows().size());
            assertThat(reports(stored, dir.resolve("stored"))).isEqualTo(whole);
        }
    }

    @Test
    void aFindingTheStoreNeverSawIsKeptAsItIs() throws Exception {
        Analysis a = SampleAnalyses.seedTrap();
        try (AnalysisStore store = AnalysisStore.create()) {
            Analysis slim = throughStore(a, store);
            List<Finding> findings = new ArrayList<>(slim.findings());
            Finding own = a.findings().get(0);
            findings.add(own); // an environment's finding: made outside the sink
            Analysis mixed = new Analysis(slim.schemaVersion(), slim.region(), slim.inputs(), slim.workflows(),
                    slim.environments(), slim.credits(), findings, slim.assumptions(), slim.prices(),
                    slim.diagnostics(), slim.totals());
            List<Finding> back = store.stored(mixed).findings();
            assertThat(back).hasSize(a.findings().size() + 1);
            assertThat(back.get(back.size() - 1)).isSameAs(own);
            assertThat(back.subList(0, a.findings().size())).containsExactlyElementsOf(a.findings());
        }
    }
}
