package dev.flowcost.advisor.price;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AwsPriceListImporterTest {

    private static AwsPriceListImporter.ImportResult fixture(String name) {
        return AwsPriceListImporter.importOffer(Path.of("src/test/resources/price/" + name));
    }

    @Test
    void stepFunctionsOfferKeepsOnDemandRowsAndTiers() {
        AwsPriceListImporter.ImportResult r = fixture("aws-offer-states-mixed-columns.csv");
        assertThat(r.offerCode()).isEqualTo("AmazonStates");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.skippedRows()).isEqualTo(2); // ActivityPolls (not modelled) and the Reserved row
        assertThat(r.rows()).extracting(PriceRow::key).containsExactly(
                "us-east-1/states-standard/transition", "us-west-1/states-standard/transition",
                "us-east-1/states-express/request", "us-east-1/states-express/duration@0",
                "us-east-1/states-express/duration@1000", "us-east-1/states-express/duration@5000");
        PriceBook imported = PriceBook.of(r.rows());
        assertThat(imported.row("us-west-1", "states-standard", "transition").price()).isEqualByComparingTo("0.0000279");
        assertThat(imported.row("us-east-1", "states-standard", "transition").unit()).isEqualTo("transition");
        assertThat(imported.tiers("us-east-1", "states-express", "duration")).extracting(PriceRow::price)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("0.06"), new java.math.BigDecimal("0.03"),
                        new java.math.BigDecimal("0.01642"));
        assertThat(imported.tiers("us-east-1", "states-express", "duration").get(2).tierEnd()).isEmpty();
        assertThat(imported.tiers("us-east-1", "states-express", "duration").get(0).unit()).isEqualTo("GB-hour");
        assertThat(r.rows().get(0).source()).contains("AmazonStates").contains("SKU1STD");
        assertThat(r.rows().get(0).effectiveDate()).isEqualTo(LocalDate.of(2026, 8, 1));
    }

    @Test
    void currentExpressUsageTypesArePricedPerGbHourWithTheirTiers() {
        AwsPriceListImporter.ImportResult r = fixture("aws-offer-states-current-usage-types.csv");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.rows()).extracting(PriceRow::key).containsExactly("us-east-1/states-express/request",
                "us-east-1/states-express/duration@0", "us-east-1/states-express/duration@1000",
                "us-east-1/states-express/duration@5000");
        PriceBook imported = PriceBook.of(r.rows());
        PriceBook bundled = PriceBook.bundled();
        java.util.List<PriceRow> tiers = imported.tiers("us-east-1", "states-express", "duration");
        java.util.List<PriceRow> mine = bundled.tiers("us-east-1", "states-express", "duration");
        assertThat(tiers).hasSameSizeAs(mine);
        for (int i = 0; i < tiers.size(); i++) {
            PriceRow t = tiers.get(i);
            assertThat(t.unit()).isEqualTo("GB-hour");
            assertThat(t.tierStart()).isEqualByComparingTo(mine.get(i).tierStart());
            assertThat(t.tierEnd().isPresent()).isEqualTo(mine.get(i).tierEnd().isPresent());
            // the per-GB-second list rates x 3,600 are within 0.1 % of the page's per-GB-hour figures
            double ratio = t.price().doubleValue() / mine.get(i).price().doubleValue();
            assertThat(ratio).as(t.key()).isBetween(0.999, 1.001);
            assertThat(t.source()).contains("per GB-second x 3,600");
        }
        assertThat(tiers.get(0).price()).isEqualByComparingTo("0.060012");
        assertThat(imported.row("us-east-1", "states-express", "request").price()).isEqualByComparingTo("0.000001");
    }

    @Test
    void mwaaOfferMapsClassesAndReportsTheBrokenRowByLine() {
        AwsPriceListImporter.ImportResult r = fixture("aws-offer-mwaa-mixed-columns.csv");
        assertThat(r.rows()).extracting(PriceRow::key).containsExactly(
                "us-east-1/mwaa/mw1.small-environment", "us-east-1/mwaa/mw1.small-worker",
                "us-east-1/mwaa/mw1.small-scheduler", "us-east-1/mwaa/mw1.small-webserver",
                "us-east-1/mwaa/mw1.large-environment", "us-east-1/mwaa/mw1.xlarge-environment",
                "us-east-1/mwaa/metadata-storage", "sa-east-1/mwaa/mw1.small-environment");
        assertThat(r.skippedRows()).isEqualTo(1);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.line()).isEqualTo(16);
            assertThat(d.message()).contains("PricePerUnit 'oops'");
        });
        assertThat(r.rows().get(0).unit()).isEqualTo("hour");
        assertThat(r.rows().get(6).unit()).isEqualTo("GB-month");
    }

    @Test
    void lambdaOfferKeepsBothArchitecturesAndSkipsProvisionedAndStorage() {
        AwsPriceListImporter.ImportResult r = fixture("aws-offer-lambda-mixed-columns.csv");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.skippedRows()).isEqualTo(2);
        PriceBook imported = PriceBook.of(r.rows());
        assertThat(imported.tiers("us-east-1", "lambda", "duration-x86")).hasSize(3);
        assertThat(imported.tiers("us-east-1", "lambda", "duration-arm").get(1).price()).isEqualByComparingTo("0.0000120001");
        assertThat(imported.tiers("us-east-1", "lambda", "duration-arm").get(1).tierStart()).isEqualByComparingTo("7500000000");
        assertThat(imported.row("us-east-1", "lambda", "request").price()).isEqualByComparingTo("0.0000002");
        assertThat(imported.tiers("us-east-1", "lambda", "duration-x86").get(0).unit()).isEqualTo("GB-second");
    }

    @Test
    void importedRowsMatchTheBundledBookWhereBothHaveThem() {
        PriceBook bundled = PriceBook.bundled();
        for (String f : new String[] {"aws-offer-states-mixed-columns.csv", "aws-offer-mwaa-mixed-columns.csv",
                "aws-offer-lambda-mixed-columns.csv"}) {
            for (PriceRow row : fixture(f).rows()) {
                PriceRow mine = bundled.byKey(row.key()).orElseThrow();
                assertThat(row.price()).as(row.key()).isEqualByComparingTo(mine.price());
            }
        }
    }

    @Test
    void freeTierRowsAreLeftOutAndTheRestBecomesUntiered() {
        String csv = "\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"x\"\n\"Publication Date\",\"2026-08-01T00:00:00Z\"\n"
                + "\"Version\",\"1\"\n\"OfferCode\",\"AmazonStates\"\n"
                + "SKU,TermType,StartingRange,EndingRange,Unit,PricePerUnit,Currency,Region Code,usageType\n"
                + "A,OnDemand,0,4000,StateTransition,0.0000000000,USD,us-east-1,USE1-StateTransition\n"
                + "A,OnDemand,4000,Inf,StateTransition,0.0000250000,USD,us-east-1,USE1-StateTransition\n";
        AwsPriceListImporter.ImportResult r = AwsPriceListImporter.importOffer(new StringReader(csv), "free.csv");
        assertThat(r.rows()).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("us-east-1/states-standard/transition");
            assertThat(row.tiered()).isFalse();
            assertThat(row.effectiveDate()).isEqualTo(LocalDate.of(2026, 8, 1));
        });
        assertThat(r.diagnostics()).extracting(Diagnostic::severity).containsExactly(Severity.INFO);
    }

    @Test
    void notAnOfferFileIsADiagnostic() {
        AwsPriceListImporter.ImportResult r = AwsPriceListImporter.importOffer(new StringReader("a,b\nc,d\n"), "x.csv");
        assertThat(r.rows()).isEmpty();
        assertThat(r.ok()).isFalse();
    }

    @Test
    void importedRowsRoundTripThroughWriterAndLoader() throws Exception {
        AwsPriceListImporter.ImportResult r = fixture("aws-offer-lambda-mixed-columns.csv");
        StringWriter out = new StringWriter();
        PriceBookWriter.write(r.rows(), out);
        PriceBookLoader.LoadResult back = PriceBookLoader.load(new StringReader(out.toString()), "w.csv");
        assertThat(back.diagnostics()).isEmpty();
        assertThat(back.rows()).containsExactlyElementsOf(r.rows());
    }
}
