package dev.flowcost.advisor.migration;

import dev.flowcost.core.usage.UsageDefaults;

import java.math.BigDecimal;

/**
 * The migration rules' thresholds (when a move pays, when a DAG is hybrid, the cost curve's extent), and, for their
 * callers, the workload defaults they read from the defaults table in core ({@link UsageDefaults}), where those live.
 */
public final class MigrationDefaults {

    /** Longest a Lambda invocation may run: 900 s (15 minutes); longer worker code goes to Fargate. */
    public static final double LAMBDA_MAX_SECONDS = 900;
    /** Longest an MWAA Serverless task may run: 3,600 s (60 minutes). */
    public static final double SERVERLESS_MAX_TASK_SECONDS = 3600;
    /** Hybrid: mapped tasks must hold at least this share of the DAG's worker slot-seconds: 50 %. */
    public static final double HYBRID_MIN_MAPPED_SLOT_SHARE = 0.5;
    /** Points of a cost curve. */
    public static final int CURVE_POINTS = 12;
    /** A cost curve runs from 1 run a month to this multiple of the current runs (further when the break-even lies beyond). */
    public static final int CURVE_MAX_MULTIPLE = 10;

    private MigrationDefaults() {
    }
}
