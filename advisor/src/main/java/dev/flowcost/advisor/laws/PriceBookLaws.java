package dev.flowcost.advisor.laws;

import dev.flowcost.advisor.price.AwsPriceListImporter;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.PriceBookLoader;
import dev.flowcost.advisor.price.PriceBookWriter;
import dev.flowcost.advisor.price.PriceRow;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.quicktheories.generators.Generate;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/** Laws of the price book itself: overrides touch only what they name; import, write and load lose nothing. */
public final class PriceBookLaws {

    private PriceBookLaws() {
    }

    public static List<Law> all() {
        return List.of(new OverridesChangeOnlyWhatTheyName(), new ImportWriteLoadRoundTrip());
    }

    /** Overriding rows of the book in use replaces exactly those rows, records them, and adds nothing. */
    public static final class OverridesChangeOnlyWhatTheyName implements Law {
        public String name() { return "overrides-change-only-what-they-name"; }
        public String description() { return "Overriding rows of the price book replaces exactly those rows, records each as overridden, and leaves every other row as it was."; }
        public int examples() { return 200; }

        public void check(LawContext ctx) {
            PriceBook book = ctx.prices();
            List<PriceRow> rows = book.rows();
            ctx.qt().forAll(ctx.gen().rowsOfTheBook(30), longs().between(0, 1_000_000_000L)).checkAssert((picked, micros) -> {
                Map<String, PriceRow> user = new LinkedHashMap<>();
                int i = 0;
                for (PriceRow r : picked) {
                    user.put(r.key(), r.withPrice(BigDecimal.valueOf(micros + i++).movePointLeft(6), "user " + i));
                }
                PriceBook overridden = book.overriddenBy(new ArrayList<>(user.values()));
                Expect.isTrue(overridden.overriddenKeys().containsAll(user.keySet().stream()
                        .filter(k -> !book.addedKeys().contains(k)).toList()), "overridden keys " + overridden.overriddenKeys());
                Expect.equal(overridden.rows().size(), rows.size(), "row count after overriding");
                for (PriceRow original : rows) {
                    Expect.equal(overridden.byKey(original.key()).orElseThrow(), user.getOrDefault(original.key(), original),
                            "row " + original.key());
                }
            });
        }
    }

    /** An AWS Price List offer imported, written as flowcost CSV and loaded again gives the same rows and prices. */
    public static final class ImportWriteLoadRoundTrip implements Law {
        private static final List<String> REGIONS = List.of("us-east-1", "us-west-1", "sa-east-1", "eu-west-1",
                "ap-northeast-1", "us-gov-west-1");
        private static final List<String[]> OFFER_USAGE = List.of(
                new String[] {"AmazonStates", "StateTransition", "StateTransition", "states-standard/transition"},
                new String[] {"AmazonStates", "ExpressWorkflows-Requests", "Requests", "states-express/request"},
                new String[] {"AWSLambda", "Request", "Requests", "lambda/request"},
                new String[] {"AmazonMWAA", "Environment-mw1.medium", "Hrs", "mwaa/mw1.medium-environment"},
                new String[] {"AmazonMWAA", "Worker-mw1.2xlarge", "Hrs", "mwaa/mw1.2xlarge-worker"},
                new String[] {"AmazonMWAA", "MetaDB-Storage", "GB-Mo", "mwaa/metadata-storage"});

        public String name() { return "import-write-load-round-trip"; }
        public String description() { return "An AWS Price List offer file imported, written as a flowcost price CSV and loaded again keeps every row and price."; }
        public int examples() { return 200; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(lists().of(integers().between(0, REGIONS.size() * OFFER_USAGE.size() - 1)).ofSizeBetween(1, 20),
                    longs().between(0, 10_000_000_000L), Generate.pick(List.of("AmazonStates", "AWSLambda", "AmazonMWAA")))
                    .checkAssert((indexes, priceNanos, offerCode) -> {
                        StringBuilder csv = new StringBuilder("\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"d\"\n"
                                + "\"Publication Date\",\"2026-08-01T00:00:00Z\"\n\"Version\",\"1\"\n\"OfferCode\",\""
                                + offerCode + "\"\n\"usageType\",\"PricePerUnit\",\"Unit\",\"sku\",\"TERMTYPE\",\"Region Code\","
                                + "\"EffectiveDate\",\"StartingRange\",\"EndingRange\"\n");
                        Map<String, BigDecimal> expected = new HashMap<>();
                        for (int i : new TreeSet<>(indexes)) {
                            String region = REGIONS.get(i / OFFER_USAGE.size());
                            String[] usage = OFFER_USAGE.get(i % OFFER_USAGE.size());
                            if (!usage[0].equals(offerCode)) {
                                continue;
                            }
                            BigDecimal price = BigDecimal.valueOf(priceNanos + i + 1).movePointLeft(9);
                            csv.append("\"X-").append(usage[1]).append("\",\"").append(price.toPlainString())
                                    .append("\",\"").append(usage[2]).append("\",\"S").append(i)
                                    .append("\",\"OnDemand\",\"").append(region).append("\",\"2026-08-01\",\"0\",\"Inf\"\n");
                            expected.put(region + "/" + usage[3], price);
                        }
                        AwsPriceListImporter.ImportResult imported =
                                AwsPriceListImporter.importOffer(new StringReader(csv.toString()), "gen.csv");
                        Expect.isTrue(imported.diagnostics().isEmpty(), "import diagnostics " + imported.diagnostics());
                        Expect.equal(imported.rows().size(), expected.size(), "imported rows");
                        for (PriceRow row : imported.rows()) {
                            Expect.equal(row.price(), expected.get(row.key()), "imported price of " + row.key());
                        }
                        StringWriter out = new StringWriter();
                        try {
                            PriceBookWriter.write(imported.rows(), out);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        PriceBookLoader.LoadResult loaded = PriceBookLoader.load(new StringReader(out.toString()), "w.csv");
                        Expect.isTrue(loaded.diagnostics().isEmpty(), "load diagnostics " + loaded.diagnostics());
                        Expect.equal(loaded.rows(), imported.rows(), "rows loaded back");
                    });
        }
    }
}
