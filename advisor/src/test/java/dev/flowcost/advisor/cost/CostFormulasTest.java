package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.Architecture;
import dev.flowcost.advisor.price.MissingPriceException;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.UnknownRegionException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-computed cases for the billing roundings and edges each formula must get right. */
class CostFormulasTest {

    private static final PriceBook BOOK = PriceBook.bundled();

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void costLineRefusesAnAmountThatIsNotQuantityTimesPrice() {
        assertThatThrownBy(() -> new CostLine("x", d("2"), "u", d("0.5"), "k", d("1.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CostLine("x", d("2"), "u", d("0.5"), "k", d("1.00")).amount()).isEqualByComparingTo("1");
    }

    @Test
    void standardFreeTierPartlyUsedElsewhere() {
        StandardWorkflowCost.Prices p = StandardWorkflowCost.Prices.from(BOOK, "us-east-1");
        CostBreakdown b = StandardWorkflowCost.monthly(d("10000"), d("1000"), p);
        assertThat(b.lines()).hasSize(2);
        assertThat(b.lines().get(0).quantity()).isEqualByComparingTo("1000");
        assertThat(b.lines().get(0).amount()).isEqualByComparingTo("0");
        assertThat(b.lines().get(1).quantity()).isEqualByComparingTo("9000");
        assertThat(b.total()).isEqualByComparingTo("0.225");
        assertThatThrownBy(() -> StandardWorkflowCost.monthly(d("-1"), d("0"), p))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expressRoundsDurationUpTo100MsAndMemoryTo64MbChunks() {
        assertThat(ExpressWorkflowCost.billedDurationSeconds(d("0.01"))).isEqualByComparingTo("0.1");
        assertThat(ExpressWorkflowCost.billedDurationSeconds(d("1.2"))).isEqualByComparingTo("1.2");
        assertThat(ExpressWorkflowCost.billedDurationSeconds(d("1.2001"))).isEqualByComparingTo("1.3");
        assertThat(ExpressWorkflowCost.billedMemoryMb(d("1"))).isEqualByComparingTo("64");
        assertThat(ExpressWorkflowCost.billedMemoryMb(d("64"))).isEqualByComparingTo("64");
        assertThat(ExpressWorkflowCost.billedMemoryMb(d("64.5"))).isEqualByComparingTo("128");
        assertThat(ExpressWorkflowCost.billedMemoryMb(d("0"))).isEqualByComparingTo("64");
        // 1,000 executions of 0.25 s at 100 MB: 0.3 s × 128 MB = 0.0375 GB-s each
        assertThat(ExpressWorkflowCost.gbSeconds(d("1000"), d("0.25"), d("100"))).isEqualByComparingTo("37.5");
    }

    @Test
    void expressDurationPricedPerGbSecondWhenTheRowsSaySo() {
        ExpressWorkflowCost.Prices perSecond = new ExpressWorkflowCost.Prices(new Rate(d("0.000001"), "request", "r"),
                TieredRate.flat("GB-second", d("0.00001667"), "s"));
        CostBreakdown b = ExpressWorkflowCost.monthlyFromUsage(d("0"), d("3600"), perSecond);
        assertThat(b.lines().get(1).quantity()).isEqualByComparingTo("3600");
        ExpressWorkflowCost.Prices bad = new ExpressWorkflowCost.Prices(new Rate(d("0.000001"), "request", "r"),
                TieredRate.flat("GB-minute", d("1"), "m"));
        assertThatThrownBy(() -> ExpressWorkflowCost.monthlyFromUsage(d("0"), d("1"), bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GB-minute");
    }

    @Test
    void tieredRateSplitsAQuantityAcrossTiers() {
        TieredRate rate = new TieredRate("GB-hour", List.of(
                new TieredRate.Tier(d("0"), Optional.of(d("1000")), d("0.06"), "a"),
                new TieredRate.Tier(d("1000"), Optional.of(d("5000")), d("0.03"), "b"),
                new TieredRate.Tier(d("5000"), Optional.empty(), d("0.01642"), "c")));
        assertThat(rate.lines("x", d("0"))).isEmpty();
        assertThat(rate.lines("x", d("1000"))).extracting(CostLine::quantity).containsExactly(d("1000"));
        assertThat(rate.lines("x", d("1500"))).extracting(CostLine::priceKey).containsExactly("a", "b");
        assertThat(rate.lines("x", d("6000")).get(2).quantity()).isEqualByComparingTo("1000");
        assertThatThrownBy(() -> new TieredRate("u", List.of(
                new TieredRate.Tier(d("0"), Optional.of(d("10")), d("1"), "a"),
                new TieredRate.Tier(d("20"), Optional.empty(), d("1"), "b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contiguous");
    }

    @Test
    void lambdaRoundsUpToWholeMillisecondsAndCrossesTheFirstTier() {
        assertThat(LambdaCost.gbSeconds(d("1000"), d("0.2"), d("1024"))).isEqualByComparingTo("1");
        LambdaCost.Prices arm = LambdaCost.Prices.from(BOOK, "us-east-1", Architecture.ARM);
        // arm64's first tier ends at 7.5 billion GB-seconds, not x86's 6 billion (AWS Compute Blog, tiered pricing)
        CostBreakdown within = LambdaCost.monthlyFromUsage(d("0"), d("7000000000"), d("0"), d("0"), arm);
        assertThat(within.lines()).extracting(CostLine::priceKey).containsExactly("us-east-1/lambda/request",
                "us-east-1/lambda/duration-arm@0");
        CostBreakdown b = LambdaCost.monthlyFromUsage(d("0"), d("8000000000"), d("0"), d("0"), arm);
        assertThat(b.lines()).extracting(CostLine::priceKey).containsExactly("us-east-1/lambda/request",
                "us-east-1/lambda/duration-arm@0", "us-east-1/lambda/duration-arm@7500000000");
        assertThat(b.total()).isEqualByComparingTo(d("7500000000").multiply(d("0.0000133334"))
                .add(d("500000000").multiply(d("0.0000120001"))));
    }

    @Test
    void lambdaFreeTierCoversSmallUse() {
        LambdaCost.Prices x86 = LambdaCost.Prices.from(BOOK, "us-east-1", Architecture.X86);
        CostBreakdown b = LambdaCost.monthly(d("100000"), d("100"), d("128"), d("1000000"), d("400000"), x86);
        assertThat(b.total()).isEqualByComparingTo("0");
        assertThat(b.quantityFor("us-east-1/lambda/free-requests")).isEqualByComparingTo("100000");
    }

    @Test
    void mwaaMicroCannotBeChargedExtraWorkers() {
        MwaaCost.Prices micro = MwaaCost.Prices.from(BOOK, "us-east-1", "mw1.micro");
        assertThat(micro.worker()).isEmpty();
        assertThat(MwaaCost.monthly(MwaaUsage.baseMonth("mw1.micro"), micro).total()).isEqualByComparingTo("211.70");
        assertThatThrownBy(() -> MwaaCost.monthly(MwaaUsage.baseMonth("mw1.micro").withExtraWorkerHours(d("1")), micro))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mw1.micro");
        assertThatThrownBy(() -> MwaaCost.monthly(MwaaUsage.baseMonth("mw1.small"), micro))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MwaaUsage.extraSchedulerHours(2, d("730"))).isEqualByComparingTo("0");
        assertThat(MwaaUsage.extraWorkerHours(d("0.5"), d("730"))).isEqualByComparingTo("0");
    }

    @Test
    void mwaaUnknownClassOrRegionIsNamed() {
        assertThatThrownBy(() -> MwaaCost.Prices.from(BOOK, "us-east-1", "mw1.huge"))
                .isInstanceOf(MissingPriceException.class).hasMessageContaining("mw1.huge-environment");
        assertThatThrownBy(() -> MwaaCost.Prices.from(BOOK, "mars-1", "mw1.small"))
                .isInstanceOf(UnknownRegionException.class).hasMessageContaining("'mars-1'");
    }

    @Test
    void fargateAndGlueBillAtLeastOneMinute() {
        FargateCost.Prices p = FargateCost.Prices.from(BOOK, "us-west-2", Architecture.X86);
        CostBreakdown b = FargateCost.monthly(d("60"), d("10"), d("1"), d("2"), p);
        // 60 tasks × 60 s billed = 1 hour: 1 vCPU-hour and 2 GB-hours
        assertThat(b.lines().get(0).quantity()).isEqualByComparingTo("1");
        assertThat(b.lines().get(1).quantity()).isEqualByComparingTo("2");
        assertThat(b.total()).isEqualByComparingTo("0.04937");
        assertThat(GlueCost.dpuHours(d("1"), d("30"), d("2"))).isEqualByComparingTo(
                d("120").divide(d("3600"), Money.DIVISION));
        assertThat(GlueCost.dpuHours(d("1"), d("60.2"), d("1"))).isEqualByComparingTo(
                d("61").divide(d("3600"), Money.DIVISION));
    }

    @Test
    void eventBridgeIsADollarPerMillionAfterTheSchedulersFreeTier() {
        // 14 million Scheduler invocations a month are free; then $1.00 per million in us-east-1, $1.70 in sa-east-1
        assertThat(EventBridgeCost.schedulerInvocations(d("14000000"), BOOK, "us-east-1").total()).isZero();
        assertThat(EventBridgeCost.schedulerInvocations(d("15000000"), BOOK, "us-east-1").total()).isEqualByComparingTo("1");
        assertThat(EventBridgeCost.schedulerInvocations(d("16000000"), BOOK, "sa-east-1").total()).isEqualByComparingTo("3.4");
        EventBridgeCost.SchedulerPrices p = EventBridgeCost.SchedulerPrices.from(BOOK, "us-east-1");
        assertThat(EventBridgeCost.schedulerInvocations(d("1000000"), d("0"), p).total()).isEqualByComparingTo("1");
        assertThat(EventBridgeCost.schedulerInvocations(d("15000000"), BOOK, "us-east-1").lines())
                .extracting(CostLine::priceKey).containsExactly("us-east-1/eventbridge-scheduler/free-invocations",
                        "us-east-1/eventbridge-scheduler/invocation");
        assertThat(EventBridgeCost.customEvents(d("2500000"), BOOK, "us-east-1").total()).isEqualByComparingTo("2.5");
    }

    @Test
    void distributedMapBatchesByItemsAndBytes() {
        assertThat(DistributedMapCost.childExecutions(0, 100, 0, 0)).isZero();
        assertThat(DistributedMapCost.childExecutions(10_001, 100, 0, 0)).isEqualTo(101);
        // 256 KiB per batch, 10 KB items: 26 items per batch even though MaxItemsPerBatch is 100
        assertThat(DistributedMapCost.childExecutions(260, 100, 10_000, 262_144)).isEqualTo(10);
        // an item bigger than the byte limit still goes alone
        assertThat(DistributedMapCost.childExecutions(5, 0, 300_000, 262_144)).isEqualTo(5);
        assertThat(DistributedMapCost.childExecutions(5, 0, 0, 262_144)).isEqualTo(1);
    }

    @Test
    void moneyDisplaysRoundedHalfUp() {
        assertThat(Money.cents(d("0.005"))).isEqualByComparingTo("0.01");
        assertThat(Money.cents(d("0.00499"))).isEqualByComparingTo("0.00");
        assertThat(Money.display(d("1234567.891"))).isEqualTo("$1,234,567.89");
        assertThat(Money.display(d("-2.5"))).isEqualTo("-$2.50");
    }
}
