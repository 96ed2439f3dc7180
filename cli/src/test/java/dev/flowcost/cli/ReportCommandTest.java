package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** advise and report end to end on the bundled examples: the numbers agree across formats, and the advice is valid. */
class ReportCommandTest {

    @TempDir
    Path tmp;

    private static final String EXAMPLES = CliRun.examples().toString();
    private static final String WORKLOAD = CliRun.examples().resolve("workload.yaml").toString();

    @Test
    void reportWritesEveryFormatAndTheWorkbookRecomputesTheTotals() throws IOException {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("report", EXAMPLES, "--workload", WORKLOAD, "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String f : new String[] {"report.html", "report.xlsx", "findings.csv", "costs.csv", "analysis.json"}) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        JsonNode analysis = new ObjectMapper().readTree(out.resolve("analysis.json").toFile());
        BigDecimal now = analysis.at("/totals/monthlyCostNow").decimalValue();
        BigDecimal after = analysis.at("/totals/monthlyCostAfter").decimalValue();
        try (InputStream in = Files.newInputStream(out.resolve("report.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
            Sheet summary = wb.getSheet("Summary");
            assertThat(cents(valueRightOf(summary, "Monthly cost now (USD)", eval))).isEqualTo(cents(now));
            assertThat(cents(valueRightOf(summary, "Monthly cost after (USD)", eval))).isEqualTo(cents(after));
        }
        String html = Files.readString(out.resolve("report.html"));
        // one script: the page's own table script, allowed by its hash; no other script and no workflows/ folder for
        // an estate that fits on the page
        assertThat(html.split("<script", -1)).hasSize(2);
        assertThat(html).contains(dev.flowcost.report.html.HtmlReport.SCRIPT).contains("orders-inline-map");
        assertThat(out.resolve("workflows")).doesNotExist();
    }

    @Test
    void adviseJsonFollowsTheContractAndItsChangesValidate() throws IOException {
        CliRun r = CliRun.of("advise", EXAMPLES, "--workload", WORKLOAD, "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("region").asText()).isEqualTo("us-east-1");
        JsonNode orders = null;
        for (JsonNode w : j.get("workflows")) {
            assertThat(w.has("name") && w.has("kind") && w.has("executionsPerMonth")).isTrue();
            assertThat(w.at("/monthlyCost/total").isNumber()).isTrue();
            assertThat(w.at("/monthlyCost/components").isObject()).isTrue();
            if (w.get("kind").asText().equals("dag")) {
                assertThat(w.has("verdict") && w.has("alternatives") && w.has("blockers")).isTrue();
            }
            if (w.get("name").asText().equals("orders-inline-map")) {
                orders = w;
            }
        }
        assertThat(orders).isNotNull();
        assertThat(orders.get("kind").asText()).isEqualTo("state-machine");
        JsonNode env = j.get("environments").get(0);
        for (String k : new String[] {"name", "environmentClass", "monthlyCost", "monthlyCostAfter", "dags", "verdict"}) {
            assertThat(env.has(k)).as(k).isTrue();
        }
        int checked = 0;
        for (JsonNode f : j.get("findings")) {
            for (String k : new String[] {"rule", "workflow", "targets", "monthlyCostNow", "monthlyCostAfter",
                    "monthlySaving", "confidence", "assumptions", "blockers", "change"}) {
                assertThat(f.has(k)).as(k).isTrue();
            }
            assertThat(f.get("monthlySaving").decimalValue()).isEqualByComparingTo(
                    f.get("monthlyCostNow").decimalValue().subtract(f.get("monthlyCostAfter").decimalValue()));
            String rule = f.get("rule").asText();
            if (f.at("/change/kind").asText().equals("ASL")
                    && (rule.equals("inline-map-to-distributed-map") || rule.equals("loop-inside-lambda"))) {
                assertThat(validates(f.at("/change/content").asText())).as(rule).isTrue();
                checked++;
            }
        }
        assertThat(checked).as("the seed trap gets both rewrites").isEqualTo(2);
    }

    @Test
    void inputErrorsStopTheReportUnlessKeepGoing() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(CliRun.examples().resolve("orders-inline-map.asl.json"), in.resolve("orders.asl.json"));
        Files.writeString(in.resolve("broken.asl.json"), "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"Z\"}}}");
        Path out = tmp.resolve("out");
        CliRun stop = CliRun.of("report", in.toString(), "--out", out.toString());
        assertThat(stop.exitCode()).isEqualTo(3);
        assertThat(stop.err()).contains("broken.asl.json").contains("/States/A/Next");
        assertThat(out).doesNotExist();
        CliRun go = CliRun.of("report", in.toString(), "--out", out.toString(), "--keep-going", "--formats", "json");
        assertThat(go.exitCode()).as(go.err()).isEqualTo(3);
        assertThat(go.err()).contains("incomplete");
        assertThat(out.resolve("analysis.json")).isNotEmptyFile();
        assertThat(out.resolve("report.html")).doesNotExist();
    }

    @Test
    void failOverGatesOnTheMonthlyCost() {
        CliRun r = CliRun.of("advise", CliRun.examples().resolve("orders-inline-map.asl.json").toString(), "--workload",
                WORKLOAD, "--fail-over", "1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("over the budget");
    }

    @Test
    void anUnknownRegionIsAnInputError() {
        CliRun r = CliRun.of("advise", EXAMPLES, "--region", "xx-nowhere-1");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("xx-nowhere-1");
    }

    private boolean validates(String fragment) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode state = (ObjectNode) m.readTree(fragment);
        state.remove("Next");
        state.put("End", true);
        ObjectNode machine = m.createObjectNode();
        machine.put("StartAt", "Changed");
        machine.putObject("States").set("Changed", state);
        Path f = Files.createTempFile(tmp, "fragment", ".asl.json");
        Files.writeString(f, m.writeValueAsString(machine));
        CliRun v = CliRun.of("validate", f.toString());
        return v.exitCode() == 0;
    }

    private static BigDecimal valueRightOf(Sheet sheet, String label, FormulaEvaluator eval) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && label.equals(first.getStringCellValue())) {
                return BigDecimal.valueOf(eval.evaluate(row.getCell(1)).getNumberValue());
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
