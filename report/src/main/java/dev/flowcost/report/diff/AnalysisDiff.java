package dev.flowcost.report.diff;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two analyses of the same estate (say, main and a pull request) workflow by workflow, so CI can show what
 * a change costs and fail when it costs more than a budget. The only arithmetic is after − before of recorded costs.
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
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (WorkflowAnalysis w : old.values()) {
            WorkflowAnalysis later = now.get(w.name());
            if (later == null) {
                removed.add(w.name());
                changes.add(change(w.name(), DiffResult.Status.REMOVED, w.monthlyCost(), BigDecimal.ZERO));
            } else {
                BigDecimal delta = later.monthlyCost().subtract(w.monthlyCost());
                changes.add(change(w.name(), delta.signum() == 0 ? DiffResult.Status.UNCHANGED
                        : DiffResult.Status.CHANGED, w.monthlyCost(), later.monthlyCost()));
            }
        }
        for (WorkflowAnalysis w : now.values()) {
            if (!old.containsKey(w.name())) {
                added.add(w.name());
                changes.add(change(w.name(), DiffResult.Status.ADDED, BigDecimal.ZERO, w.monthlyCost()));
            }
        }
        BigDecimal totalBefore = before.totals().monthlyCostNow();
        BigDecimal totalAfter = after.totals().monthlyCostNow();
        return new DiffResult(changes, added, removed, totalBefore, totalAfter, totalAfter.subtract(totalBefore));
    }

    private static DiffResult.WorkflowChange change(String name, DiffResult.Status status, BigDecimal before,
                                                    BigDecimal after) {
        return new DiffResult.WorkflowChange(name, status, before, after, after.subtract(before));
    }
}
