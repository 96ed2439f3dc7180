package dev.flowcost.advisor.laws;

import dev.flowcost.advisor.price.MissingPriceException;
import dev.flowcost.advisor.price.PriceBook;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Reporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks laws against a price book and region with one seed, turning QuickTheories' report of a falsified property
 * into a {@link LawVerdict} (smallest counterexample, reason, seed) instead of an exception.
 */
public final class LawRunner {

    private final PriceBook prices;
    private final String region;
    private final long seed;
    private final Optional<Integer> examples;

    /**
     * @param examples examples per property; empty = each law's own {@link Law#examples()}
     */
    public LawRunner(PriceBook prices, String region, long seed, Optional<Integer> examples) {
        this.prices = prices;
        this.region = region;
        this.seed = seed;
        this.examples = examples;
    }

    /** Every law in order, each with the same seed. */
    public List<LawVerdict> check(List<Law> laws) {
        List<LawVerdict> verdicts = new ArrayList<>();
        for (Law law : laws) {
            verdicts.add(check(law));
        }
        return verdicts;
    }

    /** One law. */
    public LawVerdict check(Law law) {
        int n = examples.orElse(law.examples());
        Capture capture = new Capture();
        long start = System.nanoTime();
        LawVerdict.Outcome outcome = LawVerdict.Outcome.PASSED;
        Optional<String> counterexample = Optional.empty();
        Optional<String> reason = Optional.empty();
        try {
            law.check(new LawContext(prices, region, seed, n, capture));
        } catch (Falsified f) {
            outcome = LawVerdict.Outcome.FAILED;
            counterexample = Optional.of(f.counterexample);
            reason = Optional.of(f.reason);
        } catch (LawContext.NotApplicable na) {
            outcome = LawVerdict.Outcome.NOT_APPLICABLE;
            reason = Optional.of(na.getMessage());
        } catch (MissingPriceException missing) {
            outcome = LawVerdict.Outcome.NOT_APPLICABLE;
            reason = Optional.of(missing.getMessage());
        } catch (RuntimeException | AssertionError e) {
            // thrown outside a property (while setting it up): a failure, but nothing to shrink
            outcome = LawVerdict.Outcome.FAILED;
            reason = Optional.of(describe(e));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new LawVerdict(law.name(), law.description(), outcome, capture.examples.orElse(n), seed, counterexample,
                reason, millis);
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        String first = m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
        return t instanceof AssertionError ? first : t.getClass().getSimpleName() + ": " + first;
    }

    /** QuickTheories' report of a falsified property, carried out of the law. */
    private static final class Falsified extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String counterexample;
        private final String reason;

        Falsified(String counterexample, String reason) {
            super(reason, null, false, false);
            this.counterexample = counterexample;
            this.reason = reason;
        }
    }

    /** Records how many examples ran and stops the law at its first falsification. */
    private static final class Capture implements Reporter {
        private Optional<Integer> examples = Optional.empty();

        @Override
        public void falisification(long seed, int examplesUsed, Object smallest, Throwable cause, List<Object> others,
                                   AsString<Object> toString) {
            examples = Optional.of(examplesUsed);
            throw new Falsified(toString.asString(smallest), describe(cause));
        }

        @Override
        public void falisification(long seed, int examplesUsed, Object smallest, List<Object> others,
                                   AsString<Object> toString) {
            examples = Optional.of(examplesUsed);
            throw new Falsified(toString.asString(smallest), "the property is false for this value");
        }

        @Override
        public void valuesExhausted(int found) {
            examples = Optional.of(found);
            throw new Falsified("(none)", "only " + found + " examples could be generated");
        }
    }
}
