package dev.flowcost.core.workload;

/** Standard or Express: a state machine's type is set when it is created, not in its definition. */
public enum WorkflowType {
    STANDARD, EXPRESS;

    /**
     * Express's longest execution, 5 minutes (Standard's is a year): a service limit, not a default, so it is not a
     * row of the defaults table. Source: https://docs.aws.amazon.com/step-functions/latest/dg/concepts-standard-vs-express.html
     */
    public static final int EXPRESS_MAX_DURATION_SECONDS = 300;
}
