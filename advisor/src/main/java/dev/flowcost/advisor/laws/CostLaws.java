package dev.flowcost.advisor.laws;

import dev.flowcost.advisor.cost.CostBreakdown;
import dev.flowcost.advisor.cost.CostLine;
import dev.flowcost.advisor.cost.DistributedMapCost;
import dev.flowcost.advisor.cost.EventBridgeCost;
import dev.flowcost.advisor.cost.ExpressWorkflowCost;
import dev.flowcost.advisor.cost.StandardWorkflowCost;
import dev.flowcost.advisor.cost.TieredRate;

import java.math.BigDecimal;
import java.util.List;

import org.quicktheories.generators.Generate;

import static dev.flowcost.advisor.laws.Formulas.bd;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** The laws of the cost formulas, against the region's prices: what any bill of any volume must satisfy. */
public final class CostLaws {

    private CostLaws() {
    }

    /** The laws of this class, in the order they are reported. */
    public static List<Law> all() {
        return List.of(new NeverNegative(), new NeverDecreasesWithVolume(), new StandardFreeTier(),
                new StandardLinearAboveFreeTier(), new SchedulerFreeTier(), new TieredCostContinuous(),
                new TieredPricesNeverRise(), new CostLineIsQuantityTimesPrice(), new BatchingNeverRaisesChildren(),
                new BatchingNeverRaisesExpressMapCost());
    }

    /** No formula ever bills a negative amount. */
    public static final class NeverNegative implements Law {
        public String name() { return "cost-never-negative"; }
        public String description() { return "No formula of the region (Step Functions, Lambda, Fargate, Glue, MWAA Serverless, EventBridge) ever costs less than $0."; }
        public int examples() { return 200; }

        public void check(LawContext ctx) {
            List<Formulas.Formula> formulas = Formulas.of(ctx.prices(), ctx.region());
            ctx.qt().forAll(ctx.gen().volumes(), ctx.gen().durationsMillis(), ctx.gen().memoryMb())
                    .checkAssert((volume, millis, mb) -> {
                        for (Formulas.Formula f : formulas) {
                            Expect.notNegative(f.cost().monthly(bd(volume), bd(millis), bd(mb)).total(), f.name() + " cost");
                        }
                    });
        }
    }

    /** More volume never costs less. */
    public static final class NeverDecreasesWithVolume implements Law {
        public String name() { return "cost-monotone-in-volume"; }
        public String description() { return "Every formula's cost never decreases as the monthly volume grows."; }
        public int examples() { return 200; }

        public void check(LawContext ctx) {
            List<Formulas.Formula> formulas = Formulas.of(ctx.prices(), ctx.region());
            ctx.qt().forAll(ctx.gen().volumes(10_000_000_000L), ctx.gen().volumes(10_000_000_000L),
                    integers().between(1, 300_000), integers().between(1, 10_240)).checkAssert((volume, more, millis, mb) -> {
                        for (Formulas.Formula f : formulas) {
                            BigDecimal low = f.cost().monthly(bd(volume), bd(millis), bd(mb)).total();
                            BigDecimal high = f.cost().monthly(bd(volume + more), bd(millis), bd(mb)).total();
                            Expect.atLeast(high, low, f.name() + " cost of the larger volume");
                        }
                    });
        }
    }

    /** Within the free transitions a Standard month costs nothing. */
    public static final class StandardFreeTier implements Law {
        public String name() { return "standard-free-tier"; }
        public String description() { return "Step Functions Standard costs $0 within the free transitions of a month."; }
        public int examples() { return 200; }

        public void check(LawContext ctx) {
            StandardWorkflowCost.Prices p = StandardWorkflowCost.Prices.from(ctx.prices(), ctx.region());
            long free = p.freeTransitionsPerMonth().longValue();
            ctx.qt().forAll(ctx.gen().volumes(free)).checkAssert(transitions -> Expect.zero(
                    StandardWorkflowCost.monthly(bd(transitions), p.freeTransitionsPerMonth(), p).total(),
                    "cost of " + transitions + " transitions"));
        }
    }

    /** Above the free tier, each transition adds exactly its price. */
    public static final class StandardLinearAboveFreeTier implements Law {
        public String name() { return "standard-linear-above-free-tier"; }
        public String description() { return "Above the free tier, Step Functions Standard costs exactly transitions beyond it × the region's price."; }
        public int examples() { return 200; }

