package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.workload.EnvironmentSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counterfactual months of one MWAA environment: what it would count with only some of its DAGs, on another class
 * or worker range. A planner asks this, never the simulator: months are memoised by (DAGs that stay, class,
 * workers), every one is simulated at the same fidelity and seed so two months differ only by what changed, and the
 * number of simulations is bounded (a month asked beyond the bound is refused, and the planner says so).
 */
public interface EnvironmentMonths {

    /**
     * The month with only {@code staying} DAGs on class {@code environmentClass} with the given workers, or empty
     * when the simulation budget is spent.
     */
    Optional<EnvironmentMonthResult> month(Set<String> staying, String environmentClass, int minWorkers, int maxWorkers);

    /** Simulations run so far (memoised answers not counted). */
    int simulationsRun();

    /** Months asked but refused because the budget was spent. */
    int refused();


    /**
     * A memoising source over the environment's DAGs.
     *
     * @param env              the environment as specified (name, schedulers, ...)
     * @param dags             every DAG it hosts, with runs a month
     * @param hoursPerMonth    the month's length
     * @param settings         Airflow limits as the environment simulation uses them
     * @param seed             one seed for every month
     * @param maxSimulations   the bound on simulations
     * @param maxTaskInstances the fidelity: months with more task instances are simulated over their first part
     */
    static EnvironmentMonths memoised(EnvironmentSpec env, List<DagSchedule> dags, double hoursPerMonth,
                                      DagSimulationSettings settings, long seed, int maxSimulations,
                                      double maxTaskInstances) {
        return new Memoised(env, dags, hoursPerMonth, settings, seed, maxSimulations, maxTaskInstances);
    }

    /** The memoising implementation. */
    final class Memoised implements EnvironmentMonths {
        private final EnvironmentSpec env;
        private final List<DagSchedule> dags;
        private final double hoursPerMonth;
        private final DagSimulationSettings settings;
        private final long seed;
        private final int maxSimulations;
        private final double maxTaskInstances;
        private final Map<String, EnvironmentMonthResult> memo = new HashMap<>();
        private int run;
        private int refused;

        Memoised(EnvironmentSpec env, List<DagSchedule> dags, double hoursPerMonth, DagSimulationSettings settings,
                 long seed, int maxSimulations, double maxTaskInstances) {
            this.env = env;
            this.dags = List.copyOf(dags);
            this.hoursPerMonth = hoursPerMonth;
            this.settings = settings;
            this.seed = seed;
            this.maxSimulations = maxSimulations;
            this.maxTaskInstances = maxTaskInstances;
        }

        @Override
        public synchronized Optional<EnvironmentMonthResult> month(Set<String> staying, String environmentClass,
                                                                   int minWorkers, int maxWorkers) {
            String key = new TreeSet<>(staying) + "|" + environmentClass + "|" + minWorkers + "|" + maxWorkers;
            EnvironmentMonthResult known = memo.get(key);
            if (known != null) {
                return Optional.of(known);
            }
            if (run >= maxSimulations) {
                refused++;
                return Optional.empty();
            }
            List<DagSchedule> kept = new ArrayList<>();
            for (DagSchedule d : dags) {
                if (staying.contains(d.dag().dagId())) {
                    kept.add(d);
                }
            }
            EnvironmentSpec spec = new EnvironmentSpec(env.name(), environmentClass, minWorkers,
                    Math.max(minWorkers, maxWorkers), env.schedulers(), env.webServers(), env.metadataStorageGb(),
                    env.dags());
            EnvironmentMonthResult m = new EnvironmentSimulator().simulate(spec, kept, hoursPerMonth, settings, seed,
                    maxTaskInstances);
            run++;
            memo.put(key, m);
            return Optional.of(m);
        }

        @Override
        public synchronized int simulationsRun() {
            return run;
        }

        @Override
        public synchronized int refused() {
            return refused;
        }
    }
}
