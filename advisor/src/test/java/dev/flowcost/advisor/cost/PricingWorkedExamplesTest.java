package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.Architecture;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.PriceRow;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of PRICING.md (1–11), reproduced to the cent from the bundled price book. */
class PricingWorkedExamplesTest {

    private static final PriceBook BOOK = PriceBook.bundled();
    private static final BigDecimal NO_FREE = BigDecimal.ZERO;
    private static final BigDecimal FREE_4000 = new BigDecimal("4000");

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static String cents(CostBreakdown b) {
        return Money.cents(b.total()).toPlainString();
    }

    private static void assertLinesRecompute(CostBreakdown b) {
        for (CostLine l : b.lines()) {
            assertThat(l.amount()).isEqualByComparingTo(l.quantity().multiply(l.unitPrice()));
        }
    }

    @Test
    void example1ExpressHundredMillionExecutions() {
        ExpressWorkflowCost.Prices prices = ExpressWorkflowCost.Prices.from(BOOK, "us-east-1");
        CostBreakdown b = ExpressWorkflowCost.monthly(d("100000000"), d("10"), d("64"), prices);
        assertThat(ExpressWorkflowCost.gbSeconds(d("100000000"), d("10"), d("64"))).isEqualByComparingTo("62500000");
        List<CostLine> lines = b.lines();
        assertThat(lines).hasSize(4);
        assertThat(Money.cents(lines.get(0).amount())).isEqualByComparingTo("100.00");
        assertThat(lines.get(1).quantity()).isEqualByComparingTo("1000");
        assertThat(Money.cents(lines.get(1).amount())).isEqualByComparingTo("60.00");
        assertThat(lines.get(2).quantity()).isEqualByComparingTo("4000");
        assertThat(Money.cents(lines.get(2).amount())).isEqualByComparingTo("120.00");
        assertThat(Money.cents(lines.get(3).quantity())).isEqualByComparingTo("12361.11");
        assertThat(Money.cents(lines.get(3).amount())).isEqualByComparingTo("202.97");
        BigDecimal duration = lines.get(1).amount().add(lines.get(2).amount()).add(lines.get(3).amount());
        assertThat(Money.cents(duration)).isEqualByComparingTo("382.97");
        assertThat(cents(b)).isEqualTo("482.97");
        assertThat(lines.get(3).priceKey()).isEqualTo("us-east-1/states-express/duration@5000");
        assertLinesRecompute(b);
    }

    @Test
    void example1WithPerGbSecondRatesGivesThePagesWrongerFigure() {
        // PRICING.md: the rounded per-GB-second rates give $382.88 instead of $382.97.
        TieredRate perSecond = new TieredRate("GB-second", List.of(
                new TieredRate.Tier(d("0"), java.util.Optional.of(d("3600000")), d("0.00001667"), "t1"),
                new TieredRate.Tier(d("3600000"), java.util.Optional.of(d("18000000")), d("0.00000833"), "t2"),
                new TieredRate.Tier(d("18000000"), java.util.Optional.empty(), d("0.00000456"), "t3")));
        ExpressWorkflowCost.Prices prices = new ExpressWorkflowCost.Prices(
                new Rate(d("0.000001"), "request", "r"), perSecond);
        CostBreakdown b = ExpressWorkflowCost.monthly(d("100000000"), d("10"), d("64"), prices);
        assertThat(Money.cents(b.total().subtract(d("100")))).isEqualByComparingTo("382.88");
    }

    @Test
    void example2ExpressMemoryEstimate() {
        assertThat(ExpressMemoryEstimate.estimatedMb(50_000, 32_000, 400)).isEqualByComparingTo("62.85");
        assertThat(ExpressMemoryEstimate.billedMb(50_000, 32_000, 400)).isEqualTo(64);
    }

    @Test
    void example3InlineMapSeedTrap() {
        StandardWorkflowCost.Prices prices = StandardWorkflowCost.Prices.from(BOOK, "us-east-1");
        // 10,000 iteration transitions + the Map state + a state before and after it; free tier ignored as the page does.
        BigDecimal perExecution = d("10003");
        assertThat(cents(StandardWorkflowCost.monthly(perExecution, NO_FREE, prices))).isEqualTo("0.25");
        assertThat(cents(StandardWorkflowCost.monthly(perExecution.multiply(d("30")), NO_FREE, prices)))
                .isEqualTo("7.50");
    }