        public void check(LawContext ctx) {
            StandardWorkflowCost.Prices p = StandardWorkflowCost.Prices.from(ctx.prices(), ctx.region());
            BigDecimal free = p.freeTransitionsPerMonth();
            ctx.qt().forAll(ctx.gen().volumes(1_000_000_000L), ctx.gen().volumes(1_000_000_000L)).checkAssert((a, b) -> {
                BigDecimal base = free.add(bd(a));
                BigDecimal step = StandardWorkflowCost.monthly(base.add(bd(b)), free, p).total()
                        .subtract(StandardWorkflowCost.monthly(base, free, p).total());
                Expect.equal(step, bd(b).multiply(p.transition().price()), "cost of " + b + " more transitions");
                Expect.equal(StandardWorkflowCost.monthly(base, free, p).total(), bd(a).multiply(p.transition().price()),
                        "cost of " + a + " transitions past the free tier");
            });
        }
    }

    /** The Scheduler's free invocations cost nothing; each one after costs the regional rate. */
    public static final class SchedulerFreeTier implements Law {
        public String name() { return "scheduler-free-tier"; }
        public String description() { return "EventBridge Scheduler costs $0 within its free invocations and exactly the regional rate for each one after."; }
        public int examples() { return 200; }

        public void check(LawContext ctx) {
            EventBridgeCost.SchedulerPrices p = EventBridgeCost.SchedulerPrices.from(ctx.prices(), ctx.region());
            BigDecimal free = p.freeInvocationsPerMonth();
            ctx.qt().forAll(ctx.gen().volumes(free.longValue()), ctx.gen().volumes(1_000_000_000L)).checkAssert((within, above) -> {
                Expect.zero(EventBridgeCost.schedulerInvocations(bd(within), free, p).total(), within + " invocations");
                Expect.equal(EventBridgeCost.schedulerInvocations(free.add(bd(above)), free, p).total(),
                        bd(above).multiply(p.invocation().price()), above + " invocations past the free tier");
            });
        }
    }

    /** Crossing a tier edge never jumps: a little more usage costs at most a little more. */
    public static final class TieredCostContinuous implements Law {
        public String name() { return "tiered-cost-continuous"; }
        public String description() { return "Every tiered price of the region is continuous across its tier edges: eps more usage costs between $0 and eps × the highest tier price."; }
        public int examples() { return 200; }

        public void check(LawContext ctx) {
            List<Formulas.Tiered> tiered = Formulas.tiered(ctx.prices(), ctx.region());
            if (tiered.isEmpty()) {
                ctx.notApplicable("no tiered price in " + ctx.region());
            }
            BigDecimal tiny = new BigDecimal("1e-20");
            ctx.qt().forAll(Generate.pick(tiered), integers().between(0, 10), longs().between(-1_000_000, 1_000_000),
                    integers().between(1, 1_000_000)).checkAssert((price, edge, offsetMilli, epsMilli) -> {
                        List<TieredRate.Tier> tiers = price.rate().tiers();
                        BigDecimal at = tiers.get(edge % tiers.size()).start();
                        BigDecimal x = at.add(bd(offsetMilli).movePointLeft(3)).max(BigDecimal.ZERO);
                        BigDecimal eps = bd(epsMilli).movePointLeft(3);
                        BigDecimal step = price.cost(x.add(eps)).subtract(price.cost(x));
                        Expect.notNegative(step, price.name() + " cost step");
                        Expect.atMost(step, eps.multiply(price.rate().highestPrice()).add(tiny), price.name() + " cost step");
                    });
        }
    }

    /** Tiers are volume discounts: a later tier's unit price is never above an earlier one's. */
    public static final class TieredPricesNeverRise implements Law {
        public String name() { return "tiered-prices-never-rise"; }
        public String description() { return "Along every tiered price of the region, the price of one more unit never rises with usage (tiers are volume discounts)."; }
        public int examples() { return 200; }

        public void check(LawContext ctx) {
            List<Formulas.Tiered> tiered = Formulas.tiered(ctx.prices(), ctx.region());
            if (tiered.isEmpty()) {
                ctx.notApplicable("no tiered price in " + ctx.region());
            }
            ctx.qt().forAll(Generate.pick(tiered), integers().between(0, 1_000_000), integers().between(0, 1_000_000))
                    .checkAssert((price, a, b) -> {
                        // quantities spread over 0 .. twice the last tier's start, in millionths of that range
                        BigDecimal top = price.lastStart().multiply(bd(2)).max(BigDecimal.ONE);
                        BigDecimal q1 = top.multiply(bd(Math.min(a, b))).movePointLeft(6);
                        BigDecimal q2 = top.multiply(bd(Math.max(a, b))).movePointLeft(6);
                        Expect.atMost(marginal(price.rate(), q2), marginal(price.rate(), q1),
                                price.name() + " price of one more unit at " + q2.toPlainString() + " against at "
                                        + q1.toPlainString());
                    });
        }

