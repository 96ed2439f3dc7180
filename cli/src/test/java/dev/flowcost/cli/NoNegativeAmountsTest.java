package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No bundled example, alone or with the others, with or without the examples' workload, shows a negative cost in any
 * output: text, JSON, HTML or workbook. Only the free-tier credits are negative, by definition. (A finding's saving
 * was once subtracted before the free tiers from a total taken after them: glue-poller alone said "after the changes
 * −$0.05".)
 */
class NoNegativeAmountsTest {

    @TempDir
    Path tmp;

    private static final String WORKLOAD = CliRun.examples().resolve("workload.yaml").toString();

    static Stream<List<String>> inputs() throws IOException {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of(CliRun.examples().toString(), "--workload", WORKLOAD));
        try (Stream<Path> files = Files.list(CliRun.examples())) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.equals("workload.yaml")) {
                    continue;
                }
                out.add(List.of(p.toString()));
                out.add(List.of(p.toString(), "--workload", WORKLOAD));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void noOutputShowsANegativeCost(List<String> input) throws IOException {
        CliRun text = run("advise", input);
        for (String line : text.out().split("\n")) {
            if (!line.contains("free tier")) {
                assertThat(line).as(input + ": " + line).doesNotContain("-$").doesNotContain("−$");
            }
        }

        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(input);
        args.addAll(List.of("--out", out.toString()));
        CliRun report = run("report", args);
        // analysis.json is what advise --format json prints
        assertNoNegativeNumber(new ObjectMapper().readTree(out.resolve("analysis.json").toFile()), "", input);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html.replaceAll("(?s)<table[^>]*class=\"credits\".*?</table>", ""))
                .as(input + ": report.html").doesNotContain(">-$").doesNotContain(">−$");
        try (InputStream in = Files.newInputStream(out.resolve("report.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
            Sheet summary = wb.getSheet("Summary");
            for (Row r : summary) {
                for (Cell c : r) {
                    if (c.getCellType() == CellType.FORMULA || c.getCellType() == CellType.NUMERIC) {
                        assertThat(eval.evaluate(c).getNumberValue()).as(input + ": Summary!" + c.getAddress())
                                .isGreaterThanOrEqualTo(-1e-9);
                    }
                }
            }
        }
        assertThat(report.exitCode()).isZero();
    }

    private static CliRun run(String command, List<String> input) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(input);
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(args + ": " + r.err()).isZero();
        return r;
    }

    /** Every number in the tree is zero or more, except credits (negative by definition) and a note's saving. */
    private static void assertNoNegativeNumber(JsonNode node, String pointer, List<String> input) {
        if (pointer.matches(".*/credits(After)?/\\d+/amount")) {
            return;
        }
        if (node.isNumber()) {
            assertThat(node.decimalValue().signum()).as(input + ": " + pointer + " = " + node).isNotNegative();
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertNoNegativeNumber(node.get(i), pointer + "/" + i, input);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertNoNegativeNumber(e.getValue(), pointer + "/" + e.getKey(), input);
            }
        }
    }
}