    @Test
    void example4StandardFreeTier() {
        StandardWorkflowCost.Prices prices = StandardWorkflowCost.Prices.from(BOOK, "us-east-1");
        assertThat(prices.freeTransitionsPerMonth()).isEqualByComparingTo("4000");
        assertThat(cents(StandardWorkflowCost.monthly(d("4000"), FREE_4000, prices))).isEqualTo("0.00");
        CostBreakdown b = StandardWorkflowCost.monthly(d("1004000"), FREE_4000, prices);
        assertThat(cents(b)).isEqualTo("25.00");
        assertThat(b.quantityFor("us-east-1/states-standard/free-transitions")).isEqualByComparingTo("4000");
        assertLinesRecompute(b);
    }

    @Test
    void example5MwaaSmall() {
        MwaaCost.Prices prices = MwaaCost.Prices.from(BOOK, "us-east-1", "mw1.small");
        assertThat(cents(MwaaCost.monthly(MwaaUsage.baseMonth("mw1.small"), prices))).isEqualTo("357.70");
        MwaaUsage usage = MwaaUsage.baseMonth("mw1.small").withExtraWorkerHours(d("100")).withMetadataGbMonths(d("10"));
        CostBreakdown b = MwaaCost.monthly(usage, prices);
        assertThat(cents(b)).isEqualTo("364.20");
        assertThat(b.lines()).extracting(l -> Money.cents(l.amount()).toPlainString())
                .containsExactly("357.70", "5.50", "1.00");
    }

    @Test
    void example6MwaaServerless() {
        Rate taskHour = MwaaServerlessCost.taskHour(BOOK, "us-west-2");
        CostBreakdown b = MwaaServerlessCost.monthly(d("300"), d("600"), taskHour);
        assertThat(b.lines().get(0).quantity()).isEqualByComparingTo("50");
        assertThat(cents(b)).isEqualTo("4.40");
        assertThat(MwaaServerlessCost.billedSeconds(d("20"))).isEqualByComparingTo("60");
        assertThat(MwaaServerlessCost.taskHours(d("1"), d("20"))).isEqualByComparingTo(
                d("60").divide(d("3600"), Money.DIVISION));
    }

    @Test
    void example7StandardWithFreeTierAndUsWest1() {
        assertThat(cents(StandardWorkflowCost.monthly(d("400000"), FREE_4000,
                StandardWorkflowCost.Prices.from(BOOK, "us-east-1")))).isEqualTo("9.90");
        assertThat(cents(StandardWorkflowCost.monthly(d("10000000"), FREE_4000,
                StandardWorkflowCost.Prices.from(BOOK, "us-west-1")))).isEqualTo("278.89");
    }

