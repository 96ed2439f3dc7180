package dev.flowcost.core.count;

import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.convert.ConversionResult;
import dev.flowcost.core.convert.DagToAslConverter;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.EnvironmentClass;
import dev.flowcost.core.simulate.ExactAnalyzer;
import dev.flowcost.core.simulate.ExactResult;
import dev.flowcost.core.simulate.MonteCarloSimulator;
import dev.flowcost.core.simulate.TailShare;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.DagRunSimulator;
import dev.flowcost.core.simulate.dag.DagSchedule;
import dev.flowcost.core.simulate.dag.DagSimulationSettings;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.EnvironmentMonths;
import dev.flowcost.core.simulate.dag.EnvironmentSimulator;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counting stage's entry points: the one place the simulators and the converter run for an analysis. Each is a
 * pure function of its input and seed, so the same input counts the same.
 */
public final class Counting {

    /** Executions simulated per state machine for its duration tails (and iterations per Map). */
    public static final long TAIL_EXECUTIONS = 10_000;

    private Counting() {
    }

    /** A state machine's exact counts, and its duration tails unless the exact analysis found errors. */
    public static MachineCounts machine(StateMachine machine, WorkflowWorkload workload, long seed) {
        ExactResult exact = ExactAnalyzer.analyze(machine, workload);
        if (exact.hasErrors()) {
            return new MachineCounts(exact, TailShare.EMPTY, Map.of(), 0, seed);
        }
        // simulated when a time-limited rule first asks: most workflows are never checked against a limit
        TailShare whole = TailShare.lazy(() -> tail(machine, workload, seed));
        Map<String, TailShare> perMap = new LinkedHashMap<>();
        for (Map.Entry<String, State> e : StatePaths.of(machine).entrySet()) {
            if (e.getValue() instanceof MapState m) {
                String path = e.getKey();
                perMap.put(path, TailShare.lazy(() -> tail(m.processor(), within(workload, path), seed)));
            }
        }
        return new MachineCounts(exact, whole, perMap, TAIL_EXECUTIONS, seed);
    }

    private static TailShare tail(StateMachine machine, WorkflowWorkload workload, long seed) {
        try {
            return MonteCarloSimulator.durationTail(machine, workload, TAIL_EXECUTIONS, seed);
        } catch (RuntimeException e) {
            return TailShare.EMPTY; // the exact analysis reports what is wrong with the machine
        }
    }

    /** The workload of the states inside {@code mapPath}, keyed as if its item processor were the machine. */
    public static WorkflowWorkload within(WorkflowWorkload w, String mapPath) {
        String prefix = mapPath + "/";
        Map<String, StepWorkload> states = new LinkedHashMap<>();
        w.states().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                states.put(k.substring(prefix.length()), v);
            }
        });
        return new WorkflowWorkload(w.workflowType(), w.executionsPerMonth(), w.billedMemoryMb(), states, w.tasks(),
                w.lambdaArchitecture());
    }

    /** A DAG's draft: converted, given the workload its tasks imply, and counted exactly. */
    public static DraftCounts draft(Dag dag, WorkflowWorkload workload, double runsPerMonth) {
        ConversionResult conversion = DagToAslConverter.convert(dag, workload);
        WorkflowWorkload draft = DraftWorkload.of(conversion.machine(), dag, workload, runsPerMonth);
        return new DraftCounts(conversion, draft, ExactAnalyzer.analyze(conversion.machine(), draft));
    }

    /** A DAG's runs on {@code settings} (its environment's workers) and its draft. */
    public static DagCounts dag(DagSchedule schedule, DagSimulationSettings settings, int runs, long seed) {
        DagRunResult run = new DagRunSimulator().simulate(schedule.dag(), schedule.workload(), settings, runs, seed);
        try {
            return new DagCounts(run, java.util.Optional.of(draft(schedule.dag(), schedule.workload(),
                    schedule.runsPerMonth())), java.util.Optional.empty());
        } catch (RuntimeException e) {
            return new DagCounts(run, java.util.Optional.empty(), java.util.Optional.of(e.toString()));
        }
    }

    /**
     * An environment's month with all its DAGs, its counterfactual months (bounded by {@code maxResimulations}, at
     * {@code planningTaskInstances} fidelity) and each DAG's counts ({@code dagRuns} simulated runs each).
     */
    public static EnvironmentCounts environment(EnvironmentSpec env, List<DagSchedule> schedules, double hoursPerMonth,
                                                long seed, int dagRuns, int maxResimulations,
                                                double planningTaskInstances) {
        DagSimulationSettings month = EnvironmentSimulator.defaultSettings();
        EnvironmentMonthResult result = new EnvironmentSimulator().simulate(env, schedules, hoursPerMonth, month, seed);
        EnvironmentMonths months = EnvironmentMonths.memoised(env, schedules, hoursPerMonth, month, seed,
                maxResimulations, planningTaskInstances);
        DagSimulationSettings workers = DagSimulationSettings.forEnvironment(
                EnvironmentClass.parseOrFallback(env.environmentClass()), env.minWorkers());
        Map<String, DagCounts> dags = new LinkedHashMap<>();
        for (DagSchedule s : schedules) {
            dags.put(s.dag().dagId(), dag(s, workers, dagRuns, seed));
        }
        return new EnvironmentCounts(result, months, dags);
    }
}
