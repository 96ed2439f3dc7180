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
    void aSimulatedTailIsCountedWithoutSortingAndAnswersAsTheSortedOne() {
        double[] simulated = {5, 1, 3, 3, 9, 0.5, 7};
        TailShare owned = TailShare.owning(simulated.clone());
        TailShare sorted = TailShare.of(simulated);
        for (double limit : new double[] {0, 0.5, 1, 3, 4, 9, 10}) {
            assertThat(owned.countOver(limit)).as("over %s", limit).isEqualTo(sorted.countOver(limit));
        }
        assertThat(owned.kept()).as("only counted: kept as simulated").containsExactly(simulated);
        assertThat(owned.mean()).isEqualTo(sorted.mean());
        assertThat(owned.kept()).as("a mean sums in order").containsExactly(sorted.kept());
        assertThat(owned.sumCountOver(3, 7, 12)).isEqualTo(sorted.sumCountOver(3, 7, 12));
        assertThat(owned).isEqualTo(sorted);
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

    @Test
    void aSumCountedWithoutItsDrawsGivesTheCountOfTheDraws() { // whatever sizes and limits are asked, in any order
        TailShare one = durations(11, 800);
        for (long terms : new long[] {1, 2, 7, 64, 65, 300}) {
            TailShare sum = one.sumOf(terms, 9);
            assertThat(one.sumSize(terms)).isEqualTo(sum.size());
            // limits below every sum, above every sum (the bounds answer), and through the middle (drawn)
            for (double limit : new double[] {-1, 0, terms * 1.0, terms * 3.0, terms * 5.5, terms * 8.0, terms * 10.0,
                    terms * 10.5, 1e12}) {
                assertThat(one.sumCountOver(terms, 9, limit)).as(terms + " terms over " + limit)
                        .isEqualTo(sum.countOver(limit));
            }
        }
        assertThat(TailShare.EMPTY.sumCountOver(10, 1, 0)).isZero();
        assertThat(TailShare.EMPTY.sumSize(10)).isZero();
    }

    @Test
    void aBatchSearchOverTenThousandRunsPicksAsTheDrawsDo() {
        // 10,000 runs, as a simulated tail holds: a pick's rejection (Lemire's) then happens about once in 430,000
        // picks, and a limit passed after about 40 runs makes 8,192 draws walk some 300,000 picks per limit
        TailShare one = durations(21, 10_000);
        for (long seed = 1; seed <= 4; seed++) {
            for (long terms : new long[] {30, 45, 64}) {
                for (double limit : new double[] {200, 240, 260}) {
                    assertThat(one.sumCountOver(terms, seed, limit)).as("seed %d, %d terms over %s", seed, terms, limit)
                            .isEqualTo(one.sumOf(terms, seed).countOver(limit));
                }
            }
        }
    }

    @Test
    void aLazyTailSimulatesOnceWhenFirstAskedAndAnswersAsTheTailItGives() {
        int[] calls = {0};
        TailShare given = durations(5, 300);
        TailShare lazy = TailShare.lazy(() -> {
            calls[0]++;
            return durations(5, 300);
        });
        assertThat(calls[0]).isZero();
        assertThat(lazy.size()).isEqualTo(300);
        assertThat(lazy.countOver(5)).isEqualTo(given.countOver(5));
        assertThat(lazy.sumOf(20, 3)).isEqualTo(given.sumOf(20, 3));
        assertThat(lazy).isEqualTo(given);
        assertThat(calls[0]).isEqualTo(1);
        TailShare empty = TailShare.lazy(() -> TailShare.EMPTY);
        assertThat(empty.shareOver(1)).isZero();
        assertThat(empty.size()).isZero();
    }

    @Test
    void inEachDrawASumOfMoreRunsIsNeverShorter() {
        TailShare one = durations(13, 600);
        for (long terms = 1; terms < 80; terms++) {
            double[] shorter = values(one.sumOf(terms, 4));
            double[] longer = values(one.sumOf(terms + 1, 4));
            if (terms > 1 && terms + 1 != 65) { // draw by draw (the resampled and normal laws differ at 64 → 65)
                for (int d = 0; d < shorter.length; d++) {
                    assertThat(longer[d]).as("draw " + d + " of " + terms + " → " + (terms + 1)).isGreaterThanOrEqualTo(shorter[d]);
                }
            }
        }
    }

    private static double[] values(TailShare t) {
        return t.kept();
    }

    @Test
    void aDrawPicksEveryRunAlikeAndStaysInRange() {
        int n = 7;
        long[] picks = new long[n];
        TailShare.Draw draw = new TailShare.Draw(99, 0);
        for (int i = 0; i < 70_000; i++) {
            picks[draw.index(n)]++;
        }
        for (long p : picks) {
            assertThat(p).isBetween(9_500L, 10_500L); // 10,000 expected each, sd ≈ 93
        }
        TailShare.Draw one = new TailShare.Draw(5, 3);
        TailShare.Draw same = new TailShare.Draw(5, 3);
        for (int i = 0; i < 100; i++) {
            assertThat(one.index(10_000)).isEqualTo(same.index(10_000)).isBetween(0, 9_999);
            assertThat(new TailShare.Draw(i, i).index(1)).isZero();
        }
    }
}
