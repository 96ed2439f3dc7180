package dev.flowcost.advisor;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.Totals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The estate's {@link Totals}, on one basis: after the account's free tiers, credited once to the estate now and once
 * to the estate after the changes. Findings price their part of one workflow before the free tiers (a free tier
 * belongs to the account, not to a workflow), so their savings are never subtracted from a total taken after the
 * credits: the changed estate is rebuilt from its billed quantities and credited anew.
 */
final class EstateTotals {

    private EstateTotals() {
    }

    /**
     * Totals the estate.
     *
     * @param costs    cost before the free tiers of every workflow or environment counted in the estate, by name
     * @param items    every billed item of the estate now (what the free tiers are credited against)
     * @param findings the findings, biggest saving first (their order in the analysis)
     * @param credits  the free tiers credited to an estate billing these quantities per price key
     */
    static Totals of(Map<String, BigDecimal> costs, List<CostItem> items, List<Finding> findings,
                     Function<Map<String, BigDecimal>, List<FreeTierCredit>> credits) {
        BigDecimal base = costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> quantities = CostItems.quantitiesByPriceKey(items);
        BigDecimal now = base.add(sum(credits.apply(quantities)));

        Map<String, BigDecimal> left = new LinkedHashMap<>(costs);
        Set<String> taken = new HashSet<>();
        List<Integer> counted = new ArrayList<>();
        BigDecimal afterBase = base;
        List<FreeTierCredit> afterCredits = credits.apply(quantities);
        BigDecimal after = now;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (!f.isSaving()) {
                continue;
            }
            List<String> keys = f.targets().stream().map(t -> f.workflow() + "\u0000" + t).toList();
            if (keys.stream().anyMatch(taken::contains)) {
                continue; // its states are already changed by a bigger finding: never count a saving twice
            }
            BigDecimal workflowLeft = left.get(f.workflow());
            if (workflowLeft != null && f.monthlySaving().compareTo(workflowLeft) > 0) {
                continue; // a saving can never exceed what is left of its workflow's bill
            }
            BigDecimal changedBase = afterBase.subtract(f.monthlySaving());
            if (changedBase.signum() < 0) {
                continue;
            }
            Map<String, BigDecimal> changed = changed(quantities, f);
            List<FreeTierCredit> changedCredits = credits.apply(changed);
            BigDecimal changedTotal = changedBase.add(sum(changedCredits));
            if (changedTotal.compareTo(after) > 0) {
                continue; // cheaper before the free tiers, dearer after them: not a change to make here
            }
            taken.addAll(keys.isEmpty() ? List.of(f.workflow() + "\u0000*") : keys);
            if (workflowLeft != null) {
                left.put(f.workflow(), workflowLeft.subtract(f.monthlySaving()));
            }
            counted.add(i);
            quantities = changed;
            afterBase = changedBase;
            afterCredits = changedCredits;
            after = changedTotal;
        }
        return new Totals(now, after, now.subtract(after), afterCredits, counted);
    }

    /** The quantities once the finding is applied: its items now replaced by its items after (never below zero). */
    private static Map<String, BigDecimal> changed(Map<String, BigDecimal> quantities, Finding f) {
        Map<String, BigDecimal> out = new LinkedHashMap<>(quantities);
        f.itemsNow().forEach(i -> out.merge(i.priceKey(), i.monthlyQuantity().negate(), BigDecimal::add));
        f.itemsAfter().forEach(i -> out.merge(i.priceKey(), i.monthlyQuantity(), BigDecimal::add));
        out.replaceAll((k, q) -> q.max(BigDecimal.ZERO));
        return out;
    }

    private static BigDecimal sum(List<FreeTierCredit> credits) {
        return credits.stream().map(FreeTierCredit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
