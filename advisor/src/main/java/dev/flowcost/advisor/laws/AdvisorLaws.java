package dev.flowcost.advisor.laws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.AdvisorInput;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.PriceUsed;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.PriceRow;
import dev.flowcost.advisor.price.Services;
import dev.flowcost.advisor.rule.StandardToExpress;
import dev.flowcost.advisor.rule.StateMachineContext;
import dev.flowcost.core.workload.WorkflowType;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import static org.quicktheories.generators.SourceDSL.integers;

/** Laws every analysis and every finding obey, whatever the volume, item count or durations. */
public final class AdvisorLaws {

    /** Express's longest execution: 5 minutes (Step Functions quotas). */
    public static final BigDecimal EXPRESS_LIMIT_SECONDS = BigDecimal.valueOf(WorkflowType.EXPRESS_MAX_DURATION_SECONDS);

    private AdvisorLaws() {
    }

    public static List<Law> all() {
        return List.of(new SavingIsNowMinusAfter(), new ClaimedOnlyWhenPositive(), new TotalSavingWithinClaimed(),
                new AnalysisNeverNegative(), new AnalysisMonotoneInExecutions(), new CurvesNeverDecrease(),
                new OverrideChangesOnlyItsItems(), new StandardFreeTierInAnalysis(), new ExpressWithinItsLimit());
    }

    static List<Finding> findings(LawContext ctx, LawMachine m, LawMachine.WorkloadShape shape) {
        return Advisor.stateMachineFindings(context(ctx, m, shape));
    }

    static StateMachineContext context(LawContext ctx, LawMachine m, LawMachine.WorkloadShape shape) {
        return Advisor.context(m.machine(), m.workload(ctx.region(), shape), ctx.prices(), ctx.region());
    }

    static Analysis analysis(LawContext ctx, LawMachine m, LawMachine.WorkloadShape shape, PriceBook prices) {
        return Advisor.analyze(new AdvisorInput(List.of(m.machine()), List.of(), m.workload(ctx.region(), shape), prices,
                Optional.of(ctx.region()), List.of(), List.of()));
    }

    /** Every finding's saving is its now minus its after, each the total of its items. */
    public static final class SavingIsNowMinusAfter implements Law {
        public String name() { return "saving-is-now-minus-after"; }
        public String description() { return "Every finding's saving equals now − after, and now and after are the totals of their cost items."; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(ctx.gen().workloads(50_000, 0.001, 20.0, 200_000)).checkAssert(shape -> {
                for (Finding f : findings(ctx, LawMachine.ORDERS, shape)) {
                    Expect.equal(f.monthlyCostNow(), CostItems.total(f.itemsNow()), f.rule() + " now");
                    Expect.equal(f.monthlyCostAfter(), CostItems.total(f.itemsAfter()), f.rule() + " after");
                    Expect.equal(f.monthlySaving(), f.monthlyCostNow().subtract(f.monthlyCostAfter()), f.rule() + " saving");
                }
            });
        }
    }

    /** No advised change costs more: a finding is a saving exactly when its saving is positive; notes carry no cost. */
    public static final class ClaimedOnlyWhenPositive implements Law {
        public String name() { return "no-advised-change-costs-more"; }
        public String description() { return "No advised change costs more than today: a finding claims a saving exactly when it is positive, and a note carries no cost."; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(ctx.gen().workloads(50_000, 0.001, 20.0, 200_000)).checkAssert(shape -> {
                for (Finding f : findings(ctx, LawMachine.ORDERS, shape)) {
                    Expect.isTrue(f.isSaving() == (f.monthlySaving().signum() > 0), f.rule() + " claims a saving of "
                            + f.monthlySaving().toPlainString());
                    if (!f.isSaving()) {
                        Expect.isTrue(f.itemsNow().isEmpty() && f.itemsAfter().isEmpty(), f.rule() + " note with cost items");
                    }
                }
            });
        }
    }

    /** The estate's saving is between 0 and the sum of the claimed savings, and is its now − after. */
    public static final class TotalSavingWithinClaimed implements Law {
        public String name() { return "total-saving-within-claimed"; }
        public String description() { return "The analysis's total saving is between $0 and the sum of its findings' savings, and equals total now − total after."; }
        public int examples() { return 50; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(ctx.gen().workloads(50_000, 0.001, 20.0, 200_000)).checkAssert(shape -> {
                Analysis a = analysis(ctx, LawMachine.ORDERS, shape, ctx.prices());
                BigDecimal claimed = a.findings().stream().filter(Finding::isSaving).map(Finding::monthlySaving)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                Expect.atMost(a.totals().monthlySaving(), claimed, "total saving");
                Expect.notNegative(a.totals().monthlySaving(), "total saving");
                Expect.equal(a.totals().monthlySaving(), a.totals().monthlyCostNow().subtract(a.totals().monthlyCostAfter()),
                        "total saving");
            });
        }
    }

