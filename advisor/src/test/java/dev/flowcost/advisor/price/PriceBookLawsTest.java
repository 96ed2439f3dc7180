package dev.flowcost.advisor.price;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/** Laws of the price book: overrides touch only what they name; import, write and load lose nothing. */
class PriceBookLawsTest {

    private static final PriceBook BOOK = PriceBook.bundled();
    private static final List<PriceRow> ROWS = BOOK.rows();

    private static final List<String> REGIONS = List.of("us-east-1", "us-west-1", "sa-east-1", "eu-west-1",
            "ap-northeast-1", "us-gov-west-1");
    private static final List<String[]> OFFER_USAGE = List.of(
            new String[] {"AmazonStates", "StateTransition", "StateTransition", "states-standard/transition"},
            new String[] {"AmazonStates", "ExpressWorkflows-Requests", "Requests", "states-express/request"},
            new String[] {"AWSLambda", "Request", "Requests", "lambda/request"},
            new String[] {"AmazonMWAA", "Environment-mw1.medium", "Hrs", "mwaa/mw1.medium-environment"},
            new String[] {"AmazonMWAA", "Worker-mw1.2xlarge", "Hrs", "mwaa/mw1.2xlarge-worker"},
            new String[] {"AmazonMWAA", "MetaDB-Storage", "GB-Mo", "mwaa/metadata-storage"});

    @Test
    void overridesChangeExactlyTheRowsTheyName() {
        Gen<List<Integer>> picks = lists().of(integers().between(0, ROWS.size() - 1)).ofSizeBetween(0, 30);
        qt().withExamples(200).forAll(picks, longs().between(0, 1_000_000_000L)).checkAssert((indexes, priceMicros) -> {
            Map<String, PriceRow> user = new LinkedHashMap<>();
            for (int i : indexes) {
                PriceRow r = ROWS.get(i);
                user.put(r.key(), r.withPrice(BigDecimal.valueOf(priceMicros + i).movePointLeft(6), "user " + i));
            }
            PriceBook book = BOOK.overriddenBy(new ArrayList<>(user.values()));
            assertThat(book.overriddenKeys()).isEqualTo(new TreeSet<>(user.keySet()));
            assertThat(book.addedKeys()).isEmpty();
            assertThat(book.rows()).hasSameSizeAs(ROWS);
            for (PriceRow original : ROWS) {
                PriceRow now = book.byKey(original.key()).orElseThrow();
                assertThat(now).isEqualTo(user.getOrDefault(original.key(), original));
            }
        });
    }

    @Test
    void importWriteLoadRoundTripKeepsEveryRow() {
        Gen<List<Integer>> rateIndexes = lists().of(integers().between(0, REGIONS.size() * OFFER_USAGE.size() - 1))
                .ofSizeBetween(1, 20);
        Gen<Integer> offers = Generate.pick(List.of(0, 1, 2));
        qt().withExamples(200).forAll(rateIndexes, longs().between(0, 10_000_000_000L), offers)
                .checkAssert((indexes, priceNanos, offer) -> {
                    String offerCode = List.of("AmazonStates", "AWSLambda", "AmazonMWAA").get(offer);
                    StringBuilder csv = new StringBuilder("\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"d\"\n"
                            + "\"Publication Date\",\"2026-08-01T00:00:00Z\"\n\"Version\",\"1\"\n\"OfferCode\",\""
                            + offerCode + "\"\n\"usageType\",\"PricePerUnit\",\"Unit\",\"sku\",\"TERMTYPE\",\"Region Code\","
                            + "\"EffectiveDate\",\"StartingRange\",\"EndingRange\"\n");
                    Map<String, BigDecimal> expected = new HashMap<>();
                    Set<Integer> seen = new TreeSet<>(indexes);
                    for (int i : seen) {
                        String region = REGIONS.get(i / OFFER_USAGE.size());
                        String[] usage = OFFER_USAGE.get(i % OFFER_USAGE.size());
                        if (!usage[0].equals(offerCode)) {
                            continue;
                        }
                        BigDecimal price = BigDecimal.valueOf(priceNanos + i + 1).movePointLeft(9);
                        csv.append('"').append("X-").append(usage[1]).append("\",\"").append(price.toPlainString())
                                .append("\",\"").append(usage[2]).append("\",\"S").append(i)
                                .append("\",\"OnDemand\",\"").append(region).append("\",\"2026-08-01\",\"0\",\"Inf\"\n");
                        expected.put(region + "/" + usage[3], price);
                    }
                    AwsPriceListImporter.ImportResult imported =
                            AwsPriceListImporter.importOffer(new StringReader(csv.toString()), "gen.csv");
                    assertThat(imported.diagnostics()).isEmpty();
                    assertThat(imported.rows()).hasSize(expected.size());
                    for (PriceRow row : imported.rows()) {
                        assertThat(row.price()).isEqualByComparingTo(expected.get(row.key()));
                    }
                    StringWriter out = new StringWriter();
                    try {
                        PriceBookWriter.write(imported.rows(), out);
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                    PriceBookLoader.LoadResult loaded = PriceBookLoader.load(new StringReader(out.toString()), "w.csv");
                    assertThat(loaded.diagnostics()).isEmpty();
                    assertThat(loaded.rows()).containsExactlyElementsOf(imported.rows());
                });
    }
}