        private static BigDecimal marginal(TieredRate rate, BigDecimal q) {
            TieredRate.Tier in = rate.tiers().get(0);
            for (TieredRate.Tier t : rate.tiers()) {
                if (t.start().compareTo(q) <= 0) {
                    in = t;
                }
            }
            return in.price();
        }
    }

    /** Every line is its quantity times its unit price, and a total is the sum of its lines. */
    public static final class CostLineIsQuantityTimesPrice implements Law {
        public String name() { return "cost-line-is-quantity-times-price"; }
        public String description() { return "Every cost line is quantity × unit price and every total is the sum of its lines."; }
        public int examples() { return 200; }

        public void check(LawContext ctx) {
            List<Formulas.Formula> formulas = Formulas.of(ctx.prices(), ctx.region());
            ctx.qt().forAll(ctx.gen().volumes(), ctx.gen().durationsMillis(), integers().between(128, 10_240))
                    .checkAssert((volume, millis, mb) -> {
                        for (Formulas.Formula f : formulas) {
                            CostBreakdown b = f.cost().monthly(bd(volume), bd(millis), bd(mb));
                            BigDecimal sum = BigDecimal.ZERO;
                            for (CostLine line : b.lines()) {
                                Expect.equal(line.amount(), line.quantity().multiply(line.unitPrice()), f.name() + " line " + line.component());
                                sum = sum.add(line.amount());
                            }
                            Expect.equal(b.total(), sum, f.name() + " total");
                        }
                    });
        }
    }

    /** An ItemBatcher never starts more children than one per item. */
    public static final class BatchingNeverRaisesChildren implements Law {
        public String name() { return "batching-never-raises-children"; }
        public String description() { return "A Distributed Map's ItemBatcher never starts more child executions than one per item, and starts one when there is an item."; }
        public int examples() { return 200; }

        public void check(LawContext ctx) {
            ctx.qt().forAll(longs().between(0, 10_000_000), longs().between(0, 10_000), longs().between(0, 300_000),
                    longs().between(0, 262_144)).checkAssert((items, perBatch, itemBytes, maxBytes) -> {
                        long children = DistributedMapCost.childExecutions(items, perBatch, itemBytes, maxBytes);
                        Expect.isTrue(children <= DistributedMapCost.childExecutions(items, 0, 0, 0),
                                children + " children for " + items + " items");
                        Expect.isTrue(items == 0 ? children == 0 : children > 0, children + " children for " + items + " items");
                    });
        }
    }

    /** With Express children, batching never raises the Map's cost when a batch runs as long as its items would. */
    public static final class BatchingNeverRaisesExpressMapCost implements Law {
        public String name() { return "batching-never-raises-express-map-cost"; }
        public String description() { return "With Express children, batching a Distributed Map never raises its cost when a batch runs as long as its items one by one."; }
        public int examples() { return 200; }

        public void check(LawContext ctx) {
            StandardWorkflowCost.Prices standard = StandardWorkflowCost.Prices.from(ctx.prices(), ctx.region());
            ExpressWorkflowCost.Prices express = ExpressWorkflowCost.Prices.from(ctx.prices(), ctx.region());
            ctx.qt().forAll(longs().between(1, 200_000), longs().between(1, 1_000), integers().between(1, 5_000),
                    integers().between(1, 3_008)).checkAssert((items, perBatch, itemMillis, mb) -> {
                        BigDecimal itemSeconds = bd(itemMillis).movePointLeft(3);
                        BigDecimal unbatched = DistributedMapCost.monthlyWithExpressChildren(BigDecimal.ONE, bd(3), items,
                                itemSeconds, bd(mb), BigDecimal.ZERO, standard, express).total();
                        long full = items / perBatch;
                        long rest = items % perBatch;
                        long children = DistributedMapCost.childExecutions(items, perBatch, 0, 0);
                        Expect.isTrue(children == full + (rest > 0 ? 1 : 0), children + " children");
                        BigDecimal gbSeconds = ExpressWorkflowCost.gbSeconds(bd(full), itemSeconds.multiply(bd(perBatch)), bd(mb))
                                .add(ExpressWorkflowCost.gbSeconds(bd(rest > 0 ? 1 : 0), itemSeconds.multiply(bd(rest)), bd(mb)));
                        BigDecimal batched = StandardWorkflowCost.monthly(bd(3 + children), BigDecimal.ZERO, standard).total()
                                .add(ExpressWorkflowCost.monthlyFromUsage(bd(children), gbSeconds, express).total());
                        Expect.atMost(batched, unbatched, "batched Map cost");
                    });
        }
    }
}
