package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;

/**
 * A value the numbers depend on that a user may change: executions per month of a workflow, items of a Map,
 * hours in a month. Spreadsheets put these on their Assumptions sheet and every cost follows them.
 *
 * @param key         stable key referenced by {@link CostItem}s ("orders.executionsPerMonth", "orders.Fan.items")
 * @param description what it is, in words
 * @param value       its value
 * @param unit        its unit
 * @param source      where it came from: "workload", "schedule", "default"
 */
public record Assumption(String key, String description, BigDecimal value, String unit, String source) {
}
