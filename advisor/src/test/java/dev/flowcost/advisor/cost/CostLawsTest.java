package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.Architecture;
import dev.flowcost.advisor.price.PriceBook;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** The laws every cost formula obeys, checked with QuickTheories (replay with -DQT_SEED=...). */
class CostLawsTest {

    private static final PriceBook BOOK = PriceBook.bundled();
    private static final StandardWorkflowCost.Prices STANDARD = StandardWorkflowCost.Prices.from(BOOK, "us-east-1");
    private static final ExpressWorkflowCost.Prices EXPRESS = ExpressWorkflowCost.Prices.from(BOOK, "us-east-1");
    private static final LambdaCost.Prices LAMBDA = LambdaCost.Prices.from(BOOK, "us-east-1", Architecture.X86);
    private static final BigDecimal FREE = STANDARD.freeTransitionsPerMonth();
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private static BigDecimal bd(long v) {
        return BigDecimal.valueOf(v);
    }

    /** Express cost of a month of {@code gbSeconds} of duration (no requests). */
    private static BigDecimal expressDuration(BigDecimal gbSeconds) {
        return ExpressWorkflowCost.monthlyFromUsage(BigDecimal.ZERO, gbSeconds, EXPRESS).total();
    }

    @Test
    void costIsNeverNegative() {
        qt().withExamples(200).forAll(longs().between(0, 20_000_000_000L), integers().between(0, 300_000),
                integers().between(1, 10_240)).checkAssert((volume, millis, memoryMb) -> {
                    BigDecimal v = bd(volume);
                    BigDecimal seconds = bd(millis).movePointLeft(3);
                    assertThat(StandardWorkflowCost.monthly(v, FREE, STANDARD).total()).isNotNegative();
                    assertThat(ExpressWorkflowCost.monthly(v, seconds, bd(memoryMb), EXPRESS).total()).isNotNegative();
                    assertThat(LambdaCost.monthly(v, bd(millis), bd(memoryMb), bd(1_000_000), bd(400_000), LAMBDA)
                            .total()).isNotNegative();
                    assertThat(GlueCost.monthly(v, seconds, bd(2), GlueCost.dpuHour(BOOK, "us-east-1")).total())
                            .isNotNegative();
                });
    }

    @Test
    void costNeverDecreasesAsVolumeGrows() {
        qt().withExamples(200).forAll(longs().between(0, 10_000_000_000L), longs().between(0, 10_000_000_000L),
                integers().between(1, 300_000), integers().between(1, 10_240)).checkAssert((volume, more, millis, mb) -> {
                    BigDecimal a = bd(volume);
                    BigDecimal b = a.add(bd(more));
                    BigDecimal seconds = bd(millis).movePointLeft(3);
                    assertThat(StandardWorkflowCost.monthly(b, FREE, STANDARD).total())
                            .isGreaterThanOrEqualTo(StandardWorkflowCost.monthly(a, FREE, STANDARD).total());
                    assertThat(ExpressWorkflowCost.monthly(b, seconds, bd(mb), EXPRESS).total())
                            .isGreaterThanOrEqualTo(ExpressWorkflowCost.monthly(a, seconds, bd(mb), EXPRESS).total());
                    assertThat(LambdaCost.monthly(b, bd(millis), bd(mb), bd(1_000_000), bd(400_000), LAMBDA).total())
                            .isGreaterThanOrEqualTo(LambdaCost.monthly(a, bd(millis), bd(mb), bd(1_000_000),
                                    bd(400_000), LAMBDA).total());
                });
    }

    @Test
    void standardCostIsZeroWithinTheFreeTier() {
        qt().withExamples(200).forAll(longs().between(0, 4_000)).checkAssert(transitions ->
                assertThat(StandardWorkflowCost.monthly(bd(transitions), FREE, STANDARD).total()).isZero());
    }

    @Test
    void standardCostIsLinearAboveTheFreeTier() {
        qt().withExamples(200).forAll(longs().between(0, 1_000_000_000L), longs().between(0, 1_000_000_000L))
                .checkAssert((a, b) -> {
                    BigDecimal base = FREE.add(bd(a));
                    BigDecimal difference = StandardWorkflowCost.monthly(base.add(bd(b)), FREE, STANDARD).total()
                            .subtract(StandardWorkflowCost.monthly(base, FREE, STANDARD).total());
                    assertThat(difference).isEqualByComparingTo(bd(b).multiply(STANDARD.transition().price()));
                    assertThat(StandardWorkflowCost.monthly(base, FREE, STANDARD).total())
                            .isEqualByComparingTo(bd(a).multiply(STANDARD.transition().price()));
                });
    }

