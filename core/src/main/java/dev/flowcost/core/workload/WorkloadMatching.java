package dev.flowcost.core.workload;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches a workload's entries to the workflows read, once, before anything is counted (issue 12, item 5: nothing the
 * user wrote is ignored silently). Every entry that matches nothing — a workflow no input defines, a state the machine
 * does not have, a task id the DAG does not have, an environment glob no DAG fits — becomes a warning naming the
 * workload's file, line and column, with the closest real name. A bare state name that names exactly one state of the
 * machine (ASL state names are unique in the whole machine) is taken as that state's path ({@code Charge} for
 * {@code Fan/Charge}); a bare task id that is the last part of exactly one TaskGroup-prefixed id is taken as that id
 * ({@code load} for {@code etl.load}). Both are said in an info line, so the user sees the reading.
 */
public final class WorkloadMatching {

    private WorkloadMatching() {
    }

    /**
     * The workload with bare names resolved, and the diagnostics of matching.
     *
     * @param workload       the workload as read
     * @param statePaths     every state path of each state machine, by workflow name
     * @param taskIds        every task id of each DAG, by dag_id
     */
    public static Result match(Workload workload, Map<String, ? extends Collection<String>> statePaths,
                               Map<String, ? extends Collection<String>> taskIds) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        WorkloadOrigin origin = workload.origin();
        Set<String> names = new java.util.LinkedHashSet<>(statePaths.keySet());
        names.addAll(taskIds.keySet());
        Map<String, WorkflowWorkload> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, WorkflowWorkload> e : workload.workflows().entrySet()) {
            String name = e.getKey();
            String pointer = "/workflows/" + SourceLocation.escapeToken(name);
            WorkflowWorkload w = e.getValue();
            if (Workload.ANY_WORKFLOW.equals(name)) {
                resolved.put(name, w);
                continue;
            }
            if (statePaths.containsKey(name)) {
                w = withStates(w, resolve(w.states(), statePaths.get(name), "/", "state", name, pointer + "/states",
                        origin, diagnostics));
            } else if (taskIds.containsKey(name)) {
                w = withTasks(w, resolve(w.tasks(), taskIds.get(name), ".", "task", name, pointer + "/tasks",
                        origin, diagnostics));
            } else {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.WORKLOAD_NO_MATCH, origin.file(), origin.at(pointer),
                        "the workload names workflow \""
                        + name + "\", which no input defines; its entries are not used" + closest(name, names)
                        + (names.isEmpty() ? "" : " (workflows read: " + list(names) + ")")));
            }
            resolved.put(name, w);
        }
        for (EnvironmentSpec env : workload.environments().values()) {
            for (int i = 0; i < env.dags().size(); i++) {
                String glob = env.dags().get(i);
                if ("*".equals(glob) || taskIds.isEmpty()) {
                    continue;
                }
                EnvironmentSpec one = new EnvironmentSpec(env.name(), env.environmentClass(), env.minWorkers(),
                        env.maxWorkers(), env.schedulers(), env.webServers(), env.metadataStorageGb(), List.of(glob));
                if (taskIds.keySet().stream().noneMatch(one::hosts)) {
                    String pointer = "/environments/" + SourceLocation.escapeToken(env.name()) + "/dags/" + i;
                    diagnostics.add(Diagnostic.warning(DiagnosticCode.WORKLOAD_NO_MATCH, origin.file(),
                            origin.at(pointer), "environment " + env.name()
                            + ": dags entry \"" + glob + "\" matches no DAG read" + closest(glob, taskIds.keySet())
                            + " (DAGs read: " + list(taskIds.keySet()) + ")"));
                }
            }
        }
        return new Result(workload.withWorkflows(resolved), diagnostics);
    }

    /**
     * Matching for a command that reads one workflow ({@code simulate}, {@code convert}): only that workflow's entry is
     * matched, so a workload shared by many workflows does not warn about the others.
     */
    public static Result matchOne(Workload workload, String name, Collection<String> statePaths,
                                  Collection<String> taskIds) {
        Map<String, WorkflowWorkload> only = new LinkedHashMap<>();
        workload.workflow(name).ifPresent(w -> only.put(name, w));
        Workload one = new Workload(workload.region(), workload.hoursPerMonth(), only, Map.of(), workload.origin(),
                workload.migration(), workload.calibration());
        Result r = match(one, statePaths.isEmpty() && !taskIds.isEmpty() ? Map.of() : Map.of(name, statePaths),
                taskIds.isEmpty() ? Map.of() : Map.of(name, taskIds));
        Map<String, WorkflowWorkload> all = new LinkedHashMap<>(workload.workflows());
        all.putAll(r.workload().workflows());
        return new Result(workload.withWorkflows(all), r.diagnostics());
    }

    /** What matching made of the workload. */
    public record Result(Workload workload, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private static Map<String, StepWorkload> resolve(Map<String, StepWorkload> entries, Collection<String> real,
                                                     String separator, String what, String workflow, String pointer,
                                                     WorkloadOrigin origin, List<Diagnostic> diagnostics) {
        Map<String, StepWorkload> out = new LinkedHashMap<>();
        for (Map.Entry<String, StepWorkload> e : entries.entrySet()) {
            String key = e.getKey();
            SourceLocation at = origin.at(pointer + "/" + SourceLocation.escapeToken(key));
            if (real.contains(key)) {
                out.putIfAbsent(key, e.getValue());
                continue;
            }
            List<String> bySuffix = real.stream().filter(r -> r.endsWith(separator + key)
                    && r.lastIndexOf(separator) == r.length() - key.length() - separator.length()).toList();
            if (bySuffix.size() == 1) {
                String full = bySuffix.get(0);
                if (entries.containsKey(full)) {
                    diagnostics.add(Diagnostic.warning(DiagnosticCode.WORKLOAD_DOUBTFUL, origin.file(), at,
                            workflow + ": " + what + " \"" + key
                            + "\" is \"" + full + "\", which the workload also names; the entry \"" + full
                            + "\" is used"));
                } else {
                    diagnostics.add(Diagnostic.info(DiagnosticCode.WORKLOAD_MATCHED, origin.file(), at, workflow + ": " + what + " \"" + key
                            + "\" read as \"" + full + "\", the only " + what + " of that name"));
                    out.put(full, e.getValue());
                }
                continue;
            }
            String detail = bySuffix.size() > 1 ? "; it could be any of " + list(bySuffix) + ": give the full "
                    + (what.equals("state") ? "path" : "id")
                    : closest(key, real);
            diagnostics.add(Diagnostic.warning(DiagnosticCode.WORKLOAD_NO_MATCH, origin.file(), at,
                    workflow + ": the workload names " + what + " \""
                    + key + "\", which " + workflow + " does not have; its entry is not used" + detail));
        }
        return out;
    }

    /** " (did you mean "x"?)" for the real name closest to {@code key}, by the whole name or by its last part. */
    static String closest(String key, Collection<String> real) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String k = key.toLowerCase(Locale.ROOT);
        for (String r : real) {
            String lower = r.toLowerCase(Locale.ROOT);
            int d = Math.min(WorkloadReader.distance(k, lower), WorkloadReader.distance(k, last(lower)));
            if (d < bestDistance || (d == bestDistance && best != null && r.compareTo(best) < 0)) {
                bestDistance = d;
                best = r;
            }
        }
        int allowed = Math.max(2, key.length() / 3);
        return best == null || bestDistance > allowed ? "" : " (did you mean \"" + best + "\"?)";
    }

    private static String last(String name) {
        int i = Math.max(name.lastIndexOf('/'), name.lastIndexOf('.'));
        return i < 0 ? name : name.substring(i + 1);
    }

    private static String list(Collection<String> names) {
        List<String> sorted = names.stream().sorted().limit(8).toList();
        return String.join(", ", sorted) + (names.size() > 8 ? ", ... (" + names.size() + " in all)" : "");
    }

    private static WorkflowWorkload withStates(WorkflowWorkload w, Map<String, StepWorkload> states) {
        return new WorkflowWorkload(w.workflowType(), w.executionsPerMonth(), w.billedMemoryMb(), states, w.tasks(),
                w.lambdaArchitecture());
    }

    private static WorkflowWorkload withTasks(WorkflowWorkload w, Map<String, StepWorkload> tasks) {
        return new WorkflowWorkload(w.workflowType(), w.executionsPerMonth(), w.billedMemoryMb(), w.states(), tasks,
                w.lambdaArchitecture());
    }
}
