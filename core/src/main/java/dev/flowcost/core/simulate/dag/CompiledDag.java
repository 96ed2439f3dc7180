package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.dag.TriggerRule;
import dev.flowcost.core.workload.ItemCount;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.usage.Resolved;
import dev.flowcost.core.usage.WorkflowUsage;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A DAG and its workload turned into index-addressed arrays once, so the event loop never looks anything up by name.
 * Compiling is where defaults are chosen and recorded.
 */
final class CompiledDag {

    enum SensorKind { NONE, POKE, RESCHEDULE, DEFERRABLE }

    /** Ln-normal or fixed durations: mean with a spread fitted to p95. */
    record Duration(double mean, double mu, double sigma) {
        static Duration fixed(double seconds) {
            return new Duration(seconds, 0, 0);
        }

        double sample(SplittableRandom rng) {
            if (sigma <= 0 || mean <= 0) {
                return mean;
            }
            return Math.exp(mu + sigma * gaussian(rng));
        }

        private static double gaussian(SplittableRandom rng) {
            double u1 = 1.0 - rng.nextDouble();
            double u2 = rng.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
    }

    /** Everything the engine needs about one task. */
    static final class Plan {
        String taskId;
        TriggerRule rule;
        Duration duration;
        double failureProbability;
        int retries;
        double retryDelay;
        boolean exponentialBackoff;
        double maxRetryDelay;
        double executionTimeout;
        boolean mapped;
        ItemCount items;
        SensorKind sensor;
        double pokeInterval;
        double sensorTimeout;
        String pool;
        int poolSlots;
        /** For branch operators: cumulative weights over {@link #down} positions; null otherwise. */
        double[] branchCumulative;
    }

    final Dag dag;
    final int index;
    final Plan[] plans;
    final int[][] up;
    final int[][] down;
    final boolean[] leaf;
    final int maxActiveTasks;
    final int maxActiveRuns;
    final boolean cyclic;
    final List<String> defaultsUsed = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    private final WorkflowUsage usage;

