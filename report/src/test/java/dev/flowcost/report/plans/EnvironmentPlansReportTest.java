package dev.flowcost.report.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.AdvisorInput;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.PlanOption;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.input.WorkflowInputs;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkloadReader;
import dev.flowcost.report.excel.ExcelReport;
import dev.flowcost.report.html.HtmlReport;
import dev.flowcost.report.json.AnalysisJson;
import dev.flowcost.report.text.TextReport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The bundled examples' environment plans in every output: text, HTML card, workbook sheet, JSON. */
class EnvironmentPlansReportTest {

    private static Analysis analysis;
    private static EnvironmentAnalysis env;

    @BeforeAll
    static void analyse() throws IOException {
        WorkflowInputs in = WorkflowInputs.read(List.of(Path.of("..", "examples")));
        Workload w = new WorkloadReader().read(Path.of("..", "examples", "workload.yaml")).workload().orElseThrow();
        analysis = Advisor.analyze(new AdvisorInput(List.of(), in.dags(), w, PriceBook.bundled(), Optional.empty(),
                List.of(), List.of()));
        env = analysis.environments().get(0);
        assertThat(env.plans()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void jsonCarriesEveryPlanAndTheConditionsAndReadsBack() throws IOException {
        String json = AnalysisJson.write(analysis);
        JsonNode e = new ObjectMapper().readTree(json).at("/environments/0");
        assertThat(e.get("plans")).hasSize(env.plans().size());
        for (JsonNode p : e.get("plans")) {
            for (String field : List.of("name", "dagsMoving", "monthlyCostAfter", "monthlySaving", "effortHours",
                    "paybackMonths", "workItems", "chosen")) {
                assertThat(p.has(field)).as(field).isTrue();
            }
        }
        JsonNode chosen = e.at("/plans/1");
        assertThat(chosen.get("chosen").asBoolean()).isTrue();
        assertThat(chosen.get("dagsMoving")).hasSize(3);
        assertThat(chosen.at("/workItems/0/kind").asText()).isNotEmpty();
        assertThat(e.at("/conditions/summary").asText()).contains("prod-airflow");
        assertThat(e.at("/conditions/breakEvenRunsPerMonth").isNumber()).isTrue();
        EnvironmentAnalysis back = AnalysisJson.read(json).environments().get(0);
        assertThat(back.plans()).extracting(PlanOption::name).isEqualTo(env.plans().stream().map(PlanOption::name).toList());
        assertThat(back.chosenPlan().orElseThrow().monthlySaving())
                .isEqualByComparingTo(env.chosenPlan().orElseThrow().monthlySaving());
        assertThat(back.conditions()).isEqualTo(env.conditions());
    }

    @Test
    void htmlShowsTheEnvironmentCardAboveTheFindings() {
        Document doc = Jsoup.parse(HtmlReport.render(analysis));
        Element section = doc.getElementById("environment-plans");
        assertThat(section).isNotNull();
        Element findings = doc.getElementById("findings");
        assertThat(section.elementSiblingIndex()).isLessThan(findings.elementSiblingIndex());
        Element card = section.selectFirst("article.environment-card");
        assertThat(card.selectFirst("h3").text()).contains("prod-airflow");
        assertThat(card.select("table.plans tr")).hasSize(1 + env.plans().size());
        assertThat(card.select("table.plans tr.chosen")).hasSize(1);
        assertThat(card.select("table.plans tr.chosen").text()).contains(PlanOption.MOVE_ALL);
        assertThat(card.selectFirst("p.answer").text()).contains("saves $355");
    }

    @Test
    void workbookSheetComputesEveryCostByLiveFormulasWithTheirValuesStored() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExcelReport.write(analysis, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet s = wb.getSheet(ExcelReport.ENVIRONMENT_PLANS);
            assertThat(s).isNotNull();
            FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
            for (int r = 1; r <= env.plans().size(); r++) {
                Row row = s.getRow(r);
                PlanOption p = env.plans().get(r - 1);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(p.name());
                for (int c : new int[]{4, 5, 6, 7, 10}) {
                    Cell cell = row.getCell(c);
                    assertThat(cell.getCellType()).as("column " + c).isEqualTo(CellType.FORMULA);
                    double cached = cell.getNumericCellValue();
                    assertThat(eval.evaluate(cell).getNumberValue()).as(cell.getCellFormula())
                            .isCloseTo(cached, within(1e-6));
                }
                assertThat(row.getCell(6).getNumericCellValue()).isCloseTo(p.monthlyCostAfter().doubleValue(), within(1e-6));
                assertThat(row.getCell(7).getNumericCellValue()).isCloseTo(p.monthlySaving().doubleValue(), within(1e-6));
                assertThat(eval.evaluate(row.getCell(13)).getStringValue()).isEqualTo(p.paysBack() ? "yes" : "no");
                assertThat(row.getCell(13).getStringCellValue()).isEqualTo(p.paysBack() ? "yes" : "no");
            }
        }
    }

    @Test
    void textGivesTheChosenPlanItsWorkAndTheConditions() {
        String text = TextReport.render(analysis, false);
        assertThat(text).contains("plans weighed").contains("→ move every movable DAG").contains("work: ")
                .contains("when: Move all 3 DAG(s) and decommission prod-airflow");
    }
}
