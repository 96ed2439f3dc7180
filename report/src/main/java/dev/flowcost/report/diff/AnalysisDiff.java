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
        for (WorkflowAnalysis w : old.values()) {
            WorkflowAnalysis later = now.get(w.name());
            if (later == null) {
                changes.add(new DiffResult.WorkflowChange(w.name(), DiffResult.Status.REMOVED, w.monthlyCost(),
                        BigDecimal.ZERO));
            } else {
                DiffResult.Status status = later.monthlyCost().compareTo(w.monthlyCost()) == 0
                        ? DiffResult.Status.UNCHANGED : DiffResult.Status.CHANGED;
                changes.add(new DiffResult.WorkflowChange(w.name(), status, w.monthlyCost(), later.monthlyCost()));
            }
        }
        for (WorkflowAnalysis w : now.values()) {
            if (!old.containsKey(w.name())) {
                changes.add(new DiffResult.WorkflowChange(w.name(), DiffResult.Status.ADDED, BigDecimal.ZERO,
                        w.monthlyCost()));
            }
        }
        return new DiffResult(changes, before.totals().monthlyCostNow(), after.totals().monthlyCostNow());
    }
}
