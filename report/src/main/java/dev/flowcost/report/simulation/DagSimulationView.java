package dev.flowcost.report.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagRuns;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.TaskRunStats;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.report.inspect.DagInspectionView;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code flowcost simulate} prints for an Airflow DAG: per run (task instances, makespan, peak concurrency,
 * slot-seconds) and, when the runs per month are known, a month on its MWAA environment.
 */
public final class DagSimulationView {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String file;
    private final Dag dag;
    private final EnvironmentSpec environment;
    private final DagRuns runsPerMonth;
    private final DagRunResult run;
    private final Optional<EnvironmentMonthResult> month;
    private final long seed;

    public DagSimulationView(String file, Dag dag, EnvironmentSpec environment, DagRuns runsPerMonth, DagRunResult run,
                             Optional<EnvironmentMonthResult> month, long seed) {
        this.file = file;
        this.dag = dag;
        this.environment = environment;
        this.runsPerMonth = runsPerMonth;
        this.run = run;
        this.month = month;
        this.seed = seed;
    }

    private Set<String> defaultsUsed() {
        Set<String> all = new LinkedHashSet<>(run.defaultsUsed());
        month.ifPresent(m -> all.addAll(m.defaultsUsed()));
        return all;
    }

    public String json() {
        Map<String, TaskJson> tasks = new LinkedHashMap<>();
        for (Map.Entry<String, TaskRunStats> e : run.perTask().entrySet()) {
            TaskRunStats t = e.getValue();
            tasks.put(e.getKey(), new TaskJson(Rounding.of(t.expectedInstances()), Rounding.of(t.expectedSlotSeconds()),
                    Rounding.of(t.runProbability()), Rounding.of(t.skipProbability())));
        }
        MonthJson monthJson = month.map(m -> new MonthJson(Rounding.of(m.hoursPerMonth()),
                m.runsByDag().getOrDefault(dag.dagId(), 0), m.taskInstancesByDag().getOrDefault(dag.dagId(), 0L),
                Rounding.of(m.totalSlotSeconds()), Rounding.of(m.workerHoursAboveMinimum()),
                Rounding.of(m.queuedTaskSeconds()), Rounding.of(m.queuedTaskSecondsAtMaxWorkers()), m.peakWorkers(),
                m.peakRunningTasks(), m.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'), m.verdictReason()))
                .orElse(null);
        Json json = new Json(file, "dag", dag.dagId(), new EnvironmentJson(environment.name(),
                environment.environmentClass(), environment.minWorkers(), environment.maxWorkers()),
                runsPerMonth.runsPerMonth().isPresent() ? Rounding.of(runsPerMonth.runsPerMonth().getAsDouble()) : null,
                runsPerMonth.explanation(), new RunJson(run.runs(), seed, Rounding.of(run.meanTaskInstances()),
                new MakespanJson(Rounding.of(run.meanMakespanSeconds()), Rounding.of(run.p95MakespanSeconds())),
                run.peakConcurrentTasks(), Rounding.of(run.meanSlotSeconds()), Rounding.of(run.successProbability())),
                tasks, monthJson, defaultsUsed(), dev.flowcost.report.json.DiagnosticJson.array(run.diagnostics()));
        try {
            return MAPPER.writeValueAsString(json) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The JSON of {@code simulate} for a DAG, field by field (the README's contract): {@code runsPerMonth} is null
     * when the schedule gives none, and {@code month} is left out then.
     */
    record Json(String file, String type, String dagId, EnvironmentJson environment, BigDecimal runsPerMonth,
                String runsPerMonthExplanation, RunJson run, Map<String, TaskJson> tasks,
                @JsonInclude(JsonInclude.Include.NON_NULL) MonthJson month, Set<String> defaultsUsed,
                JsonNode diagnostics) {
    }

    record EnvironmentJson(String name, String environmentClass, int minWorkers, int maxWorkers) {
    }

    record RunJson(int runs, long seed, BigDecimal taskInstances, MakespanJson makespanSeconds, int peakConcurrentTasks,
                   BigDecimal slotSeconds, BigDecimal successProbability) {
    }

    record MakespanJson(BigDecimal mean, BigDecimal p95) {
    }

    record TaskJson(BigDecimal instances, BigDecimal slotSeconds, BigDecimal runProbability,
                    BigDecimal skipProbability) {
    }

    record MonthJson(BigDecimal hours, int runs, long taskInstances, BigDecimal slotSeconds,
                     BigDecimal workerHoursAboveMinimum, BigDecimal queuedTaskSeconds,
                     BigDecimal queuedTaskSecondsAtMaxWorkers, int peakWorkers, int peakRunningTasks, String sizing,
                     String sizingReason) {
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s — DAG %s on %s (%d–%d workers)%n%n", file, dag.dagId(),
                environment.environmentClass(), environment.minWorkers(), environment.maxWorkers()));
        int w = Math.max(4, run.perTask().keySet().stream().mapToInt(String::length).max().orElse(4));
        b.append(String.format(Locale.ROOT, "%-" + w + "s %12s %14s %10s%n", "Task", "Instances", "Slot-seconds", "Skipped"));
        for (Map.Entry<String, TaskRunStats> e : run.perTask().entrySet()) {
            b.append(String.format(Locale.ROOT, "%-" + w + "s %,12.2f %,14.1f %9.0f%%%n", e.getKey(),
                    e.getValue().expectedInstances(), e.getValue().expectedSlotSeconds(), 100 * e.getValue().skipProbability()));
        }
        b.append(String.format(Locale.ROOT, "%nPer run (%,d simulated, seed %d): %,.2f task instances, makespan mean %,.0f s "
                        + "(p95 %,.0f s), peak %d concurrent tasks, %,.0f slot-seconds, success %.1f%%%n", run.runs(), seed,
                run.meanTaskInstances(), run.meanMakespanSeconds(), run.p95MakespanSeconds(), run.peakConcurrentTasks(),
                run.meanSlotSeconds(), 100 * run.successProbability()));
        b.append("Runs per month: ").append(runsPerMonth.explanation()).append('\n');
        month.ifPresent(m -> b.append(String.format(Locale.ROOT,
                "Month on %s: %,.1f worker-hours above the minimum, peak %d workers and %d running tasks, "
                        + "%,.0f task-seconds queued; sizing: %s (%s)%n", m.environmentClass(), m.workerHoursAboveMinimum(),
                m.peakWorkers(), m.peakRunningTasks(), m.queuedTaskSeconds(),
                m.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '), m.verdictReason())));
        Set<String> defaults = defaultsUsed();
        if (!defaults.isEmpty()) {
            b.append("\nDefaults used (give these in a workload file to change them):\n");
            defaults.forEach(d -> b.append("  - ").append(d).append('\n'));
        }
        run.diagnostics().forEach(d -> b.append(d.render()).append('\n'));
        return b.toString();
    }
}
