package dev.flowcost.report.diff;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two analyses of the same estate (say, main and a pull request) workflow by workflow, so CI can show what
 * a change costs and fail when it costs more than a budget. The only arithmetic is after − before of recorded costs
 * and quantities (and a monthly quantity shown per run).
 */
public final class AnalysisDiff {

    private AnalysisDiff() {
    }

    /** Matches workflows by name; workflows only in {@code after} are added, only in {@code before} removed. */
    public static DiffResult diff(Analysis before, Analysis after) {
        Map<String, WorkflowAnalysis> old = new LinkedHashMap<>();
        before.workflows().forEach(w -> old.putIfAbsent(w.name(), w));
        Map<String, WorkflowAnalysis> now = new LinkedHashMap<>();
        after.workflows().forEach(w -> now.putIfAbsent(w.name(), w));

        List<DiffResult.WorkflowChange> changes = new ArrayList<>();
        for (WorkflowAnalysis w : old.values()) {
            WorkflowAnalysis later = now.get(w.name());
            if (later == null) {
                changes.add(new DiffResult.WorkflowChange(w.name(), DiffResult.Status.REMOVED, w.monthlyCost(),
                        BigDecimal.ZERO, components(w, null)));
            } else {
                List<DiffResult.ComponentChange> components = components(w, later);
                DiffResult.Status status = later.monthlyCost().compareTo(w.monthlyCost()) == 0 && components.isEmpty()
                        ? DiffResult.Status.UNCHANGED : DiffResult.Status.CHANGED;
                changes.add(new DiffResult.WorkflowChange(w.name(), status, w.monthlyCost(), later.monthlyCost(),
                        components));
            }
        }
        for (WorkflowAnalysis w : now.values()) {
            if (!old.containsKey(w.name())) {
                changes.add(new DiffResult.WorkflowChange(w.name(), DiffResult.Status.ADDED, BigDecimal.ZERO,
                        w.monthlyCost(), components(null, w)));
            }
        }
        return new DiffResult(changes, before.totals().monthlyCostNow(), after.totals().monthlyCostNow(),
                credits(before), credits(after));
    }

    private static BigDecimal credits(Analysis analysis) {
        return analysis.credits().stream().map(FreeTierCredit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The components that differ, matched by component, unit and tier; either side may be absent (null). */
    private static List<DiffResult.ComponentChange> components(WorkflowAnalysis before, WorkflowAnalysis after) {
        Map<String, CostItem> old = byComponent(before);
        Map<String, CostItem> now = byComponent(after);
        List<String> keys = new ArrayList<>(now.keySet());
        old.keySet().stream().filter(k -> !now.containsKey(k)).forEach(keys::add);
        List<DiffResult.ComponentChange> changes = new ArrayList<>();
        for (String key : keys) {
            CostItem b = old.get(key);
            CostItem a = now.get(key);
            boolean perRun = perRun(before, b) && perRun(after, a);
            BigDecimal qb = quantity(before, b, perRun);
            BigDecimal qa = quantity(after, a, perRun);
            BigDecimal mb = b == null ? BigDecimal.ZERO : b.monthlyAmount();
            BigDecimal ma = a == null ? BigDecimal.ZERO : a.monthlyAmount();
            CostItem any = a != null ? a : b;
            // a higher tier repeats the whole quantity: it is news only when its amount moves
            boolean quantityNews = any.tierStart().signum() == 0 && qb.compareTo(qa) != 0;
            if (quantityNews || mb.compareTo(ma) != 0) {
                changes.add(new DiffResult.ComponentChange(any.component(), any.unit(), perRun, qb, qa, mb, ma));
            }
        }
        return changes;
    }

    private static Map<String, CostItem> byComponent(WorkflowAnalysis w) {
        Map<String, CostItem> items = new LinkedHashMap<>();
        if (w != null) {
            for (CostItem item : w.costItems()) {
                // tiers of one price share a component name and differ by where they start
                items.merge(item.component() + "\u0000" + item.unit() + "\u0000" + item.tierStart().toPlainString(),
                        item, AnalysisDiff::sum);
            }
        }
        return items;
    }

    /** Two items of the same name, unit and tier (say, two Lambda functions): one item carrying both. */
    private static CostItem sum(CostItem a, CostItem b) {
        return new CostItem(a.component(), a.unit(), a.quantityPerExecution().add(b.quantityPerExecution()),
                a.quantityPerItem().add(b.quantityPerItem()), a.itemsKey(), a.executionsKey(),
                a.fixedMonthlyQuantity().add(b.fixedMonthlyQuantity()), a.tierStart(), a.tierEnd(), a.priceKey(),
                a.unitPrice(), a.monthlyQuantity().add(b.monthlyQuantity()), a.monthlyAmount().add(b.monthlyAmount()));
    }

    /** A quantity reads per run when the workflow runs and the item is not a fixed monthly one. */
    private static boolean perRun(WorkflowAnalysis w, CostItem item) {
        return w == null || item == null
                || w.executionsPerMonth().signum() > 0 && item.fixedMonthlyQuantity().signum() == 0;
    }

    private static BigDecimal quantity(WorkflowAnalysis w, CostItem item, boolean perRun) {
        if (item == null) {
            return BigDecimal.ZERO;
        }
        return perRun ? item.monthlyQuantity().divide(w.executionsPerMonth(), MathContext.DECIMAL64)
                : item.monthlyQuantity();
    }
}