    CompiledDag(Dag dag, WorkflowWorkload workload, DagSimulationSettings settings, int index) {
        this.dag = dag;
        this.index = index;
        this.usage = WorkflowUsage.of(workload);
        int n = dag.tasks().size();
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < n; i++) {
            idx.put(dag.tasks().get(i).taskId(), i);
        }
        List<List<Integer>> ups = new ArrayList<>();
        List<List<Integer>> downs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ups.add(new ArrayList<>());
            downs.add(new ArrayList<>());
        }
        for (Edge e : dag.edges()) {
            Integer u = idx.get(e.upstream());
            Integer d = idx.get(e.downstream());
            if (u == null || d == null) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.DAG_DEPENDENCY, dag.file(),
                        SourceLocation.ofLine(dag.line()), "DAG " + dag.dagId()
                        + ": edge " + e.upstream() + " >> " + e.downstream() + " names a task that does not exist; ignored"));
                continue;
            }
            if (!downs.get(u).contains(d)) {
                downs.get(u).add(d);
                ups.get(d).add(u);
            }
        }
        up = new int[n][];
        down = new int[n][];
        leaf = new boolean[n];
        for (int i = 0; i < n; i++) {
            up[i] = ups.get(i).stream().mapToInt(Integer::intValue).toArray();
            down[i] = downs.get(i).stream().mapToInt(Integer::intValue).toArray();
            leaf[i] = down[i].length == 0;
        }
        maxActiveTasks = dag.maxActiveTasks().isPresent() ? Math.max(1, dag.maxActiveTasks().getAsInt())
                : settings.maxActiveTasksPerDag();
        maxActiveRuns = dag.maxActiveRuns().isPresent() ? Math.max(1, dag.maxActiveRuns().getAsInt())
                : settings.maxActiveRunsPerDag();
        plans = new Plan[n];
        for (int i = 0; i < n; i++) {
            DagTask t = dag.tasks().get(i);
            plans[i] = plan(t, workload.task(t.taskId()).orElse(StepWorkload.empty()), settings, i);
        }
        cyclic = hasCycle(n);
        if (cyclic) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.DAG_CYCLE, dag.file(), SourceLocation.ofLine(dag.line()), "DAG " + dag.dagId()
                    + " has a cycle; tasks on it never run in the simulation"));
        }
    }

    private Plan plan(DagTask t, StepWorkload w, DagSimulationSettings settings, int i) {
        Plan p = new Plan();
        String id = t.taskId();
        p.taskId = id;
        p.rule = t.triggerRule();
        p.duration = duration(t, w);
        p.failureProbability = w.failureProbability();
        p.retries = Math.max(0, t.retries());
        if (t.retryDelaySeconds().isPresent()) {
            p.retryDelay = Math.max(0, t.retryDelaySeconds().getAsDouble());
        } else {
            p.retryDelay = TaskDurationDefaults.RETRY_DELAY_SECONDS;
            if (p.retries > 0) {
                defaultsUsed.add(id + ": retry_delay " + fmt(p.retryDelay) + " s (Airflow default)");
            }
        }
        p.exponentialBackoff = t.retryExponentialBackoff();
        p.maxRetryDelay = t.maxRetryDelaySeconds().orElse(Double.POSITIVE_INFINITY);
        p.executionTimeout = t.executionTimeoutSeconds().orElse(Double.POSITIVE_INFINITY);
        p.mapped = t.mapped();
        if (t.mapped()) {
            if (w.items().isPresent()) {
                p.items = w.items().get();
            } else {
                p.items = ItemCount.exactly(TaskDurationDefaults.MAPPED_ITEMS);
                defaultsUsed.add(id + ": mapped over " + TaskDurationDefaults.MAPPED_ITEMS + " item (no items in workload)");
            }
        } else {
            p.items = ItemCount.exactly(1);
        }
        p.sensor = SensorKind.NONE;
        if (t.family() == OperatorFamily.SENSOR || t.sensor().isPresent()) {
            SensorSettings s = t.sensor().orElse(null);
            if (s == null) {
                p.sensor = SensorKind.POKE;
                defaultsUsed.add(id + ": sensor mode poke (Airflow default)");
            } else if (s.deferrable()) {
                p.sensor = SensorKind.DEFERRABLE;
            } else {
                p.sensor = s.mode() == SensorSettings.Mode.RESCHEDULE ? SensorKind.RESCHEDULE : SensorKind.POKE;
            }
            p.pokeInterval = s != null && s.pokeIntervalSeconds().isPresent()
                    ? Math.max(TaskDurationDefaults.POKE_SECONDS, s.pokeIntervalSeconds().getAsDouble())
                    : TaskDurationDefaults.POKE_INTERVAL_SECONDS;
            if (p.sensor == SensorKind.RESCHEDULE && (s == null || s.pokeIntervalSeconds().isEmpty())) {
                defaultsUsed.add(id + ": poke_interval " + fmt(p.pokeInterval) + " s (Airflow default)");
            }
            p.sensorTimeout = s != null && s.timeoutSeconds().isPresent() ? s.timeoutSeconds().getAsDouble()
                    : TaskDurationDefaults.SENSOR_TIMEOUT_SECONDS;
        }
        p.pool = t.pool();
        p.poolSlots = t.poolSlots();
        int poolSize = settings.poolSize(t.pool());
        if (!settings.poolSizes().containsKey(t.pool())) {
            String line = "pool " + t.pool() + ": " + TaskDurationDefaults.POOL_SLOTS + " slots (Airflow default_pool size)";
            if (!defaultsUsed.contains(line)) {
                defaultsUsed.add(line);
            }
        }
        if (p.poolSlots > poolSize) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.SIM_POOL, dag.file(), SourceLocation.ofLine(t.line()),
                    "task " + id + " needs "
                    + p.poolSlots + " slots of pool " + t.pool() + " which has " + poolSize
                    + "; Airflow would never run it, simulated as taking the whole pool"));
            p.poolSlots = Math.max(1, poolSize);
        }
        if (t.family() == OperatorFamily.BRANCH) {
            p.branchCumulative = branchWeights(t, w, i);
        }
        return p;
    }

    private Duration duration(DagTask t, StepWorkload w) {
        String id = t.taskId();
        Resolved resolved = usage.taskSeconds(id, t.family());
        double mean = Math.max(0, resolved.value());
        if (resolved.isDefault()) {
            defaultsUsed.add(id + ": " + (t.family() == OperatorFamily.SENSOR ? "waits " : "takes ") + fmt(mean)
                    + " s (" + t.family() + " default)");
        }
        if (w.p95Seconds().isEmpty() || mean <= 0) {
            return Duration.fixed(mean);
        }
        double p95 = w.p95Seconds().getAsDouble();
        if (p95 <= mean) {
            if (p95 < mean) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.WORKLOAD_DOUBTFUL, dag.file(),
                        SourceLocation.ofLine(t.line()), "task " + id
                        + ": p95 " + fmt(p95) + " s is below the mean " + fmt(mean) + " s; using the mean as fixed"));
            }
            return Duration.fixed(mean);
        }
        // Lognormal: mean = exp(mu + s^2/2), p95 = exp(mu + z s) with z = 1.6449 → s^2/2 - z s + ln(p95/mean) = 0.
        double z = 1.6448536;
        double r = Math.log(p95 / mean);
        double disc = z * z - 2 * r;
        double sigma;
        if (disc < 0) {
            sigma = z;
            diagnostics.add(Diagnostic.warning(DiagnosticCode.WORKLOAD_DOUBTFUL, dag.file(),
                    SourceLocation.ofLine(t.line()), "task " + id + ": p95 "
                    + fmt(p95) + " s is too far above the mean " + fmt(mean)
                    + " s for a lognormal; the spread is capped (p95 will come out lower)"));
        } else {
            sigma = z - Math.sqrt(disc);
        }
        double mu = Math.log(mean) - sigma * sigma / 2;
        return new Duration(mean, mu, sigma);
    }

    private double[] branchWeights(DagTask t, StepWorkload w, int i) {
        int[] ds = down[i];
        double[] weights = new double[ds.length];
        if (ds.length == 0) {
            return weights;
        }
        if (w.branches().isEmpty()) {
            java.util.Arrays.fill(weights, 1.0);
            defaultsUsed.add(t.taskId() + ": branches weighted equally (no branch weights in workload)");
        } else {
            for (Map.Entry<String, Double> e : w.branches().entrySet()) {
                int pos = positionOf(e.getKey(), ds);
                if (pos < 0) {
                    diagnostics.add(Diagnostic.warning(DiagnosticCode.WORKLOAD_NO_MATCH, dag.file(),
                            SourceLocation.ofLine(t.line()), "task "
                            + t.taskId() + ": branch weight key \"" + e.getKey()
                            + "\" is neither a direct downstream task id nor an index 0.." + (ds.length - 1) + "; ignored"));
                } else {
                    weights[pos] += Math.max(0, e.getValue());
                }
            }
            double sum = 0;
            for (double x : weights) {
                sum += x;
            }
            if (sum <= 0) {
                java.util.Arrays.fill(weights, 1.0);
                diagnostics.add(Diagnostic.warning(DiagnosticCode.WORKLOAD_DOUBTFUL, dag.file(),
                        SourceLocation.ofLine(t.line()), "task " + t.taskId()
                        + ": branch weights are all zero or unusable; branches weighted equally"));
            }
        }
        double total = 0;
        for (double x : weights) {
            total += x;
        }
        double[] cum = new double[ds.length];
        double acc = 0;
        for (int k = 0; k < ds.length; k++) {
            acc += weights[k] / total;
            cum[k] = acc;
        }
        return cum;
    }

    /** A key names a downstream by task id first, else by its index among the downstreams in edge order. */
    private int positionOf(String key, int[] ds) {
        for (int k = 0; k < ds.length; k++) {
            if (dag.tasks().get(ds[k]).taskId().equals(key)) {
                return k;
            }
        }
        try {
            int k = Integer.parseInt(key.trim());
            return k >= 0 && k < ds.length ? k : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private boolean hasCycle(int n) {
        int[] indeg = new int[n];
        for (int i = 0; i < n; i++) {
            indeg[i] = up[i].length;
        }
        int[] stack = new int[n];
        int sp = 0;
        for (int i = 0; i < n; i++) {
            if (indeg[i] == 0) {
                stack[sp++] = i;
            }
        }
        int seen = 0;
        while (sp > 0) {
            int v = stack[--sp];
            seen++;
            for (int d : down[v]) {
                if (--indeg[d] == 0) {
                    stack[sp++] = d;
                }
            }
        }
        return seen < n;
    }

    int size() {
        return plans.length;
    }

    static String fmt(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
