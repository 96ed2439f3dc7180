package dev.flowcost.advisor.analysis;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/** Cost curves and break-even volumes. */
class CostCurvesTest {

    private static Function<BigDecimal, BigDecimal> linear(long fixed, long perThousand) {
        return v -> BigDecimal.valueOf(fixed).add(v.multiply(BigDecimal.valueOf(perThousand))
                .divide(BigDecimal.valueOf(1000)));
    }

    @Test
    void volumesSpanATenthToTenTimes() {
        List<BigDecimal> v = CostCurves.aroundVolumes(BigDecimal.valueOf(1000));
        assertThat(v).hasSize(12);
        assertThat(v.get(0)).isEqualByComparingTo("100");
        assertThat(v.get(11)).isEqualByComparingTo("10000");
        for (int i = 1; i < v.size(); i++) {
            assertThat(v.get(i)).isGreaterThan(v.get(i - 1));
        }
    }

    @Test
    void fixedFeeAgainstPayPerUseBreaksEvenWhereTheyMeet() {
        // A: $10 + $1 per 1,000; B: $2 per 1,000 → equal at 10,000
        CostCurve c = CostCurves.aroundCurrent("executions per month", "A", "B", BigDecimal.valueOf(10_000),
                linear(10, 1), linear(0, 2));
        assertThat(c.breakEvenVolume()).isPresent();
        assertThat(c.breakEvenVolume().get().doubleValue()).isCloseTo(10_000, within(0.01));
    }

    @Test
    void parallelCostsHaveNoBreakEven() {
        CostCurve c = CostCurves.aroundCurrent("executions per month", "A", "B", BigDecimal.valueOf(500), linear(0, 3),
                linear(0, 1));
        assertThat(c.breakEvenVolume()).isEmpty();
        assertThat(c.points()).allSatisfy(p -> assertThat(p.costA()).isGreaterThanOrEqualTo(p.costB()));
    }

    @Test
    void cheaperOptionSwapsAtTheBreakEven() {
        qt().withExamples(200).forAll(integers().between(1, 1000), integers().between(1, 50), integers().between(51, 500))
                .checkAssert((fixed, slowSlope, fastSlope) -> {
                    Function<BigDecimal, BigDecimal> a = linear(fixed, slowSlope);
                    Function<BigDecimal, BigDecimal> b = linear(0, fastSlope);
                    // they meet at fixed × 1000 / (fast − slow); centre the curve there
                    BigDecimal meet = BigDecimal.valueOf(fixed * 1000.0 / (fastSlope - slowSlope));
                    CostCurve c = CostCurves.aroundCurrent("executions per month", "A", "B", meet, a, b);
                    assertThat(c.breakEvenVolume()).isPresent();
                    BigDecimal be = c.breakEvenVolume().get();
                    BigDecimal below = be.multiply(BigDecimal.valueOf(0.999));
                    BigDecimal above = be.multiply(BigDecimal.valueOf(1.001));
                    assertThat(a.apply(below)).isGreaterThan(b.apply(below));
                    assertThat(a.apply(above)).isLessThan(b.apply(above));
                });
    }

    /* One algorithm, two windows: the same costs break even at the same volume in both (A: $10 + $1/1000, B: $2/1000). */
    @Test
    void bothWindowsFindTheSameBreakEven() {
        CostCurve around = CostCurves.aroundCurrent("executions per month", "A", "B", BigDecimal.valueOf(7_000),
                linear(10, 1), linear(0, 2));
        CostCurve fromOne = CostCurves.fromOne("runs per month", "A", "B", BigDecimal.valueOf(7_000), linear(10, 1),
                linear(0, 2), 12, 10, 1000);
        assertThat(around.breakEvenVolume().orElseThrow().doubleValue()).isCloseTo(10_000, within(1e-6));
        assertThat(fromOne.breakEvenVolume().orElseThrow()).isEqualByComparingTo("10000.00");
        assertThat(fromOne.points()).anyMatch(p -> p.volume().compareTo(BigDecimal.valueOf(10_000)) == 0);
        assertThat(fromOne.points().get(0).volume()).isEqualByComparingTo("1");
    }
}
