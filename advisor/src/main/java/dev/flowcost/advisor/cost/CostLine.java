package dev.flowcost.advisor.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One traceable line of a bill: what is charged, how much of it, at which unit price from which price-book row.
 * {@code amount} is always exactly {@code quantity × unitPrice}, so a spreadsheet can recompute every line; tiers are
 * separate lines, and free-tier usage is its own line at unit price 0 (amount 0) so the quantity it covered shows.
 *
 * @param component what the line is for ({@code "state transitions"}, {@code "Express duration, tier 2"})
 * @param quantity  billed quantity in {@code unit}
 * @param unit      the unit ({@code transition}, {@code GB-hour})
 * @param unitPrice USD per unit
 * @param priceKey  the {@link dev.flowcost.advisor.price.PriceRow#key()} the price came from
 * @param amount    quantity × unitPrice, exact
 */
public record CostLine(String component, BigDecimal quantity, String unit, BigDecimal unitPrice, String priceKey,
                       BigDecimal amount) {

    public CostLine {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(priceKey, "priceKey");
        Objects.requireNonNull(amount, "amount");
        if (amount.compareTo(quantity.multiply(unitPrice)) != 0) {
            throw new IllegalArgumentException("amount " + amount + " is not quantity " + quantity + " x unit price "
                    + unitPrice + " for " + component);
        }
    }

    /** A line whose amount is computed as quantity × unitPrice. */
    public static CostLine of(String component, BigDecimal quantity, String unit, BigDecimal unitPrice, String priceKey) {
        return new CostLine(component, quantity, unit, unitPrice, priceKey, quantity.multiply(unitPrice));
    }

    /** A free-tier line: the quantity the free tier covered, at unit price 0. */
    public static CostLine free(String component, BigDecimal quantity, String unit, String priceKey) {
        return of(component, quantity, unit, BigDecimal.ZERO, priceKey);
    }
}
