package dev.flowcost.core.calibrate;

import java.util.Optional;

/** How an execution ended, from its last history event or from list-executions' status. */
public enum ExecutionOutcome {
    SUCCEEDED, FAILED, ABORTED, TIMED_OUT;

    /** The outcome an execution-ending history event type names, if it is one. */
    public static Optional<ExecutionOutcome> of(String eventType) {
        switch (eventType) {
            case "ExecutionSucceeded":
                return Optional.of(SUCCEEDED);
            case "ExecutionFailed":
                return Optional.of(FAILED);
            case "ExecutionAborted":
                return Optional.of(ABORTED);
            case "ExecutionTimedOut":
                return Optional.of(TIMED_OUT);
            default:
                return Optional.empty();
        }
    }
}
