package dev.flowcost.advisor.price;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a price book CSV in flowcost's own format (the bundled file, or a user's overrides). Columns are matched by
 * name, in any order and case. A bad row becomes a {@link Diagnostic} with file and line and is left out; the reader
 * never throws on bad input.
 */
public final class PriceBookLoader {

    /** The columns of flowcost's price CSV, in the order the writer emits them. */
    public static final List<String> COLUMNS = List.of("region", "service", "dimension", "unit", "price",
            "tier_start", "tier_end", "effective_date", "source");

    private static final Set<String> REQUIRED = Set.of("region", "service", "dimension", "unit", "price",
            "effective_date");

    /**
     * Rows that parsed, and one diagnostic per problem (errors for rows left out).
     *
     * @param lines the 1-based line of each row in {@code rows}, in the same order (0 when unknown)
     */
    public record LoadResult(List<PriceRow> rows, List<Diagnostic> diagnostics, List<Integer> lines) {
        public LoadResult {
            rows = List.copyOf(rows);
            diagnostics = List.copyOf(diagnostics);
            lines = List.copyOf(lines);
            if (lines.size() != rows.size()) {
                throw new IllegalArgumentException(lines.size() + " lines for " + rows.size() + " rows");
            }
        }

        /** Rows whose lines are not known. */
        public LoadResult(List<PriceRow> rows, List<Diagnostic> diagnostics) {
            this(rows, diagnostics, java.util.Collections.nCopies(rows.size(), 0));
        }

        /** The line of a row of this result (0 when unknown). */
        public int lineOf(int rowIndex) {
            return lines.get(rowIndex);
        }

        /** True when no diagnostic is an error. */
        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }
    }

    private PriceBookLoader() {
    }

    /** Reads a price CSV file; an unreadable file is a diagnostic, not an exception. */
    public static LoadResult load(Path csv) {
        String name = csv.toString();
        try {
            String text = dev.flowcost.core.input.InputText.text(csv, dev.flowcost.core.input.InputText.MAX_PRICE_BOOK_BYTES,
                    "price books");
            return load(new StringReader(text), name);
        } catch (dev.flowcost.core.input.InputText.Refused e) {
            return new LoadResult(List.of(), List.of(Diagnostic.error(e.code(), name, SourceLocation.UNKNOWN,
                    "cannot read price file: " + e.getMessage())));
        }
    }

    /** Reads price CSV text; {@code fileName} is used in diagnostics. */
    public static LoadResult load(Reader reader, String fileName) {
        List<PriceRow> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        String text;
        try {
            text = CsvText.readAll(reader);
        } catch (IOException e) {
            return new LoadResult(rows, List.of(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, fileName, SourceLocation.UNKNOWN,
                    "cannot read price file: " + e.getMessage())));
        }
        int[] lines = CsvText.lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Map<String, Integer> header = null;
            Set<String> seenKeys = new HashSet<>();
            for (CSVRecord record : parser) {
                int line = CsvText.lineOf(lines, record.getCharacterPosition());
                if (header == null) {
                    header = CsvText.headerIndex(record);
                    List<String> missing = new ArrayList<>();
                    for (String col : COLUMNS) {
                        if (REQUIRED.contains(col) && !header.containsKey(col)) {
                            missing.add(col);
                        }
                    }
                    if (!missing.isEmpty()) {
                        diagnostics.add(Diagnostic.error(DiagnosticCode.PRICE_FILE_INVALID, fileName, SourceLocation.ofLine(line),
                                "price file header lacks column(s) " + missing + "; expected " + String.join(",", COLUMNS)));
                        return new LoadResult(rows, diagnostics, rowLines);
                    }
                    continue;
                }
                Optional<PriceRow> row = parseRow(record, header, fileName, line, diagnostics);
                if (row.isPresent()) {
                    if (seenKeys.add(row.get().key())) {
                        rows.add(row.get());
                        rowLines.add(line);
                    } else {
                        diagnostics.add(Diagnostic.error(DiagnosticCode.PRICE_ROW_INVALID, fileName, SourceLocation.ofLine(line),
                                "duplicate price row " + row.get().key() + " (the first one is kept)"));
                    }
                }
            }
            if (header == null) {
                diagnostics.add(Diagnostic.error(DiagnosticCode.INPUT_EMPTY, fileName, SourceLocation.UNKNOWN,
                        "price file is empty; expected a header " + String.join(",", COLUMNS)));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            diagnostics.add(dev.flowcost.core.input.CsvProblem.diagnostic(fileName, e));
        }
        return new LoadResult(rows, diagnostics, rowLines);
    }

    private static Optional<PriceRow> parseRow(CSVRecord record, Map<String, Integer> header, String file, int line,
                                               List<Diagnostic> diagnostics) {
        List<String> problems = new ArrayList<>();
        String region = PriceCsvCells.cell(record, header, "region");
        String service = PriceCsvCells.cell(record, header, "service");
        String dimension = PriceCsvCells.cell(record, header, "dimension");
        String unit = PriceCsvCells.cell(record, header, "unit");
        for (String col : List.of("region", "service", "dimension", "unit")) {
            if (PriceCsvCells.cell(record, header, col).isEmpty()) {
                problems.add(col + " is empty");
            }
        }
        BigDecimal price = PriceCsvCells.number(PriceCsvCells.cell(record, header, "price"), "price", problems, false);
        String startText = PriceCsvCells.cell(record, header, "tier_start");
        BigDecimal tierStart = startText.isEmpty() ? BigDecimal.ZERO : PriceCsvCells.number(startText, "tier_start", problems, false);
        String endText = PriceCsvCells.cell(record, header, "tier_end");
        Optional<BigDecimal> tierEnd = endText.isEmpty() || endText.equalsIgnoreCase("inf")
                ? Optional.empty() : Optional.ofNullable(PriceCsvCells.number(endText, "tier_end", problems, false));
        LocalDate effective = null;
        String dateText = PriceCsvCells.cell(record, header, "effective_date");
        try {
            effective = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            problems.add("effective_date '" + dateText + "' is not a date like 2026-08-01");
        }
        String source = PriceCsvCells.cell(record, header, "source");
        if (problems.isEmpty()) {
            try {
                return Optional.of(new PriceRow(region, service, dimension, unit, price, tierStart, tierEnd,
                        effective, source));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        diagnostics.add(Diagnostic.error(DiagnosticCode.PRICE_ROW_INVALID, file, SourceLocation.ofLine(line),
                "bad price row: " + String.join("; ", problems)));
        return Optional.empty();
    }
}
