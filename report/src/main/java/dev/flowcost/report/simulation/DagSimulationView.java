package dev.flowcost.report.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagRuns;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.TaskRunStats;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.report.inspect.DagInspectionView;
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
        ObjectNode root = MAPPER.createObjectNode();
        root.put("file", file);
        root.put("type", "dag");
        root.put("dagId", dag.dagId());
        ObjectNode env = root.putObject("environment");
        env.put("name", environment.name());
        env.put("environmentClass", environment.environmentClass());
        env.put("minWorkers", environment.minWorkers());
        env.put("maxWorkers", environment.maxWorkers());
        if (runsPerMonth.runsPerMonth().isPresent()) {
            root.put("runsPerMonth", Rounding.of(runsPerMonth.runsPerMonth().getAsDouble()));
        } else {
            root.putNull("runsPerMonth");
        }
        root.put("runsPerMonthExplanation", runsPerMonth.explanation());
        ObjectNode r = root.putObject("run");
        r.put("runs", run.runs());
        r.put("seed", seed);
        r.put("taskInstances", Rounding.of(run.meanTaskInstances()));
        r.putObject("makespanSeconds").put("mean", Rounding.of(run.meanMakespanSeconds())).put("p95", Rounding.of(run.p95MakespanSeconds()));
        r.put("peakConcurrentTasks", run.peakConcurrentTasks());
        r.put("slotSeconds", Rounding.of(run.meanSlotSeconds()));
        r.put("successProbability", Rounding.of(run.successProbability()));
        ObjectNode tasks = root.putObject("tasks");
        for (Map.Entry<String, TaskRunStats> e : run.perTask().entrySet()) {
            tasks.putObject(e.getKey()).put("instances", Rounding.of(e.getValue().expectedInstances()))
                    .put("slotSeconds", Rounding.of(e.getValue().expectedSlotSeconds()))
                    .put("runProbability", Rounding.of(e.getValue().runProbability()))
                    .put("skipProbability", Rounding.of(e.getValue().skipProbability()));
        }
        month.ifPresent(m -> {
            ObjectNode mo = root.putObject("month");
            mo.put("hours", Rounding.of(m.hoursPerMonth()));
            mo.put("runs", m.runsByDag().getOrDefault(dag.dagId(), 0));
            mo.put("taskInstances", m.taskInstancesByDag().getOrDefault(dag.dagId(), 0L));
            mo.put("slotSeconds", Rounding.of(m.totalSlotSeconds()));
            mo.put("workerHoursAboveMinimum", Rounding.of(m.workerHoursAboveMinimum()));
            mo.put("queuedTaskSeconds", Rounding.of(m.queuedTaskSeconds()));
            mo.put("queuedTaskSecondsAtMaxWorkers", Rounding.of(m.queuedTaskSecondsAtMaxWorkers()));
            mo.put("peakWorkers", m.peakWorkers());
            mo.put("peakRunningTasks", m.peakRunningTasks());
            mo.put("sizing", m.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            mo.put("sizingReason", m.verdictReason());
        });
        var defaults = root.putArray("defaultsUsed");
        defaultsUsed().forEach(defaults::add);
        root.set("diagnostics", dev.flowcost.report.json.DiagnosticJson.array(run.diagnostics()));
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
