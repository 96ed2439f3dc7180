package dev.flowcost.core.usage;

import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkloadOrigin;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one resolution of a workflow's usage: each value the engines and the advisor need, from the workload when it
 * says, else from a calibration, else from the defaults table ({@link UsageDefaults}), each with its
 * {@link Provenance}. The exact analyzer, the rules' context and the DAG migration all read their values here, so a
 * value is resolved the same way everywhere and a report can say where it came from. Warnings about workload entries
 * that match nothing stay with {@link dev.flowcost.core.workload.WorkloadMatching}.
 */
public final class WorkflowUsage {

    private final String workflow;
    private final WorkflowWorkload workload;
    private final WorkloadOrigin origin;
    private final Map<String, String> calibrated;

    private WorkflowUsage(String workflow, WorkflowWorkload workload, WorkloadOrigin origin,
                          Map<String, String> calibrated) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.workload = workload == null ? WorkflowWorkload.defaults() : workload;
        this.origin = origin == null ? WorkloadOrigin.NONE : origin;
        this.calibrated = Map.copyOf(calibrated);
    }

    /** The usage of workflow {@code name} in {@code workload} (defaults when the workload does not name it). */
    public static WorkflowUsage of(String name, Workload workload) {
        return new WorkflowUsage(name, workload.workflowOrDefault(name), workload.origin(), workload.calibration());
    }

    /** The usage of one workflow's workload entry, with where the entry was written. */
    public static WorkflowUsage of(String name, WorkflowWorkload workload, WorkloadOrigin origin) {
        return new WorkflowUsage(name, workload, origin, Map.of());
    }

    /** The usage of a workload entry with no file behind it (made in memory, or a draft's own). */
    public static WorkflowUsage of(WorkflowWorkload workload) {
        return new WorkflowUsage("", workload, WorkloadOrigin.NONE, Map.of());
    }

    /**
     * The same usage, values the workload holds from a calibration marked so: {@code detail} by label
     * ({@code <workflow>.states.<path>.<key>}, {@code <workflow>.tasks.<task>.<key>}, {@code <workflow>.<key>}, as
     * {@code calibrate} names its values).
     */
    public WorkflowUsage withCalibration(Map<String, String> detailByLabel) {
        return new WorkflowUsage(workflow, workload, origin, detailByLabel);
    }

    /** The workload entry resolved from. */
    public WorkflowWorkload workload() {
        return workload;
    }

    /** Executions a month of a state machine. */
    public Resolved executionsPerMonth() {
        return resolve(workload.executionsPerMonth(), UsageDefaults.EXECUTIONS_PER_MONTH, "", "", "executionsPerMonth");
    }

    /**
     * Mean seconds of one attempt of a state of type {@code stateType} ("Task", "Wait", "Pass", ...): the workload's,
     * else the table's default for that type of state. (A Wait state's own time, when its definition gives one,
     * comes before this.)
     */
    public Resolved stateSeconds(String path, String stateType) {
        UsageKey row = "Task".equals(stateType) ? UsageDefaults.TASK_SECONDS
                : "Wait".equals(stateType) ? UsageDefaults.WAIT_SECONDS : UsageDefaults.STATE_SECONDS;
        return resolve(state(path).durationSeconds(), row, "states", path, "durationSeconds");
    }

    /** Mean items a Map state iterates per entry. */
    public Resolved items(String mapPath) {
        Optional<StepWorkload> w = workload.state(mapPath);
        OptionalDouble given = w.flatMap(StepWorkload::items).map(i -> OptionalDouble.of(i.mean()))
                .orElse(OptionalDouble.empty());
        return resolve(given, UsageDefaults.MAP_ITEMS, "states", mapPath, "items");
    }

    /** Memory of the Lambda function a Task state invokes. */
    public Resolved lambdaMemoryMb(String path) {
        StepWorkload w = state(path);
        OptionalDouble given = w.memoryMb().isPresent() ? OptionalDouble.of(w.memoryMb().getAsInt())
                : OptionalDouble.empty();
        return resolve(given, UsageDefaults.LAMBDA_MEMORY_MB, "states", path, "memoryMb");
    }

    /** Mean seconds of one attempt of an Airflow task (for a sensor, its wait), by its operator family's default. */
    public Resolved taskSeconds(String taskId, OperatorFamily family) {
        StepWorkload w = workload.task(taskId).orElse(StepWorkload.empty());
        return resolve(w.durationSeconds(), UsageDefaults.taskSeconds(family), "tasks", taskId, "durationSeconds");
    }

    /** Billed memory of the EXPRESS children of the workflow's Distributed Maps (the workflow's billedMemoryMb). */
    public Resolved expressChildMemoryMb() {
        OptionalDouble given = workload.billedMemoryMb().isPresent()
                ? OptionalDouble.of(workload.billedMemoryMb().getAsInt()) : OptionalDouble.empty();
        return resolve(given, UsageDefaults.EXPRESS_CHILD_MEMORY_MB, "", "", "billedMemoryMb");
    }

    /** Memory of the Lambda function that replaces an Airflow task's worker code. */
    public Resolved convertedLambdaMemoryMb(String taskId) {
        StepWorkload w = workload.task(taskId).orElse(StepWorkload.empty());
        OptionalDouble given = w.memoryMb().isPresent() ? OptionalDouble.of(w.memoryMb().getAsInt())
                : OptionalDouble.empty();
        return resolve(given, UsageDefaults.CONVERTED_LAMBDA_MEMORY_MB, "tasks", taskId, "memoryMb");
    }

    private StepWorkload state(String path) {
        return workload.state(path).orElse(StepWorkload.empty());
    }

    private Resolved resolve(OptionalDouble given, UsageKey row, String section, String step, String key) {
        if (given.isEmpty()) {
            return Resolved.defaulted(row);
        }
        String label = workflow + (section.isEmpty() ? "" : "." + section + "." + step) + "." + row.key()
                .replaceAll("\\[.*]$", "");
        String detail = calibrated.get(label);
        if (detail != null) {
            return new Resolved(given.getAsDouble(), row.unit(), new Provenance.Calibrated(detail));
        }
        return new Resolved(given.getAsDouble(), row.unit(), new Provenance.FromWorkload(origin.file(),
                line(section, step, key)));
    }

    /** The line of the value in the workload file: its key's, else the step's entry, else the workflow's, else 0. */
    private int line(String section, String step, String key) {
        String wf = "/workflows/" + SourceLocation.escapeToken(workflow);
        if (!key.isEmpty()) {
            String entry = section.isEmpty() ? wf : wf + "/" + section + "/" + SourceLocation.escapeToken(step);
            SourceLocation exact = origin.locations().get(entry + "/" + SourceLocation.escapeToken(key));
            if (exact != null) {
                return exact.line();
            }
        }
        if (!section.isEmpty()) {
            SourceLocation at = origin.locations().get(wf + "/" + section + "/" + SourceLocation.escapeToken(step));
            if (at == null) {
                // written by its last segment ("Charge" for "Fan/Charge"), as WorkloadMatching reads it
                String last = step.substring(Math.max(step.lastIndexOf('/'), step.lastIndexOf('.')) + 1);
                at = origin.locations().get(wf + "/" + section + "/" + SourceLocation.escapeToken(last));
            }
            if (at != null) {
                return at.line();
            }
        }
        SourceLocation w = origin.locations().get(wf);
        return w == null ? 0 : w.line();
    }
}
