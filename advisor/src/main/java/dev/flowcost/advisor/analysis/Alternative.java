package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;
import java.util.List;

/** What a workflow would cost on another platform ("step-functions", "mwaa-serverless", "mwaa"), item by item. */
public record Alternative(String platform, BigDecimal monthlyCost, List<CostItem> costItems, List<String> notes) {
    public Alternative {
        costItems = List.copyOf(costItems);
        notes = List.copyOf(notes);
    }
}
