package dev.flowcost.core.workload;

import java.util.List;

/**
 * One Amazon MWAA environment as the workload describes it: its class, worker and scheduler counts, metadata
 * storage, and which DAGs it hosts (dag_id globs).
 */
public record EnvironmentSpec(String name, String environmentClass, int minWorkers, int maxWorkers, int schedulers,
                              int webServers, double metadataStorageGb, List<String> dags) {

    public EnvironmentSpec {
        environmentClass = environmentClass == null || environmentClass.isBlank() ? "mw1.small" : environmentClass;
        minWorkers = Math.max(1, minWorkers);
        maxWorkers = Math.max(minWorkers, maxWorkers);
        schedulers = schedulers <= 0 ? 2 : schedulers;
        webServers = webServers <= 0 ? 2 : webServers;
        dags = List.copyOf(dags);
    }

    /** Whether this environment hosts the DAG: its dag id matches one of the globs ({@code *} and {@code ?}). */
    public boolean hosts(String dagId) {
        for (String glob : dags) {
            if (dagId.matches(globToRegex(glob))) {
                return true;
            }
        }
        return false;
    }

    private static String globToRegex(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                b.append(".*");
            } else if (c == '?') {
                b.append('.');
            } else {
                b.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }
}
