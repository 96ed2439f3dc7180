package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prices and diff through the command line. */
class PricesAndDiffCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void pricesShowsARegionsRowsWithTheirSources() {
        CliRun r = CliRun.of("prices", "--region", "us-west-1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("states-standard").contains("0.0000279");
        assertThat(r.out().lines().skip(1)).allMatch(line -> line.startsWith("us-west-1 "));
    }

    @Test
    void anUnknownRegionIsNamed() {
        CliRun r = CliRun.of("prices", "--region", "mars-north-1");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("mars-north-1");
    }

    @Test
    void aUserPriceFileOverridesTheRowsItNames() throws IOException {
        Path csv = tmp.resolve("discount.csv");
        Files.writeString(csv, "region,service,dimension,unit,price,tier_start,tier_end,effective_date,source\n"
                + "us-east-1,states-standard,transition,transition,0.00002,0,,2026-11-01,negotiated discount\n");
        CliRun r = CliRun.of("prices", "--region", "us-east-1", "--prices", csv.toString(), "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("0.00002,").contains("negotiated discount").doesNotContain("0.000025,");
    }

    @Test
    void diffFailsOverTheBudget() throws IOException {
        Path before = tmp.resolve("before.json");
        Path after = tmp.resolve("after.json");
        Files.writeString(before, analysis("12.50"));
        Files.writeString(after, analysis("80.00"));
        CliRun ok = CliRun.of("diff", before.toString(), after.toString(), "--fail-over", "100");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        CliRun over = CliRun.of("diff", before.toString(), after.toString(), "--fail-over", "50", "--format", "json");
        assertThat(over.exitCode()).isEqualTo(1);
        assertThat(over.json().get("totalChange").decimalValue()).isEqualByComparingTo("67.50");
        assertThat(over.err()).contains("rises by $67.50, over the budget of $50.00");
        CliRun md = CliRun.of("diff", before.toString(), after.toString(), "--fail-over", "50", "--format", "markdown");
        assertThat(md.exitCode()).isEqualTo(1);
        assertThat(md.out()).startsWith("### flowcost: monthly cost +$67.50").contains("**Over budget:**",
                "| orders | $12.50 | $80.00 | +$67.50 |");
        CliRun bad = CliRun.of("diff", before.toString(), after.toString(), "--format", "yaml");
        assertThat(bad.exitCode()).isEqualTo(2);
    }

    @Test
    void diffOfSomethingThatIsNotAnAnalysisIsAnInputError() throws IOException {
        Path junk = tmp.resolve("junk.json");
        Files.writeString(junk, "{\"hello\": 1}");
        CliRun r = CliRun.of("diff", junk.toString(), junk.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("junk.json");
    }

    @Test
    void diffShowsTheSavingOfReplacingAnInlineMapByADistributedMap() throws IOException {
        String workload = CliRun.fixture("diff/workload.yaml");
        Path before = tmp.resolve("before.json");
        Path after = tmp.resolve("after.json");
        CliRun b = CliRun.of("advise", CliRun.fixture("diff/before/orders.asl.json"), "-w", workload, "--format", "json");
        CliRun a = CliRun.of("advise", CliRun.fixture("diff/after/orders.asl.json"), "-w", workload, "--format", "json");
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(a.exitCode()).as(a.err()).isZero();
        Files.writeString(before, b.out());
        Files.writeString(after, a.out());
        CliRun d = CliRun.of("diff", before.toString(), after.toString(), "--format", "json", "--fail-over", "0");
        assertThat(d.exitCode()).as(d.err()).isZero();
        // before: 10,001 transitions × 720 = 7,200,720 → $180.02; after: 1 + 20 children = 21 transitions a run, plus
        // 20 Express children of 0.1 s: the change is a saving of well over $170 a month
        assertThat(d.json().get("totalChange").decimalValue()).isLessThan(new java.math.BigDecimal("-170"));
        assertThat(d.json().get("workflows").get(0).get("name").asText()).isEqualTo("orders");
    }

    /** A minimal analysis with one state machine costing {@code amount} a month (1 transition × N executions). */
    private static String analysis(String amount) {
        return """
                {"schemaVersion":1,"region":"us-east-1","inputs":[],"workflows":[{"name":"orders","kind":"state-machine",
                "file":"orders.asl.json","workflowType":"STANDARD","executionsPerMonth":1,"executionsKey":"orders.executionsPerMonth",
                "monthlyCost":{"total":%s,"components":{}},"costItems":[],"steps":[],"graph":{"nodes":[],"edges":[]},
                "alternatives":[],"verdict":null,"blockers":[],"defaultsUsed":[]}],"environments":[],"credits":[],
                "findings":[],"assumptions":[],"prices":[],"diagnostics":[],
                "totals":{"monthlyCostNow":%s,"monthlyCostAfter":%s,"monthlySaving":0}}
                """.formatted(amount, amount, amount);
    }
}
