package dev.flowcost.core.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.SourceLocation;

/**
 * One top-level rule of a Choice state: a condition (JSONPath comparison, And/Or/Not, or a JSONata Condition)
 * and the state it leads to. The condition is kept as written; flowcost weights branches from the workload,
 * it never evaluates conditions.
 *
 * @param index     0-based position in Choices; the workload weights branches by this index
 * @param next      the rule's Next
 * @param condition the rule object as written
 */
public record ChoiceRule(int index, String next, JsonNode condition, SourceLocation location) {
    public ChoiceRule {
        next = next == null ? "" : next;
    }
}
