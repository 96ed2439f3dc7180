package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.core.convert.ConversionResult;

import java.util.List;
import java.util.Optional;

/**
 * The migration advice for one DAG: what it costs on each platform, where it should run, why, what stands in the way,
 * what to change in it now, and at what volume the answer changes.
 *
 * @param alternatives platforms priced: "mwaa" (its current cost), "step-functions", and "mwaa-serverless" unless blocked,
 *                     and "hybrid" when the DAG has a mapped task
 * @param verdict      {@link #KEEP}, {@link #MOVE_TO_STEP_FUNCTIONS}, {@link #MOVE_TO_SERVERLESS} or {@link #HYBRID}
 * @param reasons      why, in numbers a reviewer can check
 * @param blockers     what may stop a move, one sentence per task or setting
 * @param findings     sensor → event trigger findings
 * @param curve        MWAA against the best alternative over runs a month, with the break-even volume
 * @param conversion   the draft state machine
 * @param work         what its move takes: work items, hard blockers, links to other DAGs
 */
public record DagMigration(List<Alternative> alternatives, String verdict, List<String> reasons, List<String> blockers,
                           List<Finding> findings, Optional<CostCurve> curve, Optional<ConversionResult> conversion,
                           Optional<DagWork> work) {

    public static final String KEEP = "keep on MWAA";
    public static final String MOVE_TO_STEP_FUNCTIONS = "move to Step Functions";
    public static final String MOVE_TO_SERVERLESS = "move to MWAA Serverless";
    public static final String HYBRID = "hybrid: Airflow outer loop, Step Functions inner loop";

    public static final String MWAA = "mwaa";
    public static final String STEP_FUNCTIONS = "step-functions";
    public static final String MWAA_SERVERLESS = "mwaa-serverless";
    /** The hybrid alternative's platform: MWAA keeps the DAG, its mapped tasks run as a Step Functions Distributed Map. */
    public static final String HYBRID_PLATFORM = "hybrid";

    public DagMigration {
        alternatives = List.copyOf(alternatives);
        reasons = List.copyOf(reasons);
        blockers = List.copyOf(blockers);
        findings = List.copyOf(findings);
        work = work == null ? Optional.empty() : work;
    }

    /** Advice without the work read (laws and tests that price alternatives only). */
    public DagMigration(List<Alternative> alternatives, String verdict, List<String> reasons, List<String> blockers,
                        List<Finding> findings, Optional<CostCurve> curve, Optional<ConversionResult> conversion) {
        this(alternatives, verdict, reasons, blockers, findings, curve, conversion, Optional.empty());
    }

    /** The same advice with the environment plan's verdict, its reason first, and only {@code kept} findings. */
    public DagMigration decided(String newVerdict, String reason, List<Finding> kept) {
        List<String> r = new java.util.ArrayList<>();
        r.add(reason);
        r.addAll(reasons);
        return new DagMigration(alternatives, newVerdict, r, blockers, kept, curve, conversion, work);
    }

    /** Whether the verdict takes the DAG off MWAA entirely (so its environment may shrink). */
    public boolean leavesMwaa() {
        return verdict.equals(MOVE_TO_STEP_FUNCTIONS) || verdict.equals(MOVE_TO_SERVERLESS);
    }

    /** The alternative on a platform, when priced. */
    public Optional<Alternative> alternative(String platform) {
        return alternatives.stream().filter(a -> a.platform().equals(platform)).findFirst();
    }

    /** The platform the verdict moves the DAG to ("mwaa" when it stays). */
    public String targetPlatform() {
        if (verdict.equals(MOVE_TO_STEP_FUNCTIONS)) {
            return STEP_FUNCTIONS;
        }
        if (verdict.equals(MOVE_TO_SERVERLESS)) {
            return MWAA_SERVERLESS;
        }
        return MWAA;
    }
}
