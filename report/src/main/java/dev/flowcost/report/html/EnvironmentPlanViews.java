package dev.flowcost.report.html;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.PlanOption;
import dev.flowcost.advisor.analysis.WorkItem;
import dev.flowcost.report.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The view of each environment's plans for the HTML card shown above the findings: the answer first (chosen plan,
 * saving, payback), then every plan weighed, the work and the conditions.
 */
final class EnvironmentPlanViews {

    private EnvironmentPlanViews() {
    }

    static List<Map<String, Object>> of(Analysis a) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EnvironmentAnalysis e : a.environments()) {
            if (e.plans().isEmpty()) {
                continue;
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", e.name());
            v.put("environmentClass", e.environmentClass());
            v.put("cost", Money.usd(e.monthlyCost()));
            v.put("verdict", e.verdict());
            PlanOption chosen = e.chosenPlan().orElse(e.plans().get(0));
            v.put("chosen", chosen.name());
            v.put("chosenDescription", chosen.description());
            v.put("saving", Money.usd(chosen.monthlySaving()));
            v.put("payback", payback(chosen));
            List<Map<String, Object>> plans = new ArrayList<>();
            for (PlanOption p : e.plans()) {
                Map<String, Object> pv = new LinkedHashMap<>();
                pv.put("name", p.name());
                pv.put("description", p.description());
                pv.put("after", Money.usd(p.monthlyCostAfter()));
                pv.put("saving", Money.usd(p.monthlySaving()));
                pv.put("effort", WorkItem.trim(p.effortHours()) + " h (" + Money.usd(p.effortCost()) + ")");
                pv.put("payback", payback(p));
                pv.put("chosen", p.chosen());
                plans.add(pv);
            }
            v.put("plans", plans);
            v.put("work", chosen.workItems().stream().map(WorkItem::sentence).toList());
            v.put("summary", e.conditions().map(c -> c.summary()).orElse(""));
            v.put("features", e.conditions().map(c -> c.decidingFeatures()).orElse(List.of()));
            out.add(v);
        }
        return out;
    }

    private static String payback(PlanOption p) {
        if (p.name().equals(PlanOption.KEEP)) {
            return "no work";
        }
        return p.paybackMonths().map(m -> m.toPlainString() + " months" + (p.paysBack() ? "" : " (beyond the horizon)"))
                .orElse("never");
    }
}
