package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.Services;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * EventBridge, for triggers that replace sensors and schedules: Scheduler invocations (the first 14 million a month
 * free per account, then a regional rate) and custom events, per event.
 *
 * <p>Scheduler free tier and regional rates: AWS pricing-page data (meteredUnitMaps {@code events}, tiers "0 to
 * 14000000 Invocations" at $0 and "14000000 to Inf" at the regional rate), as in
 * https://aws.amazon.com/eventbridge/pricing/ (see PRICE-AUDIT §6).
 */
public final class EventBridgeCost {

    /** The Scheduler's rate after the free tier and its free invocations a month, of one region. */
    public record SchedulerPrices(Rate invocation, Rate freeInvocations) {
        public static SchedulerPrices from(PriceBook book, String region) {
            return new SchedulerPrices(Rate.from(book, region, Services.EVENTBRIDGE_SCHEDULER, Services.INVOCATION),
                    Rate.from(book, region, Services.EVENTBRIDGE_SCHEDULER, Services.FREE_INVOCATIONS));
        }

        /** Free Scheduler invocations per account per month (14,000,000 in the bundled book). */
        public BigDecimal freeInvocationsPerMonth() {
            return freeInvocations.price();
        }
    }

    private EventBridgeCost() {
    }

    /**
     * Monthly cost of {@code invocations} EventBridge Scheduler invocations when the whole free tier is still unused
     * (the account's only Scheduler use).
     */
    public static CostBreakdown schedulerInvocations(BigDecimal invocations, PriceBook book, String region) {
        SchedulerPrices prices = SchedulerPrices.from(book, region);
        return schedulerInvocations(invocations, prices.freeInvocationsPerMonth(), prices);
    }

    /**
     * Monthly cost of {@code invocations} Scheduler invocations: a free line for the part the remaining free tier
     * covers, and a billed line for the rest.
     *
     * @param freeRemaining free invocations still unused for this account and month (0 to ignore the free tier)
     */
    public static CostBreakdown schedulerInvocations(BigDecimal invocations, BigDecimal freeRemaining,
                                                     SchedulerPrices prices) {
        StandardWorkflowCost.requireNonNegative(invocations, "invocations");
        StandardWorkflowCost.requireNonNegative(freeRemaining, "freeRemaining");
        BigDecimal free = invocations.min(freeRemaining);
        List<CostLine> lines = new ArrayList<>();
        if (free.signum() > 0) {
            lines.add(CostLine.free("EventBridge Scheduler free invocations", free, prices.invocation().unit(),
                    prices.freeInvocations().priceKey()));
        }
        lines.add(prices.invocation().line("EventBridge Scheduler invocations", invocations.subtract(free)));
        return new CostBreakdown(lines);
    }

    /** Monthly cost of {@code events} custom events put on an event bus. */
    public static CostBreakdown customEvents(BigDecimal events, PriceBook book, String region) {
        StandardWorkflowCost.requireNonNegative(events, "events");
        return CostBreakdown.of(Rate.from(book, region, Services.EVENTBRIDGE, Services.CUSTOM_EVENT)
                .line("EventBridge custom events", events));
    }
}
