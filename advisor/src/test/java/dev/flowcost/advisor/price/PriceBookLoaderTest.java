package dev.flowcost.advisor.price;

import dev.flowcost.core.Diagnostic;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceBookLoaderTest {

    @Test
    void badRowsBecomeDiagnosticsWithTheirLines() {
        PriceBookLoader.LoadResult r = PriceBookLoader.load(Path.of("src/test/resources/price/user-overrides-bad-rows.csv"));
        assertThat(r.rows()).hasSize(1);
        assertThat(r.rows().get(0).source()).isEqualTo("ok row");
        assertThat(r.ok()).isFalse();
        assertThat(r.diagnostics()).extracting(Diagnostic::line).containsExactly(3, 4, 5, 6, 7);
        assertThat(r.diagnostics().get(0).message()).contains("price 'abc' is not a number");
        assertThat(r.diagnostics().get(1).message()).contains("region is empty");
        assertThat(r.diagnostics().get(2).message()).contains("effective_date 'next tuesday'");
        assertThat(r.diagnostics().get(3).message()).contains("tier end not above tier start");
        assertThat(r.diagnostics().get(4).message()).contains("duplicate price row us-east-1/states-standard/transition");
        assertThat(r.diagnostics().get(0).render()).startsWith("src/test/resources/price/user-overrides-bad-rows.csv:3: error [PRICE-ROW-INVALID] ");
    }

    @Test
    void missingFileIsADiagnostic() {
        PriceBookLoader.LoadResult r = PriceBookLoader.load(Path.of("src/test/resources/price/no-such-file.csv"));
        assertThat(r.rows()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("cannot read"));
    }

    @Test
    void headerWithoutRequiredColumnsIsOneDiagnostic() {
        PriceBookLoader.LoadResult r = PriceBookLoader.load(new StringReader("region,service,price\nus-east-1,glue,1\n"), "x.csv");
        assertThat(r.rows()).isEmpty();
        assertThat(r.diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("dimension").contains("unit").contains("effective_date"));
    }

    @Test
    void columnsMatchByNameInAnyOrderAndInfMeansNoEnd() {
        String csv = "SOURCE,effective_date,tier_end,tier_start,price,unit,dimension,service,region\n"
                + "s,2026-01-01,Inf,5000,0.01642,GB-hour,duration,states-express,us-east-1\n";
        PriceBookLoader.LoadResult r = PriceBookLoader.load(new StringReader(csv), "x.csv");
        assertThat(r.diagnostics()).isEmpty();
        PriceRow row = r.rows().get(0);
        assertThat(row.tierEnd()).isEmpty();
        assertThat(row.key()).isEqualTo("us-east-1/states-express/duration@5000");
    }

    @Test
    void writerOutputLoadsBackToTheSameRows() throws Exception {
        PriceBook book = PriceBook.bundled();
        StringWriter out = new StringWriter();
        PriceBookWriter.write(book.rows(), out);
        PriceBookLoader.LoadResult r = PriceBookLoader.load(new StringReader(out.toString()), "written.csv");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.rows()).containsExactlyElementsOf(book.rows());
    }
}
