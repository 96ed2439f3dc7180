package dev.flowcost.core.calibrate;

import java.time.Instant;

/**
 * One event of a Step Functions execution history, reduced to what calibration reads: the id and the id of the event
 * that caused it (which is how events of concurrent Map iterations and Parallel branches are told apart), when it
 * happened, its type, and the few detail fields that carry counts. Fields follow the HistoryEvent type of the Step
 * Functions API (https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html).
 *
 * @param id              the event's id (events are numbered from 1)
 * @param previousEventId the id of the event it follows (0 when none)
 * @param timestamp       when it happened
 * @param type            e.g. {@code TaskStateEntered}, {@code TaskFailed}, {@code MapStateStarted}
 * @param name            the state name of *StateEntered/*StateExited and MapIteration* details, else ""
 * @param error           the error of a *Failed / *TimedOut event, else ""
 * @param length          mapStateStartedEventDetails.length (items of the Map execution), or -1
 * @param arn             a resource ARN the details carry: mapRunStartedEventDetails.mapRunArn, or
 *                        executionStartedEventDetails.stateMachineVersionArn / stateMachineAliasArn, else ""
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, String name, String error,
                           long length, String arn) {

    public boolean isStateEntered() {
        return type.endsWith("StateEntered");
    }

    public boolean isStateExited() {
        return type.endsWith("StateExited");
    }
}
