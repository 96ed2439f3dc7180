package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.cost.Rate;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.Services;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.python.PythonDagReader;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.TaskDurationDefaults;
import dev.flowcost.core.simulate.dag.TaskRunStats;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Shared inputs for the migration tests: the bundled price book, DAG fixtures, hand-built run results. */
final class MigrationFixtures {

    static final PriceBook PRICES = PriceBook.bundled();
    static final String REGION = "us-east-1";

    private MigrationFixtures() {
    }

    static Dag readDag(String path) {
        try {
            Path p = Path.of(path);
            DagReadResult r = new PythonDagReader().read(p.toString(), Files.readString(p));
            if (r.dags().isEmpty()) {
                throw new AssertionError("no DAG read from " + path + ": " + r.diagnostics());
            }
            return r.dags().get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Dag fixture(String name) {
        return readDag("src/test/resources/migration/" + name);
    }

    /** A run result with one instance per task (items for mapped ones) and slot-seconds = instances × duration. */
    static DagRunResult run(Dag dag, WorkflowWorkload wl) {
        Map<String, TaskRunStats> per = new LinkedHashMap<>();
        double instancesTotal = 0;
        double slotTotal = 0;
        for (DagTask t : dag.tasks()) {
            StepWorkload w = wl.task(t.taskId()).orElse(StepWorkload.empty());
            double d = w.durationSeconds().orElse(TaskDurationDefaults.seconds(t.family()));
            double n = t.mapped() ? w.items().map(i -> i.mean()).orElse(1.0) : 1;
            double slots = t.family() == dev.flowcost.core.dag.OperatorFamily.EMPTY ? 0 : n * d;
            per.put(t.taskId(), new TaskRunStats(n, slots, 1, 0));
            instancesTotal += n;
            slotTotal += slots;
        }
        return new DagRunResult(1, instancesTotal, slotTotal, slotTotal, 1, slotTotal, 1, per, List.of(), List.of(),
                List.of());
    }

    static Rate rate(String service, String dimension) {
        return Rate.from(PRICES, REGION, service, dimension);
    }

    /** mw1.small for 730 h + extra-worker hours + metadata storage, as CostItems. */
    static List<CostItem> smallEnvironment(double extraWorkerHours, double storageGb) {
        List<CostItem> items = new ArrayList<>();
        items.add(CostItems.fixedMonthly("mw1.small environment", BigDecimal.valueOf(730), rate(Services.MWAA, "mw1.small-environment")));
        items.add(CostItems.fixedMonthly("mw1.small extra workers", BigDecimal.valueOf(extraWorkerHours), rate(Services.MWAA, "mw1.small-worker")));
        items.add(CostItems.fixedMonthly("metadata storage", BigDecimal.valueOf(storageGb), rate(Services.MWAA, Services.METADATA_STORAGE)));
        return items;
    }

    static DagMigrationInput input(Dag dag, WorkflowWorkload wl, double runs, EnvironmentShare env) {
        return new DagMigrationInput(dag, wl, BigDecimal.valueOf(runs), dag.dagId() + ".executionsPerMonth", run(dag, wl),
                env, PRICES, REGION);
    }

    static EnvironmentShare alone(List<CostItem> items) {
        return EnvironmentShare.alone("prod-airflow", "mw1.small", CostItems.total(items), items);
    }

    static WorkflowWorkload durations(Map<String, Double> seconds) {
        Map<String, StepWorkload> tasks = new LinkedHashMap<>();
        seconds.forEach((k, v) -> tasks.put(k, new StepWorkload(Optional.empty(), Map.of(), Map.of(), OptionalDouble.of(v),
                OptionalDouble.empty(), OptionalInt.empty())));
        return new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(), tasks);
    }

    static DagTask task(String id, String operator) {
        return DagTask.simple(id, operator, dev.flowcost.core.dag.OperatorCatalog.classify(operator));
    }

    /** A DAG whose tasks run in the given order, one after another. */
    static Dag chain(String dagId, List<DagTask> tasks) {
        return chain(dagId, tasks, false, Schedule.none());
    }

    static Dag chain(String dagId, List<DagTask> tasks, boolean catchup, Schedule schedule) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i + 1 < tasks.size(); i++) {
            edges.add(new Edge(tasks.get(i).taskId(), tasks.get(i + 1).taskId()));
        }
        return new Dag(dagId, dagId + ".py", 1, schedule, Optional.of("2025-01-01"), catchup, OptionalInt.empty(),
                OptionalInt.empty(), Map.of(), List.of(), tasks, edges);
    }
}
