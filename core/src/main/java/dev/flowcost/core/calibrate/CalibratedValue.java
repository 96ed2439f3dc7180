package dev.flowcost.core.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One workload value that came from data, with where it came from, so the workload file and advise's text can say
 * "from 1,204 executions, 2026-10-01..2026-10-31" next to it.
 *
 * @param workflow   the workflow key (state machine file stem or dag_id)
 * @param section    "states" or "tasks" for a step value, "" for a workflow value
 * @param step       the state path or task_id ("" for a workflow value)
 * @param key        the workload key ("items", "errors", "durationSeconds", "executionsPerMonth", ...)
 * @param value      the value as the workload file writes it
 * @param provenance how many executions or task instances, the time range, the 95 % interval where one applies
 * @param interval   the 95 % interval of a single-number value, when one applies
 */
public record CalibratedValue(String workflow, String section, String step, String key, JsonNode value,
                              String provenance, Optional<Interval> interval) {

    /** "orders.states.Fan.items", for lists and messages. */
    public String label() {
        return workflow + (section.isEmpty() ? "" : "." + section + "." + step) + "." + key;
    }
}
