package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;

/**
 * The estate's monthly cost: now (workflows + environments + credits), after applying every saving finding that
 * does not overlap another, and the saving.
 */
public record Totals(BigDecimal monthlyCostNow, BigDecimal monthlyCostAfter, BigDecimal monthlySaving) {
}
