package dev.flowcost.bench;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Assumption;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.Graph;
import dev.flowcost.advisor.analysis.PriceUsed;
import dev.flowcost.advisor.analysis.StepCount;
import dev.flowcost.advisor.analysis.Totals;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.advisor.cost.Rate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An estate of {@code n} Standard state machines, each an inline Map over items with a Distributed Map finding and
 * its cost curve, built the way the analyzer builds one (amounts through {@link CostItems}), so report rendering is
 * timed on an Analysis of realistic size and shape without running the whole pipeline.
 */
public final class SampleEstate {

    private static final String REGION = "us-east-1";
    private static final Rate TRANSITION = new Rate(new BigDecimal("0.000025"), "transition",
            "sfn.standard.transition");
    private static final Rate EXPRESS_REQUEST = new Rate(new BigDecimal("0.000001"), "request", "sfn.express.request");
    private static final Rate LAMBDA_REQUEST = new Rate(new BigDecimal("0.0000002"), "request", "lambda.request");

    private SampleEstate() {
    }

    /** The estate of {@code n} workflows named {@code wf-0000}, {@code wf-0001}, .... */
    public static Analysis of(int n) {
        List<WorkflowAnalysis> workflows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<Assumption> assumptions = new ArrayList<>();
        List<CostItem> all = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "wf-%04d".formatted(i);
            BigDecimal executions = BigDecimal.valueOf(100 + (i * 37L) % 2000);
            BigDecimal items = BigDecimal.valueOf(100 + (i * 613L) % 20000);
            String execKey = name + ".executionsPerMonth";
            String itemsKey = name + ".Fan.items";
            assumptions.add(new Assumption(execKey, "executions of " + name + " a month", executions, "executions",
                    "workload"));
            assumptions.add(new Assumption(itemsKey, "items per execution of Map Fan", items, "items", "workload"));
            CostItems.Volume volume = CostItems.Volume.of(execKey, executions).withItems(itemsKey, items);
            List<CostItem> now = List.of(
                    CostItems.perExecution("state transitions", new BigDecimal("4"), new BigDecimal("3"), volume,
                            TRANSITION),
                    CostItems.perExecution("Lambda requests", new BigDecimal("1"), BigDecimal.ONE, volume,
                            LAMBDA_REQUEST));
            List<CostItem> mapNow = List.of(CostItems.perExecution("state transitions (Map)", BigDecimal.ONE,
                    new BigDecimal("3"), volume, TRANSITION));
            List<CostItem> mapAfter = List.of(
                    CostItems.perExecution("state transitions (Map)", BigDecimal.ONE, BigDecimal.ONE, volume,
                            TRANSITION),
                    CostItems.perExecution("Express requests", BigDecimal.ZERO, BigDecimal.ONE, volume,
                            EXPRESS_REQUEST));
            all.addAll(now);
            inputs.add(name + ".asl.json");
            workflows.add(new WorkflowAnalysis(name, WorkflowAnalysis.Kind.STATE_MACHINE, name + ".asl.json",
                    "STANDARD", executions, execKey, now, CostItems.total(now), steps(items), graph(), List.of(),
                    Optional.empty(), List.of(), List.of()));
            BigDecimal costNow = CostItems.total(mapNow);
            BigDecimal costAfter = CostItems.total(mapAfter);
            findings.add(new Finding("inline-map-to-distributed-map", name, List.of("Fan"),
                    "Run Map Fan of " + name + " as a Distributed Map with Express children", costNow, costAfter,
                    costNow.subtract(costAfter), Finding.Confidence.HIGH, List.of(items + " items per execution"),
                    List.of("children must be idempotent"),
                    new Change(Change.Kind.ASL, "Set ItemProcessor.ProcessorConfig to DISTRIBUTED/EXPRESS",
                            "{\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"EXPRESS\"}}"),
                    mapNow, mapAfter, Optional.of(curve(executions))));
        }
        findings.sort((x, y) -> y.monthlySaving().compareTo(x.monthlySaving()));
        List<FreeTierCredit> credits = List.of(
                CostItems.credit("Standard state transitions free tier", TRANSITION.priceKey(), new BigDecimal("4000"),
                        TRANSITION.price(), all),
                CostItems.credit("Lambda requests free tier", LAMBDA_REQUEST.priceKey(), new BigDecimal("1000000"),
                        LAMBDA_REQUEST.price(), all));
        BigDecimal now = CostItems.total(all)
                .add(credits.stream().map(FreeTierCredit::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal saving = findings.stream().map(Finding::monthlySaving).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<PriceUsed> prices = List.of(price(TRANSITION, "step-functions", "Standard state transitions"),
                price(EXPRESS_REQUEST, "step-functions", "Express requests"),
                price(LAMBDA_REQUEST, "lambda", "Requests"));
        return new Analysis(Analysis.SCHEMA_VERSION, REGION, inputs, workflows, List.of(), credits, findings,
                assumptions, prices, List.of(), new Totals(now, now.subtract(saving), saving,
                credits, java.util.stream.IntStream.range(0, findings.size()).boxed().toList()));
    }

    private static List<StepCount> steps(BigDecimal items) {
        double n = items.doubleValue();
        return List.of(new StepCount("Load", "Task", 1, 1), new StepCount("Fan", "Map", 1, 1),
                new StepCount("Fan/Call", "Task", n, n), new StepCount("Fan/Check", "Choice", n, n),
                new StepCount("Fan/Save", "Task", n, n), new StepCount("Done", "Succeed", 1, 1));
    }

    private static Graph graph() {
        return new Graph(List.of(new Graph.Node("Load", "Load", "Task"), new Graph.Node("Fan", "Fan", "Map"),
                new Graph.Node("Fan/Call", "Call", "Task"), new Graph.Node("Fan/Check", "Check", "Choice"),
                new Graph.Node("Fan/Save", "Save", "Task"), new Graph.Node("Done", "Done", "Succeed")),
                List.of(new Graph.Edge("Load", "Fan"), new Graph.Edge("Fan", "Fan/Call"),
                        new Graph.Edge("Fan/Call", "Fan/Check"), new Graph.Edge("Fan/Check", "Fan/Save"),
                        new Graph.Edge("Fan", "Done")));
    }

    /** Map cost now (A) and as a Distributed Map (B) over items per execution, five points. */
    private static CostCurve curve(BigDecimal executions) {
        List<CostCurve.Point> points = new ArrayList<>();
        BigDecimal t = TRANSITION.price().multiply(executions);
        BigDecimal e = EXPRESS_REQUEST.price().multiply(executions);
        for (int v = 0; v <= 20000; v += 5000) {
            BigDecimal items = BigDecimal.valueOf(v);
            BigDecimal a = t.multiply(BigDecimal.ONE.add(items.multiply(BigDecimal.valueOf(3))));
            BigDecimal b = t.multiply(BigDecimal.ONE.add(items)).add(e.multiply(items));
            points.add(new CostCurve.Point(items, a, b));
        }
        return new CostCurve("items per execution", "inline Map", "Distributed Map", points, Optional.empty());
    }

    private static PriceUsed price(Rate rate, String service, String dimension) {
        return new PriceUsed(rate.priceKey(), REGION, service, dimension, rate.unit(), rate.price(), "2026-01-01",
                "https://aws.amazon.com/" + service + "/pricing/", false);
    }
}
