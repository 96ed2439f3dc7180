package dev.flowcost.report;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Assumption;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.Graph;
import dev.flowcost.advisor.analysis.PriceUsed;
import dev.flowcost.advisor.analysis.StepCount;
import dev.flowcost.advisor.analysis.Totals;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sample analyses for report tests. Every amount is computed here from its parts with the formula in
 * {@link CostItem}'s Javadoc, so a spreadsheet that recomputes it must land on the same cent.
 */
public final class SampleAnalyses {

    public static final String SCRIPT_STATE = "<script>alert(1)</script>";
    public static final String HYPERLINK_TASK = "=HYPERLINK(\"http://x\")";
    public static final String CMD_STATE = "=cmd|' /C calc'!A0";

    static final String TRANSITION = "sfn.standard.transition";
    static final String EXPRESS_REQUEST = "sfn.express.request";
    static final String EXPRESS_GB_SECOND = "sfn.express.gb-second";
    static final String LAMBDA_REQUEST = "lambda.request";
    static final String MWAA_ENV_HOUR = "mwaa.mw1.small.environment-hour";
    static final String MWAA_WORKER_HOUR = "mwaa.mw1.small.worker-hour";

    private SampleAnalyses() {
    }

    /** Builds cost items against one set of assumptions and prices, computing quantity and amount from the parts. */
    public static final class Book {
        final Map<String, Assumption> assumptions = new LinkedHashMap<>();
        final Map<String, PriceUsed> prices = new LinkedHashMap<>();

        public Book assume(String key, String description, String value, String unit, String source) {
            assumptions.put(key, new Assumption(key, description, new BigDecimal(value), unit, source));
            return this;
        }

        public Book price(String key, String service, String dimension, String unit, String price, boolean overridden) {
            prices.put(key, new PriceUsed(key, "us-east-1", service, dimension, unit, new BigDecimal(price),
                    "2026-01-01", "https://aws.amazon.com/" + service + "/pricing/", overridden));
            return this;
        }

        public CostItem item(String component, String unit, String perExecution, String perItem, String itemsKey,
                             String executionsKey, String fixed, String tierStart, String tierEnd, String priceKey) {
            BigDecimal qpe = new BigDecimal(perExecution);
            BigDecimal qpi = new BigDecimal(perItem);
            BigDecimal items = itemsKey.isEmpty() ? BigDecimal.ZERO : assumptions.get(itemsKey).value();
            BigDecimal executions = executionsKey.isEmpty() ? BigDecimal.ZERO : assumptions.get(executionsKey).value();
            BigDecimal monthly = qpe.add(qpi.multiply(items)).multiply(executions).add(new BigDecimal(fixed));
            BigDecimal start = new BigDecimal(tierStart);
            BigDecimal billed = monthly.subtract(start).max(BigDecimal.ZERO);
            Optional<BigDecimal> end = tierEnd == null ? Optional.empty() : Optional.of(new BigDecimal(tierEnd));
            if (end.isPresent()) {
                billed = billed.min(end.get().subtract(start));
            }
            BigDecimal unitPrice = prices.get(priceKey).price();
            return new CostItem(component, unit, qpe, qpi, itemsKey, executionsKey, new BigDecimal(fixed), start, end,
                    priceKey, unitPrice, monthly, billed.multiply(unitPrice));
        }

        public FreeTierCredit credit(String component, String priceKey, String free, List<CostItem> items) {
            BigDecimal total = items.stream().filter(i -> i.priceKey().equals(priceKey))
                    .map(CostItem::monthlyQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal freeQuantity = new BigDecimal(free);
            BigDecimal used = freeQuantity.min(total);
            BigDecimal unitPrice = prices.get(priceKey).price();
            return new FreeTierCredit(component, priceKey, freeQuantity, unitPrice, used, used.multiply(unitPrice).negate());
        }

        public List<Assumption> assumptions() {
            return List.copyOf(assumptions.values());
        }

        public List<PriceUsed> prices() {
            return List.copyOf(prices.values());
        }
    }

