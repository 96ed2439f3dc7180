package dev.flowcost.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TailShareTest {

    private static TailShare durations(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = 1 + r.nextDouble() * 9; // 1..10 s
        }
        return TailShare.of(d);
    }

    @Test
    void countsOverALimitAsTheSortedDurationsDo() {
        TailShare t = TailShare.of(new double[] {5, 1, 3, 3, 9});
        assertThat(t.countOver(3)).isEqualTo(2);
        assertThat(t.countOver(0)).isEqualTo(5);
        assertThat(t.countOver(9)).isZero();
        assertThat(t.shareOver(4)).isEqualTo(0.4);
        assertThat(TailShare.EMPTY.shareOver(1)).isZero();
    }

    @Test
    void aSumCountedBeforeItIsSortedGivesTheSameAnswerAsAfter() {
        TailShare one = durations(7, 1000);
        for (long terms : new long[] {2, 10, 64, 65, 500}) {
            TailShare counted = one.sumOf(terms, 42);
            TailShare sorted = one.sumOf(terms, 42);
            sorted.mean(); // sorts it
            assertThat(counted.size()).isEqualTo(TailShare.SUM_DRAWS);
            for (double limit : new double[] {terms * 4.0, terms * 5.5, terms * 7.0, 0, 1e9}) {
                assertThat(counted.countOver(limit)).as(terms + " terms over " + limit)
                        .isEqualTo(sorted.countOver(limit));
            }
            assertThat(counted).isEqualTo(sorted); // the same draws, whatever was asked first
            assertThat(counted.mean()).isEqualTo(sorted.mean());
        }
    }

    @Test
    void aSumIsSeededAndGrowsWithItsTerms() {
        TailShare one = durations(3, 500);
        assertThat(one.sumOf(8, 1)).isEqualTo(one.sumOf(8, 1));
        assertThat(one.sumOf(8, 1).mean()).isCloseTo(8 * one.mean(), org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(one.sumOf(16, 1).shareOver(8 * 5.5)).isGreaterThan(one.sumOf(8, 1).shareOver(8 * 5.5));
    }
}
