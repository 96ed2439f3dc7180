package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.Finding;

import java.util.List;

/** A {@link Rule} about an Airflow DAG: a pure function from the DAG's priced facts to findings (often none). */
public interface DagRule extends Rule {

    /** The findings this rule raises for the DAG; empty when it does not apply. */
    List<Finding> apply(DagContext ctx);
}
