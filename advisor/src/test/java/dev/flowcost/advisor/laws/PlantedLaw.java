package dev.flowcost.advisor.laws;

import java.math.BigDecimal;

/** A law of one's own, registered in META-INF/services: the region's transition price is under a cent. */
public final class PlantedLaw implements Law {
    @Override
    public String name() {
        return "transition-under-a-cent";
    }

    @Override
    public String description() {
        return "A Standard state transition costs less than $0.01.";
    }

    @Override
    public void check(LawContext ctx) {
        BigDecimal price = ctx.prices().row(ctx.region(), "states-standard", "transition").price();
        ctx.qt().forAll(ctx.gen().volumes(1000)).checkAssert(n -> Expect.atMost(price, new BigDecimal("0.01"), "price"));
    }
}
