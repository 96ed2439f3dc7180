package dev.flowcost.advisor.price;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes rows in flowcost's price CSV format, so an imported AWS Price List or an edited book can be saved, reviewed
 * and loaded again by {@link PriceBookLoader} unchanged.
 */
public final class PriceBookWriter {

    private PriceBookWriter() {
    }

    /** Writes a header and one line per row; an open tier end is written empty. */
    public static void write(List<PriceRow> rows, Writer out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        CSVPrinter printer = new CSVPrinter(out, format);
        printer.printRecord(PriceBookLoader.COLUMNS);
        for (PriceRow r : rows) {
            printer.printRecord(r.region(), r.service(), r.dimension(), r.unit(), r.price().toPlainString(),
                    r.tierStart().toPlainString(), r.tierEnd().map(java.math.BigDecimal::toPlainString).orElse(""),
                    r.effectiveDate().toString(), r.source());
        }
        printer.flush();
    }
}
