package dev.flowcost.advisor.price;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The immutable set of prices an analysis uses: the bundled list prices, possibly overridden by a user's rows
 * (discounts, other regions) or by rows imported from the AWS Price List. Lookups never fall back to another
 * region: a missing price is a {@link MissingPriceException} naming what is missing. The book remembers which keys
 * a user overrode so reports can flag them.
 */
public final class PriceBook {

    /** Classpath location of the bundled list prices. */
    public static final String BUNDLED_RESOURCE = "/dev/flowcost/advisor/price/prices.csv";

    private static volatile PriceBook bundled;

    private final Map<String, PriceRow> rowsByKey;
    private final Set<String> overriddenKeys;
    private final Set<String> addedKeys;
    /** Rows of each price (region/service/dimension), sorted by tier start: lookups are hot in large analyses. */
    private final Map<String, List<PriceRow>> rowsByPrice;
    private final Set<String> regions;

    private PriceBook(Map<String, PriceRow> rowsByKey, Set<String> overriddenKeys, Set<String> addedKeys) {
        this.rowsByKey = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByKey));
        this.overriddenKeys = Collections.unmodifiableSet(new TreeSet<>(overriddenKeys));
        this.addedKeys = Collections.unmodifiableSet(new TreeSet<>(addedKeys));
        Map<String, List<PriceRow>> byPrice = new java.util.HashMap<>();
        for (PriceRow row : this.rowsByKey.values()) {
            byPrice.computeIfAbsent(PriceRow.keyOf(row.region(), row.service(), row.dimension()), k -> new ArrayList<>()).add(row);
        }
        byPrice.replaceAll((k, v) -> {
            v.sort(Comparator.comparing(PriceRow::tierStart));
            return List.copyOf(v);
        });
        this.rowsByPrice = byPrice;
        this.regions = Collections.unmodifiableSet(new TreeSet<>(
                this.rowsByKey.values().stream().map(PriceRow::region).collect(Collectors.toSet())));
    }

    /**
     * A book of exactly these rows.
     *
     * @throws IllegalArgumentException when two rows share a key (a loader reports that as a diagnostic first)
     */
    public static PriceBook of(List<PriceRow> rows) {
        Map<String, PriceRow> map = new LinkedHashMap<>();
        for (PriceRow row : rows) {
            if (map.putIfAbsent(row.key(), row) != null) {
                throw new IllegalArgumentException("duplicate price row " + row.key());
            }
        }
        return new PriceBook(map, Set.of(), Set.of());
    }

    /** The list prices bundled with flowcost (see PRICING.md), loaded once. */
    public static PriceBook bundled() {
        PriceBook b = bundled;
        if (b == null) {
            b = loadBundled();
            bundled = b;
        }
        return b;
    }

    private static PriceBook loadBundled() {
        try (InputStream in = PriceBook.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled price book missing: " + BUNDLED_RESOURCE);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            PriceBookLoader.LoadResult result = PriceBookLoader.load(reader, "prices.csv");
            if (!result.ok()) {
                throw new IllegalStateException("bundled price book is broken: " + result.diagnostics());
            }
            return of(result.rows());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row, in book order. */
    public List<PriceRow> rows() {
        return List.copyOf(rowsByKey.values());
    }

    /** The row with this key, if any. */
    public java.util.Optional<PriceRow> byKey(String key) {
        return java.util.Optional.ofNullable(rowsByKey.get(key));
    }

    /** Every region with at least one row, sorted. */
    public List<String> regions() {
        return List.copyOf(regions);
    }

    /**
     * The single (untiered) row for a price.
     *
     * @throws UnknownRegionException  when the region has no rows at all
     * @throws MissingPriceException   when the region has no row for this service and dimension, or the price is tiered
     */
    public PriceRow row(String region, String service, String dimension) {
        List<PriceRow> rows = tiers(region, service, dimension);
        if (rows.size() != 1) {
            throw new MissingPriceException("price " + PriceRow.keyOf(region, service, dimension)
                    + " is tiered (" + rows.size() + " rows); ask for its tiers");
        }
        return rows.get(0);
    }

    /**
     * All rows of a price, sorted by tier start (one row when untiered).
     *
     * @throws UnknownRegionException when the region has no rows at all
     * @throws MissingPriceException  when the region has no row for this service and dimension
     */
    public List<PriceRow> tiers(String region, String service, String dimension) {
        Objects.requireNonNull(region, "region");
        List<PriceRow> found = rowsByPrice.get(PriceRow.keyOf(region, service, dimension));
        if (found != null) {
            return found;
        }
        if (!regions.contains(region)) {
            throw new UnknownRegionException(region, regions());
        }
        throw new MissingPriceException("no price for " + service + "/" + dimension + " in region '" + region
                + "' (known there for " + service + ": " + dimensionsOf(region, service) + ")");
    }

    /** True when the book has a row for this price (so a caller can ask without catching). */
    public boolean has(String region, String service, String dimension) {
        return rowsByPrice.containsKey(PriceRow.keyOf(region, service, dimension));
    }

    private String dimensionsOf(String region, String service) {
        List<String> dims = rowsByKey.values().stream()
                .filter(r -> r.region().equals(region) && r.service().equals(service))
                .map(PriceRow::dimension).distinct().sorted().collect(Collectors.toList());
        return dims.isEmpty() ? "none" : String.join(", ", dims);
    }

    /**
     * A new book where each given row replaces the row with the same key; rows with new keys are added. Overridden and
     * added keys accumulate across calls so a report can list them.
     */
    public PriceBook overriddenBy(List<PriceRow> userRows) {
        Map<String, PriceRow> map = new LinkedHashMap<>(rowsByKey);
        Set<String> overridden = new LinkedHashSet<>(overriddenKeys);
        Set<String> added = new LinkedHashSet<>(addedKeys);
        for (PriceRow row : userRows) {
            String key = row.key();
            if (map.containsKey(key) && !added.contains(key)) {
                overridden.add(key);
            } else {
                added.add(key);
            }
            map.put(key, row);
        }
        return new PriceBook(map, overridden, added);
    }

    /** {@link #overriddenBy(List)} with every row of another book. */
    public PriceBook withOverrides(PriceBook userRows) {
        return overriddenBy(userRows.rows());
    }

    /**
     * Problems a formula would trip over, said in the user's terms: a tiered price whose tiers do not start at 0, have
     * gaps or overlaps, or whose last tier has an end. Empty for a sound book; check after applying user rows.
     */
    public List<String> problems() {
        Map<String, List<PriceRow>> byDimension = new java.util.TreeMap<>();
        for (PriceRow r : rowsByKey.values()) {
            byDimension.computeIfAbsent(PriceRow.keyOf(r.region(), r.service(), r.dimension()), k -> new ArrayList<>())
                    .add(r);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<PriceRow>> e : byDimension.entrySet()) {
            List<PriceRow> tiers = new ArrayList<>(e.getValue());
            tiers.sort(Comparator.comparing(PriceRow::tierStart));
            if (tiers.get(0).tierStart().signum() != 0) {
                problems.add(e.getKey() + ": first tier starts at " + tiers.get(0).tierStart().toPlainString()
                        + ", not 0");
            }
            for (int i = 0; i < tiers.size() - 1; i++) {
                java.util.Optional<java.math.BigDecimal> end = tiers.get(i).tierEnd();
                if (end.isEmpty() || end.get().compareTo(tiers.get(i + 1).tierStart()) != 0) {
                    problems.add(e.getKey() + ": tier " + tiers.get(i).key() + " ends at "
                            + end.map(java.math.BigDecimal::toPlainString).orElse("no end") + " but the next starts at "
                            + tiers.get(i + 1).tierStart().toPlainString());
                }
            }
            if (tiers.get(tiers.size() - 1).tierEnd().isPresent()) {
                problems.add(e.getKey() + ": last tier ends at "
                        + tiers.get(tiers.size() - 1).tierEnd().get().toPlainString() + "; it must have no end");
            }
        }
        return problems;
    }

    /** Keys whose bundled row a user row replaced. */
    public Set<String> overriddenKeys() {
        return overriddenKeys;
    }

    /** Keys a user row added (no bundled row had them). */
    public Set<String> addedKeys() {
        return addedKeys;
    }

    @Override
    public String toString() {
        return "PriceBook[" + rowsByKey.size() + " rows, " + regions().size() + " regions, " + overriddenKeys.size()
                + " overridden]";
    }
}
