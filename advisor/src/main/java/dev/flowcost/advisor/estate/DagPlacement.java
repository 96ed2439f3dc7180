package dev.flowcost.advisor.estate;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.Workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which MWAA environment hosts each DAG: the first workload environment whose {@code dags} globs match its dag_id,
 * else an implicit {@value #DEFAULT_NAME} environment (what CreateEnvironment makes when given nothing else: mw1.small,
 * 1–10 workers, 2 schedulers, see {@link EnvironmentSpec}) so a DAG without an environment still gets a price.
 */
public final class DagPlacement {

    public static final String DEFAULT_NAME = "default";

    private DagPlacement() {
    }

    /** The implicit environment for DAGs the workload places nowhere. */
    public static EnvironmentSpec defaultEnvironment() {
        return EnvironmentSpec.withDefaults(DEFAULT_NAME, EnvironmentSpec.DEFAULT_CLASS, List.of("*"));
    }

    /** Environments (in workload order, the implicit one last) with the DAGs each hosts; environments with none are kept. */
    public static Map<EnvironmentSpec, List<Dag>> place(List<Dag> dags, Workload workload) {
        Map<EnvironmentSpec, List<Dag>> out = new LinkedHashMap<>();
        for (EnvironmentSpec e : workload.environments().values()) {
            out.put(e, new ArrayList<>());
        }
        for (Dag d : dags) {
            out.computeIfAbsent(environmentOf(d, workload), e -> new ArrayList<>()).add(d);
        }
        return out;
    }

    /** The environment hosting one DAG: the first workload environment whose globs match it, else the implicit one. */
    public static EnvironmentSpec environmentOf(Dag dag, Workload workload) {
        return workload.environments().values().stream().filter(e -> e.hosts(dag.dagId())).findFirst()
                .orElseGet(DagPlacement::defaultEnvironment);
    }
}
