package dev.flowcost.report;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import java.util.List;

/**
 * The slim copies a large estate's analysis keeps in memory of its workflows and findings while the whole records
 * wait on disk ({@link dev.flowcost.report.store.AnalysisStore}): every field but a workflow's {@code steps},
 * {@code graph} and {@code alternatives} and a finding's change text ({@code change.content}) and {@code curve}.
 * A renderer's pass that reads none of those fields walks {@link #workflows} or {@link #findings} instead of the
 * analysis's own list, so it does not read and decode every record from disk again (a workbook makes five passes).
 *
 * @param <T> a workflow or a finding
 */
public interface KeptCopies<T> {

    /** The slim copies, in the list's order. */
    List<T> kept();

    /** The workflows for a pass that reads no steps, graph or alternatives: the kept copies when there are. */
    static List<WorkflowAnalysis> workflows(Analysis a) {
        return of(a.workflows());
    }

    /** The findings for a pass that reads no change text or curve: the kept copies when there are. */
    static List<Finding> findings(Analysis a) {
        return of(a.findings());
    }

    private static <T> List<T> of(List<T> list) {
        if (list instanceof KeptCopies<?> copies) {
            @SuppressWarnings("unchecked")
            List<T> kept = (List<T>) copies.kept();
            return kept;
        }
        return list;
    }
}
