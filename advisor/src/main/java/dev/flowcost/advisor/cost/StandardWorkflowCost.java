package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.Services;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Step Functions Standard: every state transition is billed (retries and redrives included); the account's free
 * transitions per month are applied once, so the caller says how many remain for this calculation.
 */
public final class StandardWorkflowCost {

    /** The transition price and the monthly free transitions of one region. */
    public record Prices(Rate transition, Rate freeTransitions) {
        public static Prices from(PriceBook book, String region) {
            return new Prices(Rate.from(book, region, Services.STATES_STANDARD, Services.TRANSITION),
                    Rate.from(book, region, Services.STATES_STANDARD, Services.FREE_TRANSITIONS));
        }

        /** Free transitions per account per month (4,000 in the bundled book). */
        public BigDecimal freeTransitionsPerMonth() {
            return freeTransitions.price();
        }
    }

    private StandardWorkflowCost() {
    }

    /**
     * The monthly cost of {@code transitions}: a free line for the part the remaining free tier covers (if any), and a
     * billed line for the rest.
     *
     * @param transitions               state transitions in the month, ≥ 0
     * @param freeTransitionsRemaining  free transitions still unused for this account and month (0 to ignore the free tier)
     */
    public static CostBreakdown monthly(BigDecimal transitions, BigDecimal freeTransitionsRemaining, Prices prices) {
        requireNonNegative(transitions, "transitions");
        requireNonNegative(freeTransitionsRemaining, "freeTransitionsRemaining");
        BigDecimal free = transitions.min(freeTransitionsRemaining);
        List<CostLine> lines = new ArrayList<>();
        if (free.signum() > 0) {
            lines.add(CostLine.free("free tier transitions", free, prices.transition().unit(),
                    prices.freeTransitions().priceKey()));
        }
        lines.add(prices.transition().line("state transitions", transitions.subtract(free)));
        return new CostBreakdown(lines);
    }

    static void requireNonNegative(BigDecimal v, String name) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException(name + " is negative: " + v);
        }
    }
}