    /** No cost item, total or "after" of an analysis is negative. */
    public static final class AnalysisNeverNegative implements Law {
        public String name() { return "analysis-never-negative"; }
        public String description() { return "No cost item, total now or total after of an analysis is ever negative."; }
        public int examples() { return 50; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(ctx.gen().workloads(50_000, 0.0, 20.0, 200_000)).checkAssert(shape -> {
                Analysis a = analysis(ctx, LawMachine.ORDERS, shape, ctx.prices());
                a.workflows().forEach(w -> w.costItems().forEach(i -> Expect.notNegative(i.monthlyAmount(), i.component())));
                Expect.notNegative(a.totals().monthlyCostNow(), "total now");
                Expect.notNegative(a.totals().monthlyCostAfter(), "total after");
            });
        }
    }

    /** More executions never cost less. */
    public static final class AnalysisMonotoneInExecutions implements Law {
        public String name() { return "analysis-monotone-in-executions"; }
        public String description() { return "A workflow's cost and the total now never decrease as executions a month grow."; }
        public int examples() { return 50; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(ctx.gen().workloads(50_000, 0.0, 20.0, 100_000), integers().between(1, 100_000)).checkAssert((shape, more) -> {
                Analysis low = analysis(ctx, LawMachine.ORDERS, shape, ctx.prices());
                Analysis high = analysis(ctx, LawMachine.ORDERS,
                        new LawMachine.WorkloadShape(shape.items(), shape.seconds(), shape.executions() + more), ctx.prices());
                Expect.atLeast(high.workflows().get(0).monthlyCost(), low.workflows().get(0).monthlyCost(), "workflow cost");
                Expect.atLeast(high.totals().monthlyCostNow(), low.totals().monthlyCostNow(), "total now");
            });
        }
    }

    /** Every cost-versus-volume curve of a finding rises (or stays) with volume and stays at or above $0. */
    public static final class CurvesNeverDecrease implements Law {
        public String name() { return "curves-never-decrease"; }
        public String description() { return "Both costs of every finding's cost-vs-volume curve are at least $0 and never decrease as volume grows."; }
        public int examples() { return 50; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(ctx.gen().workloads(50_000, 0.001, 20.0, 200_000)).checkAssert(shape -> {
                for (Finding f : findings(ctx, LawMachine.ORDERS, shape)) {
                    if (f.curve().isEmpty()) {
                        continue;
                    }
                    List<CostCurve.Point> p = f.curve().get().points();
                    for (int i = 1; i < p.size(); i++) {
                        Expect.atLeast(p.get(i).costA(), p.get(i - 1).costA(), f.rule() + " curve A at " + p.get(i).volume());
                        Expect.atLeast(p.get(i).costB(), p.get(i - 1).costB(), f.rule() + " curve B at " + p.get(i).volume());
                        Expect.notNegative(p.get(i).costA(), f.rule() + " curve A");
                        Expect.notNegative(p.get(i).costB(), f.rule() + " curve B");
                    }
                }
            });
        }
    }

