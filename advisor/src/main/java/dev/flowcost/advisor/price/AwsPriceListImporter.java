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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns an AWS Price List bulk CSV offer file (AmazonStates, AmazonMWAA, AWSLambda) into flowcost price rows, so a
 * user can refresh the book from AWS's own data. The file starts with metadata rows (FormatVersion, …, OfferCode),
 * then a header; columns are matched by name (any case, any order). Only OnDemand USD rows whose usage type flowcost
 * recognises become rows; the rest are counted as skipped. Never throws on bad input.
 *
 * <p>The usage-type patterns are matched by words, not exact names (the exact names were not verified against a
 * current offer file): AmazonStates {@code *StateTransition*}, {@code *Express*Request*}, {@code *Express*Duration*|GB*};
 * AWSLambda {@code *Request} and {@code *Lambda-GB-Second[-ARM]}; AmazonMWAA a class word (micro…2xlarge) with
 * Environment/Worker/Scheduler/WebServer, and {@code *Storage*} for metadata storage.
 */
public final class AwsPriceListImporter {

    /** Rows imported, diagnostics (bad rows with file:line, notes), and how many rate rows were not for flowcost. */
    public record ImportResult(List<PriceRow> rows, List<Diagnostic> diagnostics, int skippedRows, String offerCode) {
        public ImportResult {
            rows = List.copyOf(rows);
            diagnostics = List.copyOf(diagnostics);
            offerCode = offerCode == null ? "" : offerCode;
        }

