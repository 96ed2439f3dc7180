package dev.flowcost.core.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a definition cannot say: how often workflows run, how many items their Maps see, how often tasks fail,
 * how long they take, and which MWAA environments host which DAGs. Follows the workload-file contract in DESIGN.md.
 *
 * @param region        AWS region code for prices ("us-east-1" unless given)
 * @param hoursPerMonth hours in a billing month (730 unless given)
 * @param workflows     per workflow, keyed by state machine file stem or DAG id
 * @param environments  MWAA environments by name
 * @param origin        where the entries were written (file, line and column per entry), for warnings
 * @param migration     what a move off MWAA costs in people's time (the {@code migration:} section)
 * @param calibration   values that came from data, by label ({@code orders.states.Fan.items}) with what they came
 *                      from ("1,204 executions, 2026-10-01..2026-10-31"), so every number can say so
 */
public record Workload(String region, double hoursPerMonth, Map<String, WorkflowWorkload> workflows,
                       Map<String, EnvironmentSpec> environments, WorkloadOrigin origin, MigrationSettings migration,
                       Map<String, String> calibration) {

    public static final String DEFAULT_REGION = "us-east-1";
    /** The defaults table's {@link dev.flowcost.core.usage.UsageDefaults#HOURS_PER_MONTH}. */
    public static final double DEFAULT_HOURS_PER_MONTH = dev.flowcost.core.usage.UsageDefaults.HOURS_PER_MONTH.value();
    /**
     * Reserved workflow name for a workload that names no workflow (a file without {@code workflows:}): it applies
     * to whichever single input is analyzed, and to any workflow the file does not name.
     */
    public static final String ANY_WORKFLOW = "*";

    public Workload {
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        hoursPerMonth = hoursPerMonth > 0 ? hoursPerMonth : DEFAULT_HOURS_PER_MONTH;
        workflows = Collections.unmodifiableMap(new LinkedHashMap<>(workflows));
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        origin = origin == null ? WorkloadOrigin.NONE : origin;
        migration = migration == null ? MigrationSettings.NONE : migration;
        calibration = calibration == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(calibration));
    }

    /** A workload with its migration settings, none of whose values came from data. */
    public Workload(String region, double hoursPerMonth, Map<String, WorkflowWorkload> workflows,
                    Map<String, EnvironmentSpec> environments, WorkloadOrigin origin, MigrationSettings migration) {
        this(region, hoursPerMonth, workflows, environments, origin, migration, Map.of());
    }

    /** The same workload, with the values {@code calibrate} wrote marked as coming from data. */
    public Workload withCalibration(Map<String, String> detailByLabel) {
        return new Workload(region, hoursPerMonth, workflows, environments, origin, migration, detailByLabel);
    }

    /** A workload without a {@code migration:} section. */
    public Workload(String region, double hoursPerMonth, Map<String, WorkflowWorkload> workflows,
                    Map<String, EnvironmentSpec> environments, WorkloadOrigin origin) {
        this(region, hoursPerMonth, workflows, environments, origin, MigrationSettings.NONE);
    }

    /** A workload made in memory, written nowhere. */
    public Workload(String region, double hoursPerMonth, Map<String, WorkflowWorkload> workflows,
                    Map<String, EnvironmentSpec> environments) {
        this(region, hoursPerMonth, workflows, environments, WorkloadOrigin.NONE);
    }

    /** The same workload with other workflow entries (bare names resolved to paths, say), from the same file. */
    public Workload withWorkflows(Map<String, WorkflowWorkload> replaced) {
        return new Workload(region, hoursPerMonth, replaced, environments, origin, migration, calibration);
    }

    /** No workload file: every default applies. */
    public static Workload defaults() {
        return new Workload(DEFAULT_REGION, DEFAULT_HOURS_PER_MONTH, Map.of(), Map.of());
    }

    /** The workload for one workflow, by its name (file stem or dag_id). */
    public Optional<WorkflowWorkload> workflow(String name) {
        return Optional.ofNullable(workflows.get(name));
    }

    /**
     * The workload for one workflow: by its name, else the {@link #ANY_WORKFLOW} entry, else the defaults when the
     * file does not name it.
     */
    public WorkflowWorkload workflowOrDefault(String name) {
        WorkflowWorkload w = workflows.get(name);
        if (w != null) {
            return w;
        }
        return workflows.getOrDefault(ANY_WORKFLOW, WorkflowWorkload.defaults());
    }
}
