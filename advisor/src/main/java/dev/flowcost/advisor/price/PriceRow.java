package dev.flowcost.advisor.price;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One list price as the price book holds it: what is charged (service, dimension, unit) where (region), how much per
 * single unit, for which slice of monthly usage (tier), since when and according to whom. Every cost line points back
 * to one of these by {@link #key()}, so a report can show where each number came from and a user can override it.
 *
 * <p>Prices are per ONE unit (a transition is $0.000025, not $0.025 per 1,000). A free-tier row carries the free
 * QUANTITY per month in {@code price} (its unit says so, e.g. {@code transitions/month}).
 *
 * @param region        AWS region code ({@code us-east-1})
 * @param service       flowcost service name ({@code states-standard}, see {@link Services})
 * @param dimension     what is counted ({@code transition}, {@code duration}, {@code mw1.small-environment})
 * @param unit          the unit the price is per ({@code transition}, {@code GB-hour})
 * @param price         USD per unit (or the free quantity for a free-tier row); never negative
 * @param tierStart     monthly usage where this tier starts, in {@code unit}; 0 for untiered rows
 * @param tierEnd       monthly usage where this tier ends; empty = no end
 * @param effectiveDate when this price was read or took effect
 * @param source        where the number comes from and how sure it is
 */
public record PriceRow(String region, String service, String dimension, String unit, BigDecimal price,
                       BigDecimal tierStart, Optional<BigDecimal> tierEnd, LocalDate effectiveDate, String source) {

    public PriceRow {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        source = source == null ? "" : source;
        price = normalize(Objects.requireNonNull(price, "price"));
        tierStart = normalize(tierStart == null ? BigDecimal.ZERO : tierStart);
        tierEnd = tierEnd == null ? Optional.empty() : tierEnd.map(PriceRow::normalize);
        if (price.signum() < 0) {
            throw new IllegalArgumentException("negative price in " + region + "/" + service + "/" + dimension);
        }
        if (tierStart.signum() < 0) {
            throw new IllegalArgumentException("negative tier start in " + region + "/" + service + "/" + dimension);
        }
        BigDecimal start = tierStart;
        if (tierEnd.isPresent() && tierEnd.get().compareTo(start) <= 0) {
            throw new IllegalArgumentException("tier end not above tier start in " + region + "/" + service + "/" + dimension);
        }
    }

    /** An untiered row (the usual case). */
    public static PriceRow flat(String region, String service, String dimension, String unit, BigDecimal price,
                                LocalDate effectiveDate, String source) {
        return new PriceRow(region, service, dimension, unit, price, BigDecimal.ZERO, Optional.empty(), effectiveDate, source);
    }

    /** True when this row is one slice of a tiered price (it starts above 0 or has an end). */
    public boolean tiered() {
        return tierStart.signum() != 0 || tierEnd.isPresent();
    }

    /**
     * The stable identity of this row: {@code region/service/dimension}, plus {@code @tierStart} for a tier
     * ({@code us-east-1/states-express/duration@1000}). A user row with the same key replaces this one.
     */
    public String key() {
        String base = keyOf(region, service, dimension);
        return tiered() ? base + "@" + tierStart.toPlainString() : base;
    }

    /** The key prefix every row of one (region, service, dimension) shares. */
    public static String keyOf(String region, String service, String dimension) {
        return region + "/" + service + "/" + dimension;
    }

    /** The same row with another price and source (what an override or a what-if does). */
    public PriceRow withPrice(BigDecimal newPrice, String newSource) {
        return new PriceRow(region, service, dimension, unit, newPrice, tierStart, tierEnd, effectiveDate, newSource);
    }

    private static BigDecimal normalize(BigDecimal v) {
        return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    }
}
