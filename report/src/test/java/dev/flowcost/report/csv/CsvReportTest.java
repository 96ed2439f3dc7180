package dev.flowcost.report.csv;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.report.SampleAnalyses;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReportTest {

    private final Analysis seed = SampleAnalyses.seedTrap();

    @Test
    void findingsOneARowBiggestSavingFirst() throws IOException {
        List<CSVRecord> rows = parse(findings(seed));
        assertThat(rows.get(0).values()).containsExactlyElementsOf(CsvReport.FINDING_COLUMNS);
        assertThat(rows).hasSize(1 + seed.findings().size());
        CSVRecord top = rows.get(1);
        assertThat(top.get(0)).isEqualTo("dag-to-step-functions");
        // MWAA environment 730 h x $0.49 + worker 15 h x $0.055 now; 240 transitions x $0.000025 after
        assertThat(new BigDecimal(top.get(4))).isEqualByComparingTo("358.525");
        assertThat(new BigDecimal(top.get(5))).isEqualByComparingTo("0.006");
        assertThat(new BigDecimal(top.get(6))).isEqualByComparingTo("358.519");
        assertThat(rows.get(2).get(0)).isEqualTo("inline-map-to-distributed-map");
    }

    @Test
    void costsOneItemARowWithCredits() throws IOException {
        List<CSVRecord> rows = parse(costs(seed));
        assertThat(rows.get(0).values()).containsExactlyElementsOf(CsvReport.COST_COLUMNS);
        // orders: 3 items, nightly_etl: 1, prod-airflow: 1, credits: 2
        assertThat(rows).hasSize(1 + 3 + 1 + 1 + 2);
        CSVRecord map = rows.get(2);
        assertThat(map.get(0)).isEqualTo("orders");
        assertThat(map.get(2)).isEqualTo("state transitions");
        assertThat(new BigDecimal(map.get(11))).isEqualByComparingTo("14400720");
        assertThat(map.get(14)).isEqualTo("360.018000");
        CSVRecord credit = rows.get(6);
        assertThat(credit.get(1)).isEqualTo("credit");
        // 4,000 free transitions x $0.000025
        assertThat(new BigDecimal(credit.get(14))).isEqualByComparingTo("-0.1");
    }

    @Test
    void formulaLikeTextIsNeutralisedButNumbersAreNot() throws IOException {
        String text = costs(seed) + findings(seed);
        assertThat(text).doesNotContain(",=").contains("-0.100000");
        assertThat(CsvReport.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        for (String hostile : List.of("+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "=1")) {
            assertThat(CsvReport.text(hostile)).startsWith("'");
        }
        assertThat(CsvReport.text("orders")).isEqualTo("orders");
        assertThat(CsvReport.text("")).isEmpty();
        String dagFinding = parse(findings(seed)).get(1).get(8);
        assertThat(dagFinding).isEqualTo("Rewrite the 4 tasks as a Step Functions state machine");
    }

    @Test
    void quotesAndLineBreaksFollowRfc4180() throws IOException {
        String text = findings(seed);
        assertThat(text).contains("\r\n");
        List<CSVRecord> rows = parse(text);
        for (CSVRecord row : rows) {
            assertThat(row.size()).isEqualTo(CsvReport.FINDING_COLUMNS.size());
        }
    }

    private static String findings(Analysis a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvReport.writeFindings(a, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String costs(Analysis a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvReport.writeCosts(a, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    }
}
