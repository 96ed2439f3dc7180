package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Builds {@link Finding}s whose costs come from their items, so a finding's now, after and saving always equal
 * {@code Σ itemsNow}, {@code Σ itemsAfter} and their difference: no rule can state a saving its items do not show.
 */
public final class Findings {

    private Findings() {
    }

    /** A priced finding: now = Σ itemsNow, after = Σ itemsAfter, saving = now − after. */
    public static Finding priced(String rule, String workflow, List<String> targets, String title,
                                 List<CostItem> itemsNow, List<CostItem> itemsAfter, Finding.Confidence confidence,
                                 List<String> assumptions, List<String> blockers, Change change,
                                 Optional<CostCurve> curve) {
        BigDecimal now = CostItems.total(itemsNow);
        BigDecimal after = CostItems.total(itemsAfter);
        return new Finding(rule, workflow, targets, title, now, after, now.subtract(after), confidence, assumptions,
                blockers, change, itemsNow, itemsAfter, curve);
    }

    /** A risk or note with no cost attached (zero now, after and saving). */
    public static Finding note(String rule, String workflow, List<String> targets, String title,
                               Finding.Confidence confidence, List<String> assumptions, List<String> blockers,
                               Change change) {
        return priced(rule, workflow, targets, title, List.of(), List.of(), confidence, assumptions, blockers, change,
                Optional.empty());
    }
}
