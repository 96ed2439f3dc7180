package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.Services;

import java.math.BigDecimal;

/** EventBridge, for triggers that replace sensors and schedules: Scheduler invocations and custom events, per event. */
public final class EventBridgeCost {

    private EventBridgeCost() {
    }

    /** Monthly cost of {@code invocations} EventBridge Scheduler invocations. */
    public static CostBreakdown schedulerInvocations(BigDecimal invocations, PriceBook book, String region) {
        StandardWorkflowCost.requireNonNegative(invocations, "invocations");
        return CostBreakdown.of(Rate.from(book, region, Services.EVENTBRIDGE_SCHEDULER, Services.INVOCATION)
                .line("EventBridge Scheduler invocations", invocations));
    }

    /** Monthly cost of {@code events} custom events put on an event bus. */
    public static CostBreakdown customEvents(BigDecimal events, PriceBook book, String region) {
        StandardWorkflowCost.requireNonNegative(events, "events");
        return CostBreakdown.of(Rate.from(book, region, Services.EVENTBRIDGE, Services.CUSTOM_EVENT)
                .line("EventBridge custom events", events));
    }
}
