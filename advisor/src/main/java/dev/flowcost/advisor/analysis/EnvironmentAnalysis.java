package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;
import java.util.List;

/**
 * One MWAA environment: its cost now, its cost once the movable DAGs leave, and what to do with it.
 *
 * @param verdict e.g. "keep", "downsize to mw1.small", "decommission"
 */
public record EnvironmentAnalysis(String name, String environmentClass, List<String> dags, List<CostItem> costItems,
                                  BigDecimal monthlyCost, BigDecimal monthlyCostAfter, String verdict, List<String> notes) {
    public EnvironmentAnalysis {
        dags = List.copyOf(dags);
        costItems = List.copyOf(costItems);
        notes = List.copyOf(notes);
    }
}
