package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.cost.ExpressWorkflowCost;
import dev.flowcost.advisor.cost.LambdaCost;
import dev.flowcost.advisor.cost.StandardWorkflowCost;
import dev.flowcost.advisor.price.Architecture;
import dev.flowcost.advisor.price.PriceBook;

/**
 * The Step Functions and Lambda prices of one region, looked up when first asked so a workflow that needs no Lambda
 * price does not fail for lack of one.
 */
public final class Rates {

    private final PriceBook book;
    private final String region;

    public Rates(PriceBook book, String region) {
        this.book = book;
        this.region = region;
    }

    public static Rates of(StateMachineContext ctx) {
        return new Rates(ctx.prices(), ctx.region());
    }

    public StandardWorkflowCost.Prices standard() {
        return StandardWorkflowCost.Prices.from(book, region);
    }

    public ExpressWorkflowCost.Prices express() {
        return ExpressWorkflowCost.Prices.from(book, region);
    }

    /** x86 Lambda prices (the architecture the workload cannot yet name). */
    public LambdaCost.Prices lambda() {
        return LambdaCost.Prices.from(book, region, Architecture.X86);
    }
}
