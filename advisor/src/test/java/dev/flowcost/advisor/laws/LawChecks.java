package dev.flowcost.advisor.laws;

import dev.flowcost.advisor.price.PriceBook;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a law in a test: on the bundled book in us-east-1 unless told otherwise, with each law's own example count and
 * the seed of the {@code QT_SEED} system property (fixed by the parent POM in {@code mvn verify}; {@code -Pexplore}
 * drops it, and then a fresh seed is drawn, as QuickTheories does).
 */
public final class LawChecks {

    private LawChecks() {
    }

    /** The seed of this run: {@code -DQT_SEED}, else a fresh one. */
    public static long seed() {
        String s = System.getProperty("QT_SEED");
        return s == null || s.isBlank() ? System.nanoTime() : Long.parseLong(s.trim());
    }

    public static LawVerdict check(Law law, PriceBook prices, String region) {
        return new LawRunner(prices, region, seed(), Optional.empty()).check(law);
    }

    /** Asserts the law holds on the bundled book in us-east-1; a failure shows the counterexample and seed. */
    public static void holds(Law law) {
        holds(law, PriceBook.bundled(), "us-east-1");
    }

    public static void holds(Law law, PriceBook prices, String region) {
        LawVerdict v = check(law, prices, region);
        assertThat(v.outcome()).as(describe(v)).isEqualTo(LawVerdict.Outcome.PASSED);
    }

    static String describe(LawVerdict v) {
        return v.law() + " " + v.outcome() + " after " + v.examples() + " examples"
                + v.counterexample().map(c -> "; smallest counterexample " + c).orElse("")
                + v.reason().map(r -> "; " + r).orElse("") + "; replay with -DQT_SEED=" + v.seed();
    }
}