        /** True when no diagnostic is an error. */
        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }
    }

    private record Target(String service, String dimension) {
    }

    private static final List<String> MWAA_CLASSES = List.of("micro", "small", "medium", "large", "xlarge", "2xlarge");
    private static final Set<String> REQUIRED = Set.of("termtype", "priceperunit", "unit", "usagetype", "region code");

    private AwsPriceListImporter() {
    }

    /** Imports an offer file; an unreadable file is a diagnostic. */
    public static ImportResult importOffer(Path csv) {
        try {
            return importOffer(new StringReader(dev.flowcost.core.input.InputText.text(csv,
                    dev.flowcost.core.input.InputText.MAX_OFFER_BYTES, "AWS Price List offer files")), csv.toString());
        } catch (dev.flowcost.core.input.InputText.Refused e) {
            return new ImportResult(List.of(), List.of(Diagnostic.error(e.code(), csv.toString(), SourceLocation.UNKNOWN,
                    "cannot read AWS Price List file: " + e.getMessage())), 0, "");
        }
    }

    /** Imports offer-file text; {@code fileName} is used in diagnostics and in each row's source. */
    public static ImportResult importOffer(Reader reader, String fileName) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, PriceRow> rows = new LinkedHashMap<>();
        int skipped = 0;
        String offerCode = "";
        LocalDate publication = null;
        String text;
        try {
            text = CsvText.readAll(reader);
        } catch (IOException e) {
            return new ImportResult(List.of(), List.of(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, fileName, SourceLocation.UNKNOWN,
                    "cannot read AWS Price List file: " + e.getMessage())), 0, "");
        }
        int[] lines = CsvText.lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Map<String, Integer> header = null;
            for (CSVRecord record : parser) {
                int line = CsvText.lineOf(lines, record.getCharacterPosition());
                if (header == null) {
                    Map<String, Integer> candidate = CsvText.headerIndex(record);
                    if (candidate.containsKey("priceperunit") || candidate.containsKey("sku")) {
                        header = candidate;
                        List<String> missing = REQUIRED.stream().filter(c -> !candidate.containsKey(c)).sorted().toList();
                        if (!missing.isEmpty()) {
                            diagnostics.add(Diagnostic.error(DiagnosticCode.PRICE_FILE_INVALID, fileName, SourceLocation.ofLine(line),
                                    "AWS Price List header lacks column(s) " + missing));
                            return new ImportResult(List.of(), diagnostics, 0, offerCode);
                        }
                        continue;
                    }
                    String key = record.size() > 0 ? CsvText.normalize(record.get(0)) : "";
                    String value = record.size() > 1 ? record.get(1).trim() : "";
                    if (key.equals("offercode")) {
                        offerCode = value;
                    } else if (key.equals("publication date")) {
                        publication = date(value).orElse(null);
                    }
                    continue;
                }
                String termType = PriceCsvCells.cell(record, header, "termtype");
                if (!termType.equalsIgnoreCase("OnDemand")) {
                    skipped++;
                    continue;
                }
                String currency = PriceCsvCells.cell(record, header, "currency");
                String service = offerCode.isEmpty() ? PriceCsvCells.cell(record, header, "servicecode") : offerCode;
                String usageType = PriceCsvCells.cell(record, header, "usagetype");
                Optional<Target> target = target(service, usageType);
                String region = PriceCsvCells.cell(record, header, "region code");
                if (target.isEmpty() || region.isEmpty() || !(currency.isEmpty() || currency.equalsIgnoreCase("USD"))) {
                    skipped++;
                    continue;
                }
                Optional<PriceRow> row = row(record, header, target.get(), region, service, publication, fileName, line,
                        diagnostics);
                if (row.isEmpty()) {
                    continue;
                }
                if (row.get().price().signum() == 0 && !row.get().tiered()) {
                    skipped++;
                    continue;
                }
                if (rows.putIfAbsent(row.get().key(), row.get()) != null) {
                    diagnostics.add(Diagnostic.warning(DiagnosticCode.PRICE_NOTE, fileName, SourceLocation.ofLine(line), "second rate for "
                            + row.get().key() + " (usage type " + usageType + ") ignored; the first one is kept"));
                }
            }
            if (header == null) {
                diagnostics.add(Diagnostic.error(DiagnosticCode.PRICE_FILE_INVALID, fileName, SourceLocation.UNKNOWN,
                        "no header row with SKU/PricePerUnit found; is this an AWS Price List CSV offer file?"));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            diagnostics.add(dev.flowcost.core.input.CsvProblem.diagnostic(fileName, e));
        }
        return new ImportResult(rebaseFreeTiers(new ArrayList<>(rows.values()), fileName, diagnostics), diagnostics,
                skipped, offerCode);
    }

    /**
     * AWS lists a free tier as a $0 first tier; flowcost models free tiers as their own rows. A $0 tier starting at 0
     * is dropped, and a dimension left with a single open tier becomes an untiered row.
     */
    private static List<PriceRow> rebaseFreeTiers(List<PriceRow> rows, String file, List<Diagnostic> diagnostics) {
        List<PriceRow> kept = new ArrayList<>();
        for (PriceRow r : rows) {
            if (r.tiered() && r.price().signum() == 0 && r.tierStart().signum() == 0) {
                diagnostics.add(Diagnostic.info(DiagnosticCode.PRICE_NOTE, file, SourceLocation.UNKNOWN, "free tier of " + r.key()
                        + " left out: flowcost keeps free tiers as free-* rows"));
            } else {
                kept.add(r);
            }
        }
        List<PriceRow> out = new ArrayList<>();
        for (PriceRow r : kept) {
            long same = kept.stream().filter(o -> o.region().equals(r.region()) && o.service().equals(r.service())
                    && o.dimension().equals(r.dimension())).count();
            if (same == 1 && r.tiered() && r.tierEnd().isEmpty()) {
                out.add(new PriceRow(r.region(), r.service(), r.dimension(), r.unit(), r.price(), BigDecimal.ZERO,
                        Optional.empty(), r.effectiveDate(), r.source() + "; above the free tier"));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static Optional<PriceRow> row(CSVRecord record, Map<String, Integer> header, Target target, String region,
                                          String offerCode, LocalDate publication, String file, int line,
                                          List<Diagnostic> diagnostics) {
        List<String> problems = new ArrayList<>();
        BigDecimal price = PriceCsvCells.number(PriceCsvCells.cell(record, header, "priceperunit"), "PricePerUnit", problems, false);
        String start = PriceCsvCells.cell(record, header, "startingrange");
        BigDecimal tierStart = start.isEmpty() ? BigDecimal.ZERO : PriceCsvCells.number(start, "StartingRange", problems, false);
        String end = PriceCsvCells.cell(record, header, "endingrange");
        Optional<BigDecimal> tierEnd = end.isEmpty() || end.equalsIgnoreCase("Inf")
                ? Optional.empty() : Optional.ofNullable(PriceCsvCells.number(end, "EndingRange", problems, false));
        LocalDate effective = date(PriceCsvCells.cell(record, header, "effectivedate")).orElse(publication);
        if (effective == null) {
            problems.add("no EffectiveDate and no Publication Date");
        }
        String description = PriceCsvCells.cell(record, header, "pricedescription");
        String source = "AWS Price List " + offerCode + " SKU " + PriceCsvCells.cell(record, header, "sku")
                + (description.isEmpty() ? "" : " (" + description + ")") + ", " + fileName(file);
        String unit = unit(PriceCsvCells.cell(record, header, "unit"));
        if (problems.isEmpty() && target.service().equals(Services.STATES_EXPRESS)
                && target.dimension().equals(Services.DURATION) && unit.equals("GB-second")) {
            // flowcost prices Express duration per GB-hour, as the pricing page does: the per-GB-second list price
            // times 3,600, its tier bounds divided by 3,600 (3,600,000 GB-seconds = 1,000 GB-hours). The list's
            // rounded per-second rates give $0.060012 where the page prints $0.06000
            BigDecimal perHour = BigDecimal.valueOf(3600);
            source = source + "; $" + price.stripTrailingZeros().toPlainString() + " per GB-second x 3,600";
            price = price.multiply(perHour);
            tierStart = hours(tierStart);
            tierEnd = tierEnd.map(AwsPriceListImporter::hours);
            unit = "GB-hour";
        }
        if (problems.isEmpty()) {
            try {
                return Optional.of(new PriceRow(region, target.service(), target.dimension(),
                        unit, price, tierStart, tierEnd, effective, source));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        diagnostics.add(Diagnostic.error(DiagnosticCode.PRICE_ROW_INVALID, file, SourceLocation.ofLine(line),
                "bad rate row: " + String.join("; ", problems)));
        return Optional.empty();
    }

    /** GB-seconds as GB-hours, written plainly (1000, not 1E+3). */
    private static BigDecimal hours(BigDecimal gbSeconds) {
        BigDecimal h = gbSeconds.divide(BigDecimal.valueOf(3600), 6, java.math.RoundingMode.HALF_EVEN);
        return new BigDecimal(h.stripTrailingZeros().toPlainString());
    }

    private static String fileName(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return slash >= 0 ? file.substring(slash + 1) : file;
    }

    private static Optional<Target> target(String offerCode, String usageType) {
        String u = usageType.toLowerCase(Locale.ROOT);
        List<String> words = List.of(u.split("[-_.\\s:]+"));
        switch (offerCode) {
            case "AmazonStates":
                if (u.contains("statetransition")) {
                    return Optional.of(new Target(Services.STATES_STANDARD, Services.TRANSITION));
                }
                // the current offer file names Express StepFunctions-Request and StepFunctions-GB-Second (priced per
                // GB-second), as the CUR does (see reconcile.UsageTypes for the sources); older files said Express
                if (u.contains("stepfunctions-request") || (u.contains("express") && u.contains("request"))) {
                    return Optional.of(new Target(Services.STATES_EXPRESS, Services.REQUEST));
                }
                if (u.contains("stepfunctions-gb-second")
                        || (u.contains("express") && (u.contains("duration") || u.contains("gb")))) {
                    return Optional.of(new Target(Services.STATES_EXPRESS, Services.DURATION));
                }
                return Optional.empty();
            case "AWSLambda":
                if (u.contains("provisioned") || u.contains("edge") || u.contains("ephemeral") || u.contains("snapstart")) {
                    return Optional.empty();
                }
                if (u.endsWith("lambda-gb-second")) {
                    return Optional.of(new Target(Services.LAMBDA, Services.lambdaDuration(Architecture.X86)));
                }
                if (u.endsWith("lambda-gb-second-arm")) {
                    return Optional.of(new Target(Services.LAMBDA, Services.lambdaDuration(Architecture.ARM)));
                }
                if (u.endsWith("-request") || u.equals("request")) {
                    return Optional.of(new Target(Services.LAMBDA, Services.REQUEST));
                }
                return Optional.empty();
            case "AmazonMWAA":
                return mwaaTarget(u, words);
            default:
                return Optional.empty();
        }
    }

    private static Optional<Target> mwaaTarget(String u, List<String> words) {
        if (u.contains("storage")) {
            return Optional.of(new Target(Services.MWAA, Services.METADATA_STORAGE));
        }
        Optional<String> cls = MWAA_CLASSES.stream().filter(words::contains).findFirst();
        if (cls.isEmpty()) {
            return Optional.empty();
        }
        Services.MwaaPart part;
        if (u.contains("webserver") || u.contains("web-server") || u.contains("web_server")) {
            part = Services.MwaaPart.WEB_SERVER;
        } else if (u.contains("worker")) {
            part = Services.MwaaPart.WORKER;
        } else if (u.contains("scheduler")) {
            part = Services.MwaaPart.SCHEDULER;
        } else if (u.contains("environment")) {
            part = Services.MwaaPart.ENVIRONMENT;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Target(Services.MWAA, Services.mwaa("mw1." + cls.get(), part)));
    }

    private static String unit(String awsUnit) {
        String u = awsUnit.trim().toLowerCase(Locale.ROOT);
        switch (u) {
            case "request", "requests":
                return "request";
            case "statetransition", "statetransitions", "transition", "transitions":
                return "transition";
            case "hrs", "hr", "hour", "hours":
                return "hour";
            case "gb-mo", "gb-month":
                return "GB-month";
            case "gb-second", "gb-seconds", "lambda-gb-second":
                return "GB-second";
            case "gb-hour", "gb-hours":
                return "GB-hour";
            default:
                return awsUnit.trim();
        }
    }

    private static Optional<LocalDate> date(String value) {
        if (value.length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
