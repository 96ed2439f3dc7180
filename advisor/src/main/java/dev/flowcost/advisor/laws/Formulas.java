package dev.flowcost.advisor.laws;

import dev.flowcost.advisor.cost.CostBreakdown;
import dev.flowcost.advisor.cost.EventBridgeCost;
import dev.flowcost.advisor.cost.ExpressWorkflowCost;
import dev.flowcost.advisor.cost.FargateCost;
import dev.flowcost.advisor.cost.GlueCost;
import dev.flowcost.advisor.cost.LambdaCost;
import dev.flowcost.advisor.cost.MwaaServerlessCost;
import dev.flowcost.advisor.cost.StandardWorkflowCost;
import dev.flowcost.advisor.cost.TieredRate;
import dev.flowcost.advisor.price.Architecture;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.Services;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every usage formula of one region as a function of (volume, milliseconds, MB), with the region's own free tiers, so
 * a law about "every cost" covers each service the book prices there (MWAA Serverless only where it is offered).
 */
final class Formulas {

    /** One formula: its name and its monthly cost for a volume of units, each taking {@code millis} at {@code mb}. */
    record Formula(String name, Cost cost) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Cost {
        CostBreakdown monthly(BigDecimal volume, BigDecimal millis, BigDecimal mb);
    }

    private Formulas() {
    }

    static BigDecimal bd(long v) {
        return BigDecimal.valueOf(v);
    }

    static List<Formula> of(PriceBook book, String region) {
        StandardWorkflowCost.Prices standard = StandardWorkflowCost.Prices.from(book, region);
        ExpressWorkflowCost.Prices express = ExpressWorkflowCost.Prices.from(book, region);
        List<Formula> all = new ArrayList<>();
        all.add(new Formula("Step Functions Standard", (v, ms, mb) ->
                StandardWorkflowCost.monthly(v, standard.freeTransitionsPerMonth(), standard)));
        all.add(new Formula("Step Functions Express", (v, ms, mb) ->
                ExpressWorkflowCost.monthly(v, ms.movePointLeft(3), mb, express)));
        for (Architecture arch : Architecture.values()) {
            LambdaCost.Prices lambda = LambdaCost.Prices.from(book, region, arch);
            all.add(new Formula("Lambda " + arch.token(), (v, ms, mb) -> LambdaCost.monthly(v, ms, mb,
                    lambda.freeRequests().price(), lambda.freeGbSeconds().price(), lambda)));
            FargateCost.Prices fargate = FargateCost.Prices.from(book, region, arch);
            all.add(new Formula("Fargate " + arch.token(), (v, ms, mb) -> FargateCost.monthly(v, ms.movePointLeft(3),
                    BigDecimal.ONE, mb.divide(bd(1024), java.math.MathContext.DECIMAL64), fargate)));
        }
        all.add(new Formula("Glue", (v, ms, mb) -> GlueCost.monthly(v, ms.movePointLeft(3), bd(2),
                GlueCost.dpuHour(book, region))));
        if (MwaaServerlessCost.offeredIn(book, region)) {
            all.add(new Formula("MWAA Serverless", (v, ms, mb) -> MwaaServerlessCost.monthly(v, ms.movePointLeft(3),
                    MwaaServerlessCost.taskHour(book, region))));
        }
        EventBridgeCost.SchedulerPrices scheduler = EventBridgeCost.SchedulerPrices.from(book, region);
        all.add(new Formula("EventBridge Scheduler", (v, ms, mb) ->
                EventBridgeCost.schedulerInvocations(v, scheduler.freeInvocationsPerMonth(), scheduler)));
        all.add(new Formula("EventBridge custom events", (v, ms, mb) -> EventBridgeCost.customEvents(v, book, region)));
        return all;
    }

    /** Every tiered price of the region (a dimension with more than one row), by name. */
    static List<Tiered> tiered(PriceBook book, String region) {
        List<Tiered> out = new ArrayList<>();
        for (String[] sd : new LawGenerators(book, region).dimensionsOfTheRegion()) {
            if (book.tiers(region, sd[0], sd[1]).size() > 1) {
                out.add(new Tiered(sd[0] + "/" + sd[1], TieredRate.fromRows(book.tiers(region, sd[0], sd[1]))));
            }
        }
        return out;
    }

    /** A tiered price with its name, for counterexamples people can read. */
    record Tiered(String name, TieredRate rate) {
        BigDecimal cost(BigDecimal quantity) {
            return rate.lines(name, quantity).stream().map(l -> l.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The last tier's start (the top of the interesting range). */
        BigDecimal lastStart() {
            return rate.tiers().get(rate.tiers().size() - 1).start();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
