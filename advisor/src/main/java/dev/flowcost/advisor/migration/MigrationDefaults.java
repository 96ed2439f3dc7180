package dev.flowcost.advisor.migration;

import java.math.BigDecimal;

/**
 * Every default the migration rules assume when the inputs do not say, in one place so reports can list them and a
 * reviewer can challenge them.
 */
public final class MigrationDefaults {

    /** Memory of a Lambda function that replaces worker code when the workload gives none: 1,024 MB. */
    public static final int LAMBDA_MEMORY_MB = 1024;
    /** Longest a Lambda invocation may run: 900 s (15 minutes); longer worker code goes to Fargate. */
    public static final double LAMBDA_MAX_SECONDS = 900;
    /** vCPU of a Fargate task that replaces long worker code: 1. */
    public static final BigDecimal FARGATE_VCPU = BigDecimal.ONE;
    /** Memory of that Fargate task: 2 GB. */
    public static final BigDecimal FARGATE_MEMORY_GB = BigDecimal.valueOf(2);
    /** Longest an MWAA Serverless task may run: 3,600 s (60 minutes). */
    public static final double SERVERLESS_MAX_TASK_SECONDS = 3600;
    /** Billed memory of an EXPRESS child of a converted Distributed Map: 64 MB (the smallest billed step). */
    public static final int EXPRESS_CHILD_MEMORY_MB = 64;
    /** Hybrid: mapped tasks must hold at least this share of the DAG's worker slot-seconds: 50 %. */
    public static final double HYBRID_MIN_MAPPED_SLOT_SHARE = 0.5;
    /** Points of a cost curve. */
    public static final int CURVE_POINTS = 12;
    /** A cost curve runs from 1 run a month to this multiple of the current runs (further when the break-even lies beyond). */
    public static final int CURVE_MAX_MULTIPLE = 10;

    private MigrationDefaults() {
    }
}
