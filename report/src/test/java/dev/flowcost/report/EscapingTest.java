package dev.flowcost.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.report.csv.CsvReport;
import dev.flowcost.report.excel.ExcelReport;
import dev.flowcost.report.html.HtmlReport;
import dev.flowcost.report.json.AnalysisJson;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hostile names of the seed trap, in every format: text stays text. */
class EscapingTest {

    private final Analysis seed = SampleAnalyses.seedTrap();

    @Test
    void html() {
        String html = HtmlReport.render(seed);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document doc = Jsoup.parse(html);
        // the only script is the page's own table script, whatever the names hold
        assertThat(doc.select("script")).singleElement()
                .satisfies(s -> assertThat(s.data()).isEqualTo(HtmlReport.SCRIPT));
        assertThat(html.split("<script", -1)).hasSize(2);
        assertThat(doc.text()).contains(SampleAnalyses.SCRIPT_STATE, SampleAnalyses.HYPERLINK_TASK,
                SampleAnalyses.CMD_STATE);
    }

    @Test
    void csvNeutralisesFormulaText() throws Exception {
        Analysis renamed = rename(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvReport.writeFindings(renamed, out);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .getRecords();
        List<String> workflows = new ArrayList<>();
        rows.forEach(r -> workflows.add(r.get(1)));
        assertThat(workflows).contains("'" + SampleAnalyses.HYPERLINK_TASK);
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
            }
        }
    }

    @Test
    void excelKeepsNamesAsStringCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExcelReport.write(rename(seed), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            int seen = 0;
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING
                                && (cell.getStringCellValue().equals(SampleAnalyses.HYPERLINK_TASK)
                                || cell.getStringCellValue().equals(SampleAnalyses.CMD_STATE))) {
                            seen++;
                        }
                        if (cell.getCellType() == CellType.FORMULA) {
                            assertThat(cell.getCellFormula()).doesNotContain("HYPERLINK").doesNotContain("cmd");
                        }
                    }
                }
            }
            // Counts sheet: 2 tasks; Summary, Workflows, Findings, Finding items, Alternatives: the renamed workflow
            assertThat(seen).isGreaterThanOrEqualTo(7);
        }
    }

    @Test
    void jsonEscapesAndRoundTrips() throws Exception {
        Analysis renamed = rename(seed);
        String json = AnalysisJson.write(renamed);
        assertThat(new ObjectMapper().readTree(json).get("workflows").get(1).get("name").textValue())
                .isEqualTo(SampleAnalyses.HYPERLINK_TASK);
        assertThat(AnalysisJson.read(json)).isEqualTo(renamed);
    }

    /** The seed trap with the DAG renamed to a formula, so workflow-name columns carry it too. */
    private static Analysis rename(Analysis a) {
        String json = AnalysisJson.write(a).replace("\"nightly_etl\"",
                new ObjectMapper().valueToTree(SampleAnalyses.HYPERLINK_TASK).toString());
        return AnalysisJson.read(json);
    }
}
