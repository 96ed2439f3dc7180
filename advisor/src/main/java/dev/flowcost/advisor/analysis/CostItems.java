package dev.flowcost.advisor.analysis;

import dev.flowcost.advisor.cost.Rate;
import dev.flowcost.advisor.cost.TieredRate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link CostItem}s so that their stored amounts always equal the formula in CostItem's Javadoc: the one
 * place quantities meet prices on their way into an Analysis. Rules and the analyzer call these; nobody builds a
 * CostItem by hand.
 */
public final class CostItems {

    private CostItems() {
    }

    /** The driver of a per-execution quantity: executions a month under an assumption key, and optionally items. */
    public record Volume(String executionsKey, BigDecimal executionsPerMonth, String itemsKey, BigDecimal items) {
        public static Volume of(String executionsKey, BigDecimal executionsPerMonth) {
            return new Volume(executionsKey, executionsPerMonth, "", BigDecimal.ZERO);
        }

        public Volume withItems(String itemsKey, BigDecimal items) {
            return new Volume(executionsKey, executionsPerMonth, itemsKey, items);
        }
    }

    /** An untiered per-execution quantity: {@code (perExecution + perItem × items) × executions × price}. */
    public static CostItem perExecution(String component, BigDecimal perExecution, BigDecimal perItem, Volume volume, Rate rate) {
        BigDecimal monthly = monthlyQuantity(perExecution, perItem, volume);
        return new CostItem(component, rate.unit(), perExecution, perItem, itemsKey(perItem, volume), volume.executionsKey(),
                BigDecimal.ZERO, BigDecimal.ZERO, Optional.empty(), rate.priceKey(), rate.price(), monthly,
                monthly.multiply(rate.price()));
    }

    /** An untiered per-execution quantity with no item driver. */
    public static CostItem perExecution(String component, BigDecimal perExecution, Volume volume, Rate rate) {
        return perExecution(component, perExecution, BigDecimal.ZERO, volume, rate);
    }

    /** A tiered per-execution quantity: one item per tier of the rate, every tier listed (amount 0 where not reached). */
    public static List<CostItem> perExecutionTiered(String component, BigDecimal perExecution, BigDecimal perItem,
                                                    Volume volume, TieredRate rate) {
        BigDecimal monthly = monthlyQuantity(perExecution, perItem, volume);
        List<CostItem> out = new ArrayList<>();
        int n = rate.tiers().size();
        for (int i = 0; i < n; i++) {
            TieredRate.Tier t = rate.tiers().get(i);
            BigDecimal billed = billed(monthly, t.start(), t.end());
            String name = n == 1 ? component : component + " (tier " + (i + 1) + ")";
            out.add(new CostItem(name, rate.unit(), perExecution, perItem, itemsKey(perItem, volume), volume.executionsKey(),
                    BigDecimal.ZERO, t.start(), t.end(), t.priceKey(), t.price(), monthly, billed.multiply(t.price())));
        }
        return out;
    }

    /** A quantity a month that does not depend on executions (environment hours, storage). */
    public static CostItem fixedMonthly(String component, BigDecimal quantity, Rate rate) {
        return new CostItem(component, rate.unit(), BigDecimal.ZERO, BigDecimal.ZERO, "", "", quantity, BigDecimal.ZERO,
                Optional.empty(), rate.priceKey(), rate.price(), quantity, quantity.multiply(rate.price()));
    }

    /** Sum of the items' amounts. */
    public static BigDecimal total(List<CostItem> items) {
        return items.stream().map(CostItem::monthlyAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The account-wide free tier against every item priced under {@code priceKey}:
     * {@code −min(free, Σ monthlyQuantity) × price}.
     */
    public static FreeTierCredit credit(String component, String priceKey, BigDecimal freeQuantity, BigDecimal unitPrice,
                                        List<CostItem> allItems) {
        return credit(component, priceKey, freeQuantity, unitPrice, allItems.stream()
                .filter(i -> i.priceKey().equals(priceKey)).map(CostItem::monthlyQuantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The free tier against a month's quantity of its items: {@code −min(free, quantity) × price}, never positive. */
    public static FreeTierCredit credit(String component, String priceKey, BigDecimal freeQuantity, BigDecimal unitPrice,
                                        BigDecimal monthlyQuantity) {
        BigDecimal used = monthlyQuantity.min(freeQuantity).max(BigDecimal.ZERO);
        return new FreeTierCredit(component, priceKey, freeQuantity, unitPrice, used, used.multiply(unitPrice).negate());
    }

    /** Σ monthly quantity per price key, in first-seen order: what the account's free tiers are credited against. */
    public static Map<String, BigDecimal> quantitiesByPriceKey(List<CostItem> items) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        items.forEach(i -> out.merge(i.priceKey(), i.monthlyQuantity(), BigDecimal::add));
        return out;
    }

    private static BigDecimal monthlyQuantity(BigDecimal perExecution, BigDecimal perItem, Volume volume) {
        BigDecimal perExec = perExecution.add(perItem.multiply(volume.items()));
        return perExec.multiply(volume.executionsPerMonth());
    }

    private static String itemsKey(BigDecimal perItem, Volume volume) {
        return perItem.signum() == 0 ? "" : volume.itemsKey();
    }

    private static BigDecimal billed(BigDecimal monthly, BigDecimal start, Optional<BigDecimal> end) {
        BigDecimal above = monthly.subtract(start).max(BigDecimal.ZERO);
        return end.map(e -> above.min(e.subtract(start))).orElse(above);
    }
}
