package dev.flowcost.advisor.reconcile;

import java.math.BigDecimal;

/**
 * Cost and Usage Report line items summed by billing month, product, usage type and resource: what the bill says.
 *
 * @param month       billing period "2026-10" (bill_billing_period_start_date, else line_item_usage_start_date)
 * @param productCode line_item_product_code ("AmazonStates", "AmazonMWAA", ...)
 * @param usageType   line_item_usage_type ("USE1-StateTransition", ...)
 * @param operation   line_item_operation ("" when the report has no such column)
 * @param resourceId  line_item_resource_id ("" when the report carries none)
 * @param cost        sum of line_item_unblended_cost, USD
 * @param usage       sum of line_item_usage_amount
 * @param rows        line items summed
 */
public record BillLine(String month, String productCode, String usageType, String operation, String resourceId,
                       BigDecimal cost, double usage, long rows) {
}
