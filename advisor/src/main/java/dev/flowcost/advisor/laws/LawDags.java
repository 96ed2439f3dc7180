package dev.flowcost.advisor.laws;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.cost.Rate;
import dev.flowcost.advisor.migration.DagMigrationInput;
import dev.flowcost.advisor.migration.EnvironmentShare;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.Services;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorCatalog;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.dag.python.PythonDagReader;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.TaskDurationDefaults;
import dev.flowcost.core.simulate.dag.TaskRunStats;
import dev.flowcost.core.workload.ItemCount;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Airflow DAGs and MWAA environments for the migration laws: a sensor chain, a sensor followed by a mapped fan-out, a
 * 15-task hourly DAG, and a DAG's one-run result and environment share built the way the advisor builds them.
 */
public final class LawDags {

    private LawDags() {
    }

    /** A task of an operator, classified as the DAG readers classify it. */
    public static DagTask task(String id, String operator) {
        return DagTask.simple(id, operator, OperatorCatalog.classify(operator));
    }

    /** A sensor task in poke or reschedule mode, poking every 60 s. */
    public static DagTask sensor(String id, String operator, SensorSettings.Mode mode) {
        DagTask t = task(id, operator);
        return new DagTask(id, operator, "", t.family(), 0, 0, OptionalDouble.empty(), false, OptionalDouble.empty(),
                OptionalDouble.empty(), t.triggerRule(), t.pool(), 1,
                Optional.of(new SensorSettings(mode, OptionalDouble.of(60), OptionalDouble.empty(), false)), false,
                Optional.empty(), DagTask.Role.NORMAL, Map.of(), Optional.empty());
    }

    /** A dynamically mapped task ({@code .expand()}). */
    public static DagTask mapped(String id, String operator) {
        DagTask t = task(id, operator);
        return new DagTask(id, operator, "", t.family(), 0, 0, OptionalDouble.empty(), false, OptionalDouble.empty(),
                OptionalDouble.empty(), t.triggerRule(), t.pool(), 1, Optional.empty(), true, Optional.empty(),
                DagTask.Role.NORMAL, Map.of(), Optional.empty());
    }