    static BigDecimal sum(List<CostItem> items) {
        return items.stream().map(CostItem::monthlyAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Book book() {
        return new Book()
                .assume("orders.executionsPerMonth", "executions of orders a month", "720", "executions", "workload")
                .assume("orders.Fan.items", "items per execution of Map Fan", "10000", "items", "workload")
                .assume("nightly_etl.executionsPerMonth", "runs of nightly_etl a month", "30", "runs", "schedule")
                .assume("nightly_etl.hoursPerRun", "worker hours a run", "0.5", "hours", "default")
                .price(TRANSITION, "step-functions", "Standard state transitions", "transition", "0.000025", false)
                .price(EXPRESS_REQUEST, "step-functions", "Express requests", "request", "0.000001", false)
                .price(EXPRESS_GB_SECOND, "step-functions", "Express duration", "GB-second", "0.00001667", false)
                .price(LAMBDA_REQUEST, "lambda", "Requests", "request", "0.0000002", false)
                .price(MWAA_ENV_HOUR, "mwaa", "mw1.small environment", "hour", "0.49", true)
                .price(MWAA_WORKER_HOUR, "mwaa", "mw1.small additional worker", "hour", "0.055", false);
    }

    /**
     * The seed trap: a Standard state machine with an inline Map over 10,000 items at 720 executions a month, a
     * Distributed Map finding; one DAG on an MWAA environment; hostile names for escaping tests.
     */
    public static Analysis seedTrap() {
        return build(false);
    }

    /** The same estate once the inline Map became a Distributed Map with Express children. */
    public static Analysis afterDistributedMap() {
        return build(true);
    }

    private static Analysis build(boolean distributed) {
        Book b = book();
        List<CostItem> mapNow = List.of(
                b.item("state transitions", "transition", "1", "2", "orders.Fan.items", "orders.executionsPerMonth",
                        "0", "0", null, TRANSITION));
        List<CostItem> mapAfter = List.of(
                b.item("state transitions", "transition", "1", "1", "orders.Fan.items", "orders.executionsPerMonth",
                        "0", "0", null, TRANSITION),
                b.item("Express requests", "request", "0", "1", "orders.Fan.items", "orders.executionsPerMonth",
                        "0", "0", null, EXPRESS_REQUEST),
                b.item("Express duration (tier 1)", "GB-second", "0", "0.0625", "orders.Fan.items",
                        "orders.executionsPerMonth", "0", "0", "3600000", EXPRESS_GB_SECOND));
        List<CostItem> ordersItems = new ArrayList<>();
        ordersItems.add(b.item("state transitions (outside Map)", "transition", "2", "0", "", "orders.executionsPerMonth",
                "0", "0", null, TRANSITION));
        ordersItems.addAll(distributed ? mapAfter : mapNow);
        ordersItems.add(b.item("Lambda requests", "request", "0", "1", "orders.Fan.items", "orders.executionsPerMonth",
                "0", "0", null, LAMBDA_REQUEST));

        List<StepCount> ordersSteps = List.of(
                new StepCount("Prepare", "Pass", 1, 1),
                new StepCount("Fan", "Map", 1, 1),
                new StepCount("Fan/" + SCRIPT_STATE, "Pass", 10000, distributed ? 0 : 10000),
                new StepCount("Fan/Charge", "Task", 10000, distributed ? 0 : 10000),
                new StepCount("Done", "Succeed", 1, 1));
        Graph ordersGraph = new Graph(
                List.of(new Graph.Node("Prepare", "Prepare", "Pass"), new Graph.Node("Fan", "Fan", "Map"),
                        new Graph.Node("Fan/" + SCRIPT_STATE, SCRIPT_STATE, "Pass"),
                        new Graph.Node("Fan/Charge", "Charge", "Task"), new Graph.Node("Done", "Done", "Succeed")),
                List.of(new Graph.Edge("Prepare", "Fan"), new Graph.Edge("Fan", "Fan/" + SCRIPT_STATE),
                        new Graph.Edge("Fan/" + SCRIPT_STATE, "Fan/Charge"), new Graph.Edge("Fan", "Done")));
        WorkflowAnalysis orders = new WorkflowAnalysis("orders", WorkflowAnalysis.Kind.STATE_MACHINE,
                "orders.asl.json", "STANDARD", new BigDecimal("720"), "orders.executionsPerMonth", ordersItems,
                sum(ordersItems), ordersSteps, ordersGraph, List.of(), Optional.empty(), List.of(), List.of());

        List<CostItem> etlItems = List.of(b.item("additional worker hours", "hour", "0", "1", "nightly_etl.hoursPerRun",
                "nightly_etl.executionsPerMonth", "0", "0", null, MWAA_WORKER_HOUR));
        List<CostItem> sfnAlternative = List.of(b.item("state transitions", "transition", "8", "0", "",
                "nightly_etl.executionsPerMonth", "0", "0", null, TRANSITION));
        WorkflowAnalysis etl = new WorkflowAnalysis("nightly_etl", WorkflowAnalysis.Kind.DAG, "dags/nightly_etl.py",
                "MWAA", new BigDecimal("30"), "nightly_etl.executionsPerMonth", etlItems, sum(etlItems),
                List.of(new StepCount("extract", "PythonOperator", 1, 0),
                        new StepCount(HYPERLINK_TASK, "BashOperator", 1, 0),
                        new StepCount(CMD_STATE, "BashOperator", 1, 0),
                        new StepCount("load", "S3ToRedshiftOperator", 1, 0)),
                new Graph(List.of(new Graph.Node("extract", "extract", "PythonOperator"),
                        new Graph.Node(HYPERLINK_TASK, HYPERLINK_TASK, "BashOperator"),
                        new Graph.Node(CMD_STATE, CMD_STATE, "BashOperator"),
                        new Graph.Node("load", "load", "S3ToRedshiftOperator")),
                        List.of(new Graph.Edge("extract", HYPERLINK_TASK), new Graph.Edge("extract", CMD_STATE),
                                new Graph.Edge(HYPERLINK_TASK, "load"), new Graph.Edge(CMD_STATE, "load"))),
                List.of(new Alternative("step-functions", sum(sfnAlternative), sfnAlternative,
                        List.of("tasks become Lambda or ECS tasks"))),
                Optional.of("move to Step Functions"), List.of("uses a custom sensor"), List.of("hoursPerRun"));

        List<CostItem> envItems = List.of(b.item("environment hours", "hour", "0", "0", "", "", "730", "0", null,
                MWAA_ENV_HOUR));
        EnvironmentAnalysis env = new EnvironmentAnalysis("prod-airflow", "mw1.small", List.of("nightly_etl"), envItems,
                sum(envItems), BigDecimal.ZERO, "decommission", List.of("only hosts nightly_etl"));

        List<CostItem> all = new ArrayList<>(ordersItems);
        all.addAll(etlItems);
        all.addAll(envItems);
        List<FreeTierCredit> credits = List.of(
                b.credit("Standard state transitions free tier", TRANSITION, "4000", all),
                b.credit("Lambda requests free tier", LAMBDA_REQUEST, "1000000", all));

        List<Finding> findings = new ArrayList<>();
        if (!distributed) {
            findings.add(finding("inline-map-to-distributed-map", "orders", List.of("Fan"),
                    "Run Map Fan as a Distributed Map with Express children", mapNow, mapAfter,
                    new Change(Change.Kind.ASL, "Set ItemProcessor.ProcessorConfig to DISTRIBUTED/EXPRESS",
                            "{\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"EXPRESS\"}}"),
                    Optional.of(itemsCurve())));
        }
        List<CostItem> etlNow = new ArrayList<>(envItems);
        etlNow.addAll(etlItems);
        findings.add(finding("dag-to-step-functions", "nightly_etl", List.of("nightly_etl"),
                "Move nightly_etl to Step Functions and decommission prod-airflow", etlNow, sfnAlternative,
                new Change(Change.Kind.DAG_NOTE, "Rewrite the 4 tasks as a Step Functions state machine",
                        "extract -> (" + HYPERLINK_TASK + ", " + CMD_STATE + ") -> load"),
                Optional.of(executionsCurve())));
        findings.sort((x, y) -> y.monthlySaving().compareTo(x.monthlySaving()));

        // a DAG's cost is its share of its environment, already in the environment's cost: not added again
        BigDecimal now = orders.monthlyCost().add(env.monthlyCost())
                .add(credits.stream().map(FreeTierCredit::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal saving = findings.stream().map(Finding::monthlySaving).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Analysis(Analysis.SCHEMA_VERSION, "us-east-1", List.of("orders.asl.json", "dags/nightly_etl.py"),
                List.of(orders, etl), List.of(env), credits, findings, b.assumptions(), b.prices(),
                List.of(dev.flowcost.core.Diagnostic.warning(dev.flowcost.core.DiagnosticCode.ASL_FIELD_MISSING, "orders.asl.json",
                        dev.flowcost.core.SourceLocation.ofLine(12), "Map Fan has no MaxConcurrency")),
                new Totals(now, now.subtract(saving), saving, credits,
                        java.util.stream.IntStream.range(0, findings.size()).boxed().toList()));
    }

    private static Finding finding(String rule, String workflow, List<String> targets, String title,
                                   List<CostItem> now, List<CostItem> after, Change change, Optional<CostCurve> curve) {
        BigDecimal costNow = sum(now);
        BigDecimal costAfter = sum(after);
        return new Finding(rule, workflow, targets, title, costNow, costAfter, costNow.subtract(costAfter),
                Finding.Confidence.HIGH, List.of("10,000 items per execution"), List.of("children must be idempotent"),
                change, now, after, curve);
    }

    /** Cost of the Map now (A) and as a Distributed Map (B) over items per execution; B is cheaper past 0 items. */
    private static CostCurve itemsCurve() {
        List<CostCurve.Point> points = new ArrayList<>();
        for (int v = 0; v <= 10000; v += 2500) {
            BigDecimal items = BigDecimal.valueOf(v);
            BigDecimal a = new BigDecimal("0.018").multiply(BigDecimal.ONE.add(items.multiply(BigDecimal.valueOf(2))));
            BigDecimal b = new BigDecimal("0.018").add(new BigDecimal("0.0194700").multiply(items));
            points.add(new CostCurve.Point(items, a, b));
        }
        return new CostCurve("items per execution", "inline Map", "Distributed Map", points, Optional.empty());
    }

    /** MWAA (A, flat) against Step Functions (B, per run) over runs a month; they cross at 1,000 runs. */
    private static CostCurve executionsCurve() {
        List<CostCurve.Point> points = new ArrayList<>();
        for (int v = 0; v <= 2000; v += 250) {
            BigDecimal runs = BigDecimal.valueOf(v);
            points.add(new CostCurve.Point(runs, new BigDecimal("358.525"), new BigDecimal("0.358525").multiply(runs)));
        }
        return new CostCurve("executions per month", "MWAA", "Step Functions", points,
                Optional.of(new BigDecimal("1000")));
    }

    /** A hand-written fixture under src/test/resources/json/. */
    public static String jsonFixture(String name) {
        try (java.io.InputStream in = SampleAnalyses.class.getResourceAsStream("/json/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A large estate for speed tests: {@code n} copies of the seed trap's state machine. */
    public static Analysis many(int n) {
        Analysis seed = seedTrap();
        WorkflowAnalysis orders = seed.workflows().get(0);
        List<WorkflowAnalysis> workflows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "orders" + i;
            workflows.add(new WorkflowAnalysis(name, orders.kind(), name + ".asl.json", orders.workflowType(),
                    orders.executionsPerMonth(), orders.executionsKey(), orders.costItems(), orders.monthlyCost(),
                    orders.steps(), orders.graph(), orders.alternatives(), orders.verdict(), orders.blockers(),
                    orders.defaultsUsed()));
            Finding f = seed.findings().get(1);
            findings.add(new Finding(f.rule(), name, f.targets(), f.title(), f.monthlyCostNow(), f.monthlyCostAfter(),
                    f.monthlySaving(), f.confidence(), f.assumptions(), f.blockers(), f.change(), f.itemsNow(),
                    f.itemsAfter(), f.curve()));
        }
        return new Analysis(seed.schemaVersion(), seed.region(), seed.inputs(), workflows, seed.environments(),
                seed.credits(), findings, seed.assumptions(), seed.prices(), seed.diagnostics(), seed.totals());
    }
}
