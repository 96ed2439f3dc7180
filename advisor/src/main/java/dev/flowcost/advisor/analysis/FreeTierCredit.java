package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;

/**
 * A free tier applied once per account and region across all workflows (4,000 Standard transitions; Lambda's
 * 1M requests and 400,000 GB-s). In a spreadsheet:
 * {@code amount = −min(freeQuantity, SUM of monthlyQuantity of items with this priceKey) × unitPrice}.
 *
 * @param component    what is free ("Standard state transitions free tier")
 * @param priceKey     the price row of the items it reduces
 * @param freeQuantity free units a month
 * @param unitPrice    USD per unit of those items
 * @param usedQuantity units of the free tier actually used (≤ freeQuantity)
 * @param amount       the credit in USD, zero or negative
 */
public record FreeTierCredit(String component, String priceKey, BigDecimal freeQuantity, BigDecimal unitPrice,
                             BigDecimal usedQuantity, BigDecimal amount) {
}
