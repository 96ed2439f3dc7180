package dev.flowcost.core.input;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.Workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Joins the MWAA environments that infrastructure code declares with the workload's: the code says what the
 * environment is (class, workers, schedulers, web servers), the workload what the code cannot (which DAGs it hosts,
 * metadata storage). An environment only the code declares is costed with no DAGs, unless it is the only environment
 * and the workload places no DAG anywhere: then it hosts every DAG given.
 */
public final class IacEnvironments {

    private IacEnvironments() {
    }

    /**
     * The joined workload, the names its environments from code go by there, and what the joining had to say.
     */
    public record Merged(Workload workload, Set<String> declared, List<Diagnostic> diagnostics) {
        public Merged {
            declared = Set.copyOf(declared);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * @param workload      the workload file's (or the defaults when none was given)
     * @param environments  the environments read from infrastructure code
     * @param workloadGiven whether the user gave a workload file (else the code's region is used for prices)
     */
    public static Merged merge(Workload workload, List<IacEnvironment> environments, boolean workloadGiven) {
        if (environments.isEmpty()) {
            return new Merged(workload, Set.of(), List.of());
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, EnvironmentSpec> joined = new LinkedHashMap<>(workload.environments());
        Set<String> declared = new TreeSet<>();
        boolean onlyOne = environments.size() == 1 && workload.environments().isEmpty();
        for (IacEnvironment e : environments) {
            EnvironmentSpec code = e.spec();
            String key = workload.environments().containsKey(code.name()) ? code.name()
                    : workload.environments().containsKey(e.address()) ? e.address() : null;
            if (key == null) {
                List<String> dags = onlyOne ? List.of("*") : List.of();
                joined.put(code.name(), with(code, code.name(), dags, code.metadataStorageGb()));
                declared.add(code.name());
                if (onlyOne) {
                    diagnostics.add(Diagnostic.info(DiagnosticCode.IAC_ENVIRONMENT, e.file(),
                            new SourceLocation(e.pointer(), 0, 0), "environment "
                            + code.name() + " is the only MWAA environment: it hosts every DAG given"));
                }
                continue;
            }
            EnvironmentSpec given = workload.environments().get(key);
            if (!sameShape(given, code)) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.IAC_ENVIRONMENT, e.file(),
                        new SourceLocation(e.pointer(), 0, 0), "the workload's"
                        + " environment " + key + " (" + shape(given) + ") differs from what the code declares ("
                        + shape(code) + "); the code's values are used"));
            }
            joined.put(key, with(code, key, given.dags(), given.metadataStorageGb()));
            declared.add(key);
        }
        Set<String> regions = new TreeSet<>();
        environments.forEach(e -> e.region().ifPresent(regions::add));
        String region = workload.region();
        if (regions.size() == 1 && !regions.contains(region)) {
            String codeRegion = regions.iterator().next();
            IacEnvironment first = environments.get(0);
            if (workloadGiven) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.IAC_REGION, first.file(), SourceLocation.UNKNOWN, "the code puts its MWAA"
                        + " environments in " + codeRegion + " but prices are for " + region + " (the workload's"
                        + " region); give --region " + codeRegion + " to price them there"));
            } else {
                region = codeRegion;
                diagnostics.add(Diagnostic.info(DiagnosticCode.IAC_REGION, first.file(), SourceLocation.UNKNOWN,
                        "prices are for " + codeRegion
                        + ", the region the code declares"));
            }
        } else if (regions.size() > 1) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.IAC_REGION, environments.get(0).file(),
                    SourceLocation.UNKNOWN, "the code's MWAA"
                    + " environments are in " + String.join(", ", regions) + "; flowcost prices one region at a time ("
                    + region + ")"));
        }
        Workload merged = new Workload(region, workload.hoursPerMonth(), workload.workflows(), joined, workload.origin(),
                workload.migration(), workload.calibration());
        return new Merged(merged, declared, diagnostics);
    }

    private static EnvironmentSpec with(EnvironmentSpec code, String name, List<String> dags, double metadataGb) {
        return new EnvironmentSpec(name, code.environmentClass(), code.minWorkers(), code.maxWorkers(),
                code.schedulers(), code.webServers(), metadataGb, dags);
    }

    private static boolean sameShape(EnvironmentSpec a, EnvironmentSpec b) {
        return a.environmentClass().equals(b.environmentClass()) && a.minWorkers() == b.minWorkers()
                && a.maxWorkers() == b.maxWorkers() && a.schedulers() == b.schedulers()
                && a.webServers() == b.webServers();
    }

    private static String shape(EnvironmentSpec s) {
        return s.environmentClass() + ", " + s.minWorkers() + "–" + s.maxWorkers() + " workers, " + s.schedulers()
                + " schedulers, " + s.webServers() + " web servers";
    }
}