    /**
     * Example 8. PRICING.md writes "3 + 10,000 + 20,000 = 20,003 transitions → $0.40", but that sum is 30,003: with
     * its own rule (one transition per child started, plus the children's own 2 states each; the batched case
     * 3 + 100 + 200 = 303 and the Express case's 10,003 parent transitions both count child starts) the unbatched
     * STANDARD-children cost is (30,003 − 4,000) × $0.000025 = $0.65. We test the rule's $0.65, and that the
     * example's own 20,003 transitions would indeed price at $0.40. Reported upstream as a spec typo.
     */
    @Test
    void example8DistributedMap() {
        StandardWorkflowCost.Prices standard = StandardWorkflowCost.Prices.from(BOOK, "us-east-1");
        ExpressWorkflowCost.Prices express = ExpressWorkflowCost.Prices.from(BOOK, "us-east-1");
        long children = DistributedMapCost.childExecutions(10_000, 0, 0, 0);
        assertThat(DistributedMapCost.standardTransitionsPerExecution(d("3"), children, d("2")))
                .isEqualByComparingTo("30003");
        assertThat(cents(DistributedMapCost.monthlyWithStandardChildren(d("1"), d("3"), children, d("2"), FREE_4000,
                standard))).isEqualTo("0.65");
        assertThat(cents(StandardWorkflowCost.monthly(d("20003"), FREE_4000, standard))).isEqualTo("0.40");

        long batched = DistributedMapCost.childExecutions(10_000, 100, 0, 0);
        assertThat(batched).isEqualTo(100);
        assertThat(DistributedMapCost.standardTransitionsPerExecution(d("3"), batched, d("2")))
                .isEqualByComparingTo("303");
        assertThat(cents(DistributedMapCost.monthlyWithStandardChildren(d("1"), d("3"), batched, d("2"), FREE_4000,
                standard))).isEqualTo("0.00");

        CostBreakdown b = DistributedMapCost.monthlyWithExpressChildren(d("1"), d("3"), children, d("1"), d("64"),
                FREE_4000, standard, express);
        assertThat(b.lines().get(1).amount()).isEqualByComparingTo("0.150075");
        assertThat(b.lines().get(2).amount()).isEqualByComparingTo("0.01");
        assertThat(ExpressWorkflowCost.gbSeconds(d("10000"), d("1"), d("64"))).isEqualByComparingTo("625");
        assertThat(b.lines().get(3).amount().setScale(4, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("0.0104");
        assertThat(cents(b)).isEqualTo("0.17");
        assertLinesRecompute(b);
    }

    /**
     * Example 9. Exactly, with the page's own per-GB-second rate $0.0000166667, duration is $18.33337 and the total
     * $18.73. The page prints $18.34 for duration because it multiplies by the rounded $0.00001667; pricing the same
     * usage with a user override at $0.00001667 reproduces the page's $18.74. Both are tested.
     */
    @Test
    void example9LambdaExactAndAsThePagePrintsIt() {
        LambdaCost.Prices prices = LambdaCost.Prices.from(BOOK, "us-east-1", Architecture.X86);
        BigDecimal freeRequests = prices.freeRequests().price();
        BigDecimal freeGbs = prices.freeGbSeconds().price();
        assertThat(LambdaCost.gbSeconds(d("3000000"), d("1000"), d("512"))).isEqualByComparingTo("1500000");
        CostBreakdown exact = LambdaCost.monthly(d("3000000"), d("1000"), d("512"), freeRequests, freeGbs, prices);
        CostLine duration = exact.lines().get(exact.lines().size() - 1);
        assertThat(duration.quantity()).isEqualByComparingTo("1100000");
        assertThat(Money.cents(duration.amount())).isEqualByComparingTo("18.33");
        assertThat(exact.lines().get(1).amount()).isEqualByComparingTo("0.40");
        assertThat(cents(exact)).isEqualTo("18.73");

        PriceRow tier1 = BOOK.tiers("us-east-1", "lambda", "duration-x86").get(0);
        PriceBook asOnPage = BOOK.overriddenBy(List.of(tier1.withPrice(d("0.00001667"), "page's rounded rate")));
        CostBreakdown page = LambdaCost.monthly(d("3000000"), d("1000"), d("512"), freeRequests, freeGbs,
                LambdaCost.Prices.from(asOnPage, "us-east-1", Architecture.X86));
        assertThat(Money.cents(page.lines().get(page.lines().size() - 1).amount())).isEqualByComparingTo("18.34");
        assertThat(cents(page)).isEqualTo("18.74");
    }

    @Test
    void example10MwaaFromPriceList() {
        assertThat(cents(MwaaCost.monthly(MwaaUsage.baseMonth("mw1.small"),
                MwaaCost.Prices.from(BOOK, "us-east-1", "mw1.small")))).isEqualTo("357.70");
        assertThat(cents(MwaaCost.monthly(MwaaUsage.baseMonth("mw1.medium"),
                MwaaCost.Prices.from(BOOK, "us-east-1", "mw1.medium")))).isEqualTo("540.20");
        MwaaCost.Prices large = MwaaCost.Prices.from(BOOK, "us-east-1", "mw1.large");
        assertThat(cents(MwaaCost.monthly(MwaaUsage.baseMonth("mw1.large"), large))).isEqualTo("722.70");
        BigDecimal hours = MwaaUsage.HOURS_PER_MONTH;
        BigDecimal workerHours = MwaaUsage.extraWorkerHours(d("3.5"), hours);
        BigDecimal schedulerHours = MwaaUsage.extraSchedulerHours(5, hours);
        assertThat(workerHours).isEqualByComparingTo("1825");
        assertThat(schedulerHours).isEqualByComparingTo("2190");
        MwaaUsage usage = MwaaUsage.baseMonth("mw1.large").withExtraWorkerHours(workerHours)
                .withExtraSchedulerHours(schedulerHours).withMetadataGbMonths(d("1000"));
        CostBreakdown b = MwaaCost.monthly(usage, large);
        assertThat(b.lines()).extracting(l -> Money.cents(l.amount()).toPlainString())
                .containsExactly("722.70", "401.50", "481.80", "100.00");
        assertThat(cents(b)).isEqualTo("1706.00");
        assertThat(Money.display(b.total())).isEqualTo("$1,706.00");
    }

    @Test
    void example11Glue() {
        Rate dpuHour = GlueCost.dpuHour(BOOK, "us-east-1");
        assertThat(cents(GlueCost.monthly(d("1"), d("900"), d("6"), dpuHour))).isEqualTo("0.66");
        assertThat(cents(GlueCost.monthly(d("1"), d("1440"), d("5"), dpuHour))).isEqualTo("0.88");
    }
}
