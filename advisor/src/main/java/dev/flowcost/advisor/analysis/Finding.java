package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One recommendation: what to change, what it saves, and why to believe it. The saving is always
 * {@code monthlyCostNow − monthlyCostAfter} and a finding with no positive saving is a note, not a claim
 * (its {@code monthlySaving} is then zero or negative and reports say so).
 *
 * @param rule             the rule that raised it ("inline-map-to-distributed-map", ...)
 * @param workflow         the workflow it concerns
 * @param targets          states (by path) or tasks it concerns
 * @param title            one line a person reads first
 * @param monthlyCostNow   what the concerned part costs now a month
 * @param monthlyCostAfter what it would cost after the change
 * @param monthlySaving    now − after
 * @param confidence       how sure the numbers are
 * @param assumptions      what the numbers assume
 * @param blockers         what may stop the change
 * @param change           the concrete change
 * @param itemsNow         the billed quantities now (for spreadsheets to recompute)
 * @param itemsAfter       the billed quantities after
 * @param curve            cost versus volume for both options, with the break-even volume, when computed
 */
public record Finding(String rule, String workflow, List<String> targets, String title, BigDecimal monthlyCostNow,
                      BigDecimal monthlyCostAfter, BigDecimal monthlySaving, Confidence confidence,
                      List<String> assumptions, List<String> blockers, Change change, List<CostItem> itemsNow,
                      List<CostItem> itemsAfter, Optional<CostCurve> curve) {

    public enum Confidence { HIGH, MEDIUM, LOW }

    /** The order findings are ranked in, by the advisor and by every report: biggest saving first. */
    public static final Comparator<Finding> BIGGEST_SAVING_FIRST =
            Comparator.comparing(Finding::monthlySaving).reversed();

    public Finding {
        targets = List.copyOf(targets);
        assumptions = List.copyOf(assumptions);
        blockers = List.copyOf(blockers);
        itemsNow = List.copyOf(itemsNow);
        itemsAfter = List.copyOf(itemsAfter);
    }

    /** Whether the finding claims a saving (a positive one). */
    public boolean isSaving() {
        return monthlySaving.signum() > 0;
    }
}
