package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.Finding;

import java.util.List;

/** A {@link Rule} about a state machine: a pure function from what is known of it to findings (often none). */
public interface StateMachineRule extends Rule {

    /** The findings this rule raises for the workflow; empty when it does not apply. */
    List<Finding> apply(StateMachineContext ctx);
}
