package dev.flowcost.advisor.price;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Arbitrary bytes given to the price CSV readers give rows and diagnostics, never an exception. */
class PriceCsvFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void loaderNeverThrows(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        PriceBookLoader.LoadResult r = PriceBookLoader.load(new StringReader(text), "fuzz.csv");
        assertThat(r.rows()).allSatisfy(row -> assertThat(row.price()).isNotNegative());
        assertThat(r.ok() || !r.diagnostics().isEmpty()).isTrue();
    }

    @FuzzTest(maxDuration = "30s")
    void importerNeverThrows(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        AwsPriceListImporter.ImportResult r = AwsPriceListImporter.importOffer(new StringReader(text), "fuzz.csv");
        assertThat(r.skippedRows()).isNotNegative();
        assertThat(r.rows()).allSatisfy(row -> assertThat(row.region()).isNotEmpty());
    }
}
