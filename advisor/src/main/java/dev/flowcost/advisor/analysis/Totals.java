package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;
import java.util.List;

/**
 * The estate's monthly cost, all three figures on one basis: <em>after</em> the account's free tiers. Now is the
 * workflows plus the environments plus {@link Analysis#credits()}; after is the same estate once the counted findings
 * are applied, with the free tiers credited once more, to that changed estate ({@link #creditsAfter}); the saving is
 * now − after. A finding is counted only when it targets nothing a counted finding of its workflow targets and the
 * estate, free tiers included, costs no more with it, so after is never negative and never above now.
 *
 * @param monthlyCostNow   the estate now, after the free tiers
 * @param monthlyCostAfter the estate after the counted findings, after the free tiers as that estate uses them
 * @param monthlySaving    now − after
 * @param creditsAfter     the free tiers credited to the estate after the changes
 * @param countedFindings  indexes into {@link Analysis#findings()} of the findings counted in after, ascending
 */
public record Totals(BigDecimal monthlyCostNow, BigDecimal monthlyCostAfter, BigDecimal monthlySaving,
                     List<FreeTierCredit> creditsAfter, List<Integer> countedFindings) {

    public Totals {
        creditsAfter = List.copyOf(creditsAfter);
        countedFindings = List.copyOf(countedFindings);
    }
}