    /** A DAG whose tasks run one after another, unscheduled. */
    public static Dag chain(String dagId, List<DagTask> tasks) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i + 1 < tasks.size(); i++) {
            edges.add(new Edge(tasks.get(i).taskId(), tasks.get(i + 1).taskId()));
        }
        return new Dag(dagId, dagId + ".py", 1, Schedule.none(), Optional.of("2025-01-01"), false, OptionalInt.empty(),
                OptionalInt.empty(), Map.of(), List.of(), tasks, edges);
    }

    /** A sensor (S3 or SQL, poke or reschedule) then a load. */
    public static Dag sensorThenLoad(boolean s3, boolean poke) {
        return chain("sensed", List.of(sensor("wait", s3 ? "S3KeySensor" : "SqlSensor",
                poke ? SensorSettings.Mode.POKE : SensorSettings.Mode.RESCHEDULE), task("load", "PythonOperator")));
    }

    /** An S3 prefix sensor then a mapped fan-out "score": the hybrid shape. */
    public static Dag sensorThenFanOut() {
        return chain("fan", List.of(sensor("wait_prefix", "S3PrefixSensor", SensorSettings.Mode.RESCHEDULE),
                mapped("score", "PythonOperator")));
    }

    /** The fan-out's workload: a 600 s sensor wait, {@code items} mapped instances of {@code itemSeconds}. */
    public static WorkflowWorkload fanOutWorkload(int items, double itemSeconds) {
        Map<String, StepWorkload> tasks = new LinkedHashMap<>();
        tasks.put("wait_prefix", step(Optional.empty(), 600));
        tasks.put("score", step(Optional.of(ItemCount.exactly(items)), itemSeconds));
        return new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(), tasks);
    }

    /** A 15-task hourly DAG (extract, transform in parallel, load, report), read by the Python DAG reader. */
    public static Dag reflection() {
        String name = "reflection-15-tasks-hourly.py";
        try (InputStream in = LawDags.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            DagReadResult r = new PythonDagReader().read(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (r.dags().isEmpty()) {
                throw new IllegalStateException("no DAG in " + name + ": " + r.diagnostics());
            }
            return r.dags().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every task of {@code dag} taking {@code seconds}. */
    public static WorkflowWorkload durations(Map<String, Double> seconds) {
        Map<String, StepWorkload> tasks = new LinkedHashMap<>();
        seconds.forEach((k, v) -> tasks.put(k, step(Optional.empty(), v)));
        return new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(), tasks);
    }

    private static StepWorkload step(Optional<ItemCount> items, double seconds) {
        return new StepWorkload(items, Map.of(), Map.of(), OptionalDouble.of(seconds), OptionalDouble.empty(),
                OptionalInt.empty());
    }

    /** One run: one instance per task (its items when mapped), slot-seconds = instances × duration. */
    public static DagRunResult run(Dag dag, WorkflowWorkload wl) {
        Map<String, TaskRunStats> per = new LinkedHashMap<>();
        double instancesTotal = 0;
        double slotTotal = 0;
        for (DagTask t : dag.tasks()) {
            StepWorkload w = wl.task(t.taskId()).orElse(StepWorkload.empty());
            double d = w.durationSeconds().orElse(TaskDurationDefaults.seconds(t.family()));
            double n = t.mapped() ? w.items().map(i -> i.mean()).orElse(1.0) : 1;
            double slots = t.family() == OperatorFamily.EMPTY ? 0 : n * d;
            per.put(t.taskId(), new TaskRunStats(n, slots, 1, 0));
            instancesTotal += n;
            slotTotal += slots;
        }
        return new DagRunResult(1, instancesTotal, slotTotal, slotTotal, 1, slotTotal, 1, per, List.of(), List.of(),
                List.of());
    }

    /** mw1.small for 730 h, extra-worker hours and metadata storage, at the region's prices. */
    public static List<CostItem> smallEnvironment(PriceBook book, String region, double extraWorkerHours, double storageGb) {
        return List.of(
                CostItems.fixedMonthly("mw1.small environment", BigDecimal.valueOf(730),
                        Rate.from(book, region, Services.MWAA, "mw1.small-environment")),
                CostItems.fixedMonthly("mw1.small extra workers", BigDecimal.valueOf(extraWorkerHours),
                        Rate.from(book, region, Services.MWAA, "mw1.small-worker")),
                CostItems.fixedMonthly("metadata storage", BigDecimal.valueOf(storageGb),
                        Rate.from(book, region, Services.MWAA, Services.METADATA_STORAGE)));
    }

    /** The DAG alone on an mw1.small, or one of 20 DAGs with a share of {@code sharePermille} ‰ of its slot-seconds. */
    public static EnvironmentShare share(PriceBook book, String region, boolean alone, int extraWorkerHours, int sharePermille) {
        List<CostItem> env = smallEnvironment(book, region, extraWorkerHours, 10);
        BigDecimal total = CostItems.total(env);
        return alone ? EnvironmentShare.alone("prod-airflow", "mw1.small", total, env)
                : EnvironmentShare.shared("prod-airflow", "mw1.small", total, env, BigDecimal.valueOf(sharePermille, 3), 20,
                BigDecimal.valueOf(extraWorkerHours), Rate.from(book, region, Services.MWAA, "mw1.small-worker").price());
    }

    /** What the migration advisor is given for one DAG run {@code runs} times a month. */
    public static DagMigrationInput input(Dag dag, WorkflowWorkload wl, double runs, EnvironmentShare env,
                                          PriceBook book, String region) {
        return new DagMigrationInput(dag, wl, BigDecimal.valueOf(runs), dag.dagId() + ".executionsPerMonth", run(dag, wl),
                env, book, region);
    }
}