    @Test
    void expressDurationCostIsContinuousAcrossTierEdges() {
        long[] edgesGbSeconds = {0, 1_000 * 3_600L, 5_000 * 3_600L};
        BigDecimal highestPerGbSecond = EXPRESS.duration().highestPrice().divide(SECONDS_PER_HOUR, Money.DIVISION);
        BigDecimal tiny = new BigDecimal("1e-20");
        qt().withExamples(200).forAll(integers().between(0, 2), longs().between(-1_000_000, 1_000_000),
                integers().between(1, 1_000_000)).checkAssert((edge, offsetMilli, epsMilli) -> {
                    BigDecimal x = bd(edgesGbSeconds[edge]).add(bd(offsetMilli).movePointLeft(3)).max(BigDecimal.ZERO);
                    BigDecimal eps = bd(epsMilli).movePointLeft(3);
                    BigDecimal step = expressDuration(x.add(eps)).subtract(expressDuration(x));
                    assertThat(step).isNotNegative();
                    assertThat(step).isLessThanOrEqualTo(eps.multiply(highestPerGbSecond).add(tiny));
                });
    }

    @Test
    void batchingNeverRaisesTheDistributedMapChildCount() {
        qt().withExamples(200).forAll(longs().between(0, 10_000_000), longs().between(0, 10_000),
                longs().between(0, 300_000), longs().between(0, 262_144)).checkAssert((items, perBatch, itemBytes, maxBytes) -> {
                    long children = DistributedMapCost.childExecutions(items, perBatch, itemBytes, maxBytes);
                    assertThat(children).isLessThanOrEqualTo(DistributedMapCost.childExecutions(items, 0, 0, 0));
                    if (items == 0) {
                        assertThat(children).isZero();
                    } else {
                        assertThat(children).isPositive();
                    }
                });
    }

    /**
     * With Express children, batching never raises the Map's cost when a batch's child runs as long as its items
     * would one by one (full batches of B items take B × the item duration, the last batch the remainder).
     */
    @Test
    void batchingNeverRaisesTheDistributedMapCostWithExpressChildren() {
        qt().withExamples(200).forAll(longs().between(1, 200_000), longs().between(1, 1_000),
                integers().between(1, 5_000), integers().between(1, 3_008)).checkAssert((items, perBatch, itemMillis, mb) -> {
                    BigDecimal itemSeconds = bd(itemMillis).movePointLeft(3);
                    BigDecimal unbatched = DistributedMapCost.monthlyWithExpressChildren(BigDecimal.ONE, bd(3), items,
                            itemSeconds, bd(mb), BigDecimal.ZERO, STANDARD, EXPRESS).total();
                    long full = items / perBatch;
                    long rest = items % perBatch;
                    long children = DistributedMapCost.childExecutions(items, perBatch, 0, 0);
                    assertThat(children).isEqualTo(full + (rest > 0 ? 1 : 0));
                    BigDecimal gbSeconds = ExpressWorkflowCost.gbSeconds(bd(full), itemSeconds.multiply(bd(perBatch)), bd(mb))
                            .add(ExpressWorkflowCost.gbSeconds(bd(rest > 0 ? 1 : 0), itemSeconds.multiply(bd(rest)), bd(mb)));
                    BigDecimal batched = StandardWorkflowCost.monthly(bd(3 + children), BigDecimal.ZERO, STANDARD).total()
                            .add(ExpressWorkflowCost.monthlyFromUsage(bd(children), gbSeconds, EXPRESS).total());
                    assertThat(batched).isLessThanOrEqualTo(unbatched);
                });
    }

    @Test
    void everyCostLineIsQuantityTimesUnitPrice() {
        qt().withExamples(200).forAll(longs().between(0, 20_000_000_000L), integers().between(0, 900_000),
                integers().between(128, 10_240)).checkAssert((volume, millis, mb) -> {
                    CostBreakdown all = LambdaCost.monthly(bd(volume), bd(millis), bd(mb), bd(1_000_000), bd(400_000), LAMBDA)
                            .plus(ExpressWorkflowCost.monthly(bd(volume), bd(millis).movePointLeft(3), bd(mb), EXPRESS))
                            .plus(StandardWorkflowCost.monthly(bd(volume), FREE, STANDARD));
                    BigDecimal sum = BigDecimal.ZERO;
                    for (CostLine line : all.lines()) {
                        assertThat(line.amount()).isEqualByComparingTo(line.quantity().multiply(line.unitPrice()));
                        sum = sum.add(line.amount());
                    }
                    assertThat(all.total()).isEqualByComparingTo(sum);
                });
    }
}
