package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One billed quantity of a workflow or environment, kept as the parts of its formula so any reader — a person or a
 * spreadsheet — can recompute it:
 * <pre>
 *   monthlyQuantity = (quantityPerExecution + quantityPerItem × items[itemsKey]) × executionsPerMonth + fixedMonthlyQuantity
 *   billedQuantity  = min(max(monthlyQuantity − tierStart, 0), tierEnd − tierStart)      (no tierEnd: no upper bound)
 *   monthlyAmount   = billedQuantity × unitPrice
 * </pre>
 * A tiered price is one item per tier with the same quantities and its own tier bounds.
 *
 * @param component            what is billed, in the bill's words ("state transitions", "Express duration (tier 2)")
 * @param unit                 unit of the quantity ("transition", "GB-hour", "hour")
 * @param quantityPerExecution quantity per execution not tied to an item count
 * @param quantityPerItem      quantity per item per execution (0 when no item count drives it)
 * @param itemsKey             key of the {@link Assumption} holding the item count ("" when none)
 * @param executionsKey        key of the {@link Assumption} holding executions per month ("" when the item is fixed monthly)
 * @param fixedMonthlyQuantity quantity a month that does not depend on executions (environment hours, storage)
 * @param tierStart            where this price tier starts, in monthly quantity (0 when not tiered)
 * @param tierEnd              where it ends, when it ends
 * @param priceKey             key of the {@link PriceUsed} row
 * @param unitPrice            USD per unit
 * @param monthlyQuantity      the computed monthly quantity (before tiering)
 * @param monthlyAmount        the computed amount in USD, unrounded
 */
public record CostItem(String component, String unit, BigDecimal quantityPerExecution, BigDecimal quantityPerItem,
                       String itemsKey, String executionsKey, BigDecimal fixedMonthlyQuantity, BigDecimal tierStart,
                       Optional<BigDecimal> tierEnd, String priceKey, BigDecimal unitPrice, BigDecimal monthlyQuantity,
                       BigDecimal monthlyAmount) {

    /** The quantity billed in this item's tier: {@code min(max(monthlyQuantity − tierStart, 0), tierEnd − tierStart)}. */
    public BigDecimal billedQuantity() {
        BigDecimal above = monthlyQuantity.subtract(tierStart).max(BigDecimal.ZERO);
        return tierEnd.map(end -> above.min(end.subtract(tierStart))).orElse(above);
    }

    /** Whether this is a price tier the month's quantity does not reach (it bills nothing). */
    public boolean isUnreachedTier() {
        return tierStart.signum() > 0 && monthlyQuantity.compareTo(tierStart) <= 0;
    }
}
