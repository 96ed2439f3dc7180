package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.cost.ExpressWorkflowCost;
import dev.flowcost.advisor.cost.LambdaCost;
import dev.flowcost.advisor.cost.StandardWorkflowCost;
import dev.flowcost.advisor.price.Architecture;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.workload.LambdaArchitecture;

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

    /** x86 Lambda prices (Lambda's default architecture). */
    public LambdaCost.Prices lambda() {
        return LambdaCost.Prices.from(book, region, Architecture.X86);
    }

    /** Lambda prices of the architecture the workload names: Arm (Graviton) GB-seconds for arm64, else x86. */
    public LambdaCost.Prices lambda(LambdaArchitecture architecture) {
        return LambdaCost.Prices.from(book, region, priceArchitecture(architecture));
    }

    /** The price book's architecture for the workload's word. */
    public static Architecture priceArchitecture(LambdaArchitecture architecture) {
        return architecture == LambdaArchitecture.ARM64 ? Architecture.ARM : Architecture.X86;
    }
}
