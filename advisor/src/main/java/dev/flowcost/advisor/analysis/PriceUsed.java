package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;

/**
 * A price row the analysis used, with where it came from, so every amount can be traced to a published price.
 *
 * @param key        stable key referenced by {@link CostItem#priceKey()}
 * @param region     AWS region
 * @param service    service
 * @param dimension  what is priced
 * @param unit       per what
 * @param price      USD per unit
 * @param effective  effective date (ISO)
 * @param source     the page or file it came from
 * @param overridden whether a user price file replaced the bundled row
 */
public record PriceUsed(String key, String region, String service, String dimension, String unit, BigDecimal price,
                        String effective, String source, boolean overridden) {
}