    /** Overriding the transition price changes the items priced by it, and only those. */
    public static final class OverrideChangesOnlyItsItems implements Law {
        public String name() { return "override-changes-only-its-items"; }
        public String description() { return "Overriding the region's transition price changes exactly the cost items priced by that row, and only it is marked overridden."; }
        public int examples() { return 50; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(ctx.gen().unitPrices(), integers().between(1, 50_000)).checkAssert((price, executions) -> {
                PriceRow row = ctx.prices().row(ctx.region(), Services.STATES_STANDARD, Services.TRANSITION);
                PriceBook user = ctx.prices().overriddenBy(List.of(PriceRow.flat(ctx.region(), Services.STATES_STANDARD,
                        Services.TRANSITION, "transition", price, LocalDate.of(2026, 1, 1), "negotiated")));
                LawMachine.WorkloadShape shape = new LawMachine.WorkloadShape(10_000, 0.05, executions);
                List<CostItem> ia = analysis(ctx, LawMachine.ORDERS, shape, ctx.prices()).workflows().get(0).costItems();
                Analysis b = analysis(ctx, LawMachine.ORDERS, shape, user);
                List<CostItem> ib = b.workflows().get(0).costItems();
                Expect.equal(ib.size(), ia.size(), "cost items");
                for (int i = 0; i < ia.size(); i++) {
                    CostItem x = ia.get(i);
                    CostItem y = ib.get(i);
                    Expect.equal(y.monthlyQuantity(), x.monthlyQuantity(), x.component() + " quantity");
                    if (x.priceKey().equals(row.key())) {
                        Expect.equal(y.unitPrice(), price, x.component() + " unit price");
                        Expect.equal(y.monthlyAmount(), y.monthlyQuantity().multiply(price), x.component() + " amount");
                    } else {
                        Expect.equal(y.monthlyAmount(), x.monthlyAmount(), x.component() + " amount");
                    }
                }
                for (PriceUsed p : b.prices()) {
                    boolean wasOverridden = ctx.prices().overriddenKeys().contains(p.key());
                    Expect.isTrue(p.overridden() == (wasOverridden || p.key().equals(row.key())), p.key() + " overridden flag");
                }
            });
        }
    }

    /** Within the free transitions, a small Standard estate costs nothing. */
    public static final class StandardFreeTierInAnalysis implements Law {
        public String name() { return "standard-free-tier-in-analysis"; }
        public String description() { return "An estate of one four-state Standard machine run up to free transitions ÷ 4 times a month costs $0."; }

        public void check(LawContext ctx) {
            long free = ctx.prices().row(ctx.region(), Services.STATES_STANDARD, Services.FREE_TRANSITIONS).price().longValue();
            ctx.qt().forAll(integers().between(0, (int) Math.min(Integer.MAX_VALUE, free / 4))).checkAssert(executions -> {
                Analysis a = analysis(ctx, LawMachine.FOUR, new LawMachine.WorkloadShape(1, 0, executions), ctx.prices());
                Expect.zero(a.totals().monthlyCostNow(), "total now of " + executions + " executions");
            });
        }
    }

    /**
     * Express is never advised past its 5-minute limit: a machine advised Express runs under it on average, and a
     * Distributed Map advised with Express children runs each child (a batch of items) under it.
     */
    public static final class ExpressWithinItsLimit implements Law {
        private static final ObjectMapper JSON = new ObjectMapper();

        public String name() { return "express-within-its-limit"; }
        public String description() { return "Express is never advised past its 5-minute limit: neither a whole machine nor the Express children of an advised Distributed Map (batch × item time)."; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(ctx.gen().machines(), ctx.gen().workloads(5_000, 0.001, 600.0, 200_000)).checkAssert((m, shape) -> {
                StateMachineContext sm = context(ctx, m, shape);
                for (Finding f : Advisor.stateMachineFindings(sm)) {
                    if (f.rule().equals(StandardToExpress.RULE)) {
                        Expect.atMost(BigDecimal.valueOf(sm.exact().expectedDurationSeconds()), EXPRESS_LIMIT_SECONDS,
                                f.rule() + ": mean execution seconds");
                    }
                    if (f.change().kind() == Change.Kind.ASL) {
                        for (long batch : expressBatches(f.change().content())) {
                            Expect.atMost(BigDecimal.valueOf(batch * shape.seconds()), EXPRESS_LIMIT_SECONDS,
                                    f.rule() + ": an Express child of " + batch + " item(s) × " + shape.seconds() + " s");
                        }
                    }
                }
            });
        }

        /** The items per child of every Map in an ASL text whose children run as Express (1 when unbatched). */
        static List<Long> expressBatches(String asl) {
            List<Long> batches = new ArrayList<>();
            try {
                collect(JSON.readTree(asl), batches);
            } catch (IOException e) {
                throw new AssertionError("advised ASL does not parse: " + e.getMessage());
            }
            return batches;
        }

        private static void collect(JsonNode node, List<Long> batches) {
            if (node == null || !node.isContainerNode()) {
                return;
            }
            if ("Map".equals(node.path("Type").asText())) {
                JsonNode processor = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.path("Iterator");
                if ("EXPRESS".equals(processor.path("ProcessorConfig").path("ExecutionType").asText())) {
                    batches.add(Math.max(1, node.path("ItemBatcher").path("MaxItemsPerBatch").asLong(1)));
                }
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), batches);
            }
        }
    }
}
