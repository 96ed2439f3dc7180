package dev.flowcost.core.workload;

import dev.flowcost.core.dag.EnvironmentClass;
import java.util.List;

/**
 * One Amazon MWAA environment as the workload (or infrastructure code) describes it: its class, worker and scheduler
 * counts, metadata storage, and which DAGs it hosts (dag_id globs). What a description leaves out takes the value
 * MWAA's CreateEnvironment gives it (https://docs.aws.amazon.com/mwaa/latest/API/API_CreateEnvironment.html):
 * class mw1.small, 1 to 10 workers, and 2 schedulers and 2 web servers, or 1 of each on mw1.micro; every reader
 * (workload file, CloudFormation, Terraform) and the implicit environment take them from here.
 */
public record EnvironmentSpec(String name, String environmentClass, int minWorkers, int maxWorkers, int schedulers,
                              int webServers, double metadataStorageGb, List<String> dags) {

    /** The class CreateEnvironment gives an environment that names none. */
    public static final String DEFAULT_CLASS = EnvironmentClass.MW1_SMALL.className();
    /** MinWorkers when not given. */
    public static final int DEFAULT_MIN_WORKERS = 1;
    /** MaxWorkers when not given. */
    public static final int DEFAULT_MAX_WORKERS = 10;

    public EnvironmentSpec {
        environmentClass = environmentClass == null || environmentClass.isBlank() ? DEFAULT_CLASS : environmentClass;
        minWorkers = Math.max(1, minWorkers);
        maxWorkers = Math.max(minWorkers, maxWorkers);
        schedulers = schedulers <= 0 ? defaultSchedulers(environmentClass) : schedulers;
        webServers = webServers <= 0 ? defaultWebServers(environmentClass) : webServers;
        dags = List.copyOf(dags);
    }

    /** An environment of {@code environmentClass} with every other count as CreateEnvironment gives it. */
    public static EnvironmentSpec withDefaults(String name, String environmentClass, List<String> dags) {
        return new EnvironmentSpec(name, environmentClass, DEFAULT_MIN_WORKERS, DEFAULT_MAX_WORKERS,
                defaultSchedulers(environmentClass), defaultWebServers(environmentClass), 0, dags);
    }

    /** Schedulers when not given: 2, or 1 on mw1.micro. */
    public static int defaultSchedulers(String environmentClass) {
        return isMicro(environmentClass) ? 1 : 2;
    }

    /** Minimum web servers when not given: 2, or 1 on mw1.micro. */
    public static int defaultWebServers(String environmentClass) {
        return isMicro(environmentClass) ? 1 : 2;
    }

    private static boolean isMicro(String environmentClass) {
        return EnvironmentClass.parse(environmentClass).filter(c -> c == EnvironmentClass.MW1_MICRO).isPresent();
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
