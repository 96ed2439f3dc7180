package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.PriceRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A monthly tiered price as plain numbers (the slices of the rows of one dimension), and the one place that splits a
 * quantity across tiers. Tiers are contiguous from 0; the last has no end.
 */
public record TieredRate(String unit, List<Tier> tiers) {

    /** One slice: from {@code start} (inclusive) to {@code end} (exclusive, empty = no end) at {@code price} per unit. */
    public record Tier(BigDecimal start, Optional<BigDecimal> end, BigDecimal price, String priceKey) {
        public Tier {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(priceKey, "priceKey");
        }
    }

    public TieredRate {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a tiered rate needs at least one tier");
        }
        if (tiers.get(0).start().signum() != 0) {
            throw new IllegalArgumentException("the first tier must start at 0: " + tiers.get(0).priceKey());
        }
        for (int i = 0; i < tiers.size() - 1; i++) {
            Optional<BigDecimal> end = tiers.get(i).end();
            if (end.isEmpty() || end.get().compareTo(tiers.get(i + 1).start()) != 0) {
                throw new IllegalArgumentException("tiers are not contiguous at " + tiers.get(i).priceKey());
            }
        }
        if (tiers.get(tiers.size() - 1).end().isPresent()) {
            throw new IllegalArgumentException("the last tier must have no end: " + tiers.get(tiers.size() - 1).priceKey());
        }
    }

    /** A single-tier rate (no tiering). */
    public static TieredRate flat(String unit, BigDecimal price, String priceKey) {
        return new TieredRate(unit, List.of(new Tier(BigDecimal.ZERO, Optional.empty(), price, priceKey)));
    }

    /** The rate from price-book rows sorted by tier start (as {@code PriceBook.tiers} returns them). */
    public static TieredRate fromRows(List<PriceRow> rows) {
        List<Tier> tiers = new ArrayList<>();
        for (PriceRow r : rows) {
            tiers.add(new Tier(r.tierStart(), r.tierEnd(), r.price(), r.key()));
        }
        return new TieredRate(rows.get(0).unit(), tiers);
    }

    /** The highest unit price of any tier (bounds how fast cost can grow). */
    public BigDecimal highestPrice() {
        return tiers.stream().map(Tier::price).max(BigDecimal::compareTo).orElseThrow();
    }

    /**
     * One line per tier the quantity reaches, each billing the slice of {@code quantity} in that tier. A quantity of 0
     * gives no lines.
     */
    public List<CostLine> lines(String component, BigDecimal quantity) {
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("negative quantity " + quantity + " for " + component);
        }
        List<CostLine> lines = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            if (quantity.compareTo(t.start()) <= 0) {
                break;
            }
            BigDecimal upper = t.end().map(e -> e.min(quantity)).orElse(quantity);
            BigDecimal slice = upper.subtract(t.start());
            String name = tiers.size() == 1 ? component : component + ", tier " + (i + 1);
            lines.add(CostLine.of(name, slice, unit, t.price(), t.priceKey()));
        }
        return lines;
    }
}
