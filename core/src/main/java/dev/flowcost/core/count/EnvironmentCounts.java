package dev.flowcost.core.count;

import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.EnvironmentMonths;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An MWAA environment's counts: its simulated month with all its DAGs, the source of counterfactual months (the
 * same environment with fewer DAGs, on another class), and each DAG's own counts.
 *
 * @param month  the month with every DAG
 * @param months counterfactual months, memoised and bounded
 * @param dags   each DAG's counts by dag_id, in input order
 */
public record EnvironmentCounts(EnvironmentMonthResult month, EnvironmentMonths months, Map<String, DagCounts> dags) {

    public EnvironmentCounts {
        dags = Collections.unmodifiableMap(new LinkedHashMap<>(dags));
    }
}
