package dev.flowcost.advisor.laws;

import dev.flowcost.advisor.price.PriceBook;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Configuration;
import org.quicktheories.core.Reporter;

import java.util.Objects;

/**
 * What a law is given: the price book in use and its region, generators of machines, workloads, volumes and prices
 * ({@link LawGenerators}), and a QuickTheories entry point already set to the run's seed and example count, so that a
 * failure is shrunk, reported and replayable with the same {@code --seed}.
 */
public final class LawContext {

    private final PriceBook prices;
    private final String region;
    private final long seed;
    private final int examples;
    private final Reporter reporter;
    private final LawGenerators generators;

    LawContext(PriceBook prices, String region, long seed, int examples, Reporter reporter) {
        this.prices = Objects.requireNonNull(prices, "prices");
        this.region = Objects.requireNonNull(region, "region");
        this.seed = seed;
        this.examples = examples;
        this.reporter = reporter;
        this.generators = new LawGenerators(prices, region);
    }

    /** The price book the laws are checked against (bundled, with the user's {@code --prices} rows). */
    public PriceBook prices() {
        return prices;
    }

    /** The region whose prices are used. */
    public String region() {
        return region;
    }

    /** Generators of machines, workloads, volumes and prices for this book and region. */
    public LawGenerators gen() {
        return generators;
    }

    /** The number of examples each property tries. */
    public int examples() {
        return examples;
    }

    /** A QuickTheories run with this context's seed, example count and reporter: {@code ctx.qt().forAll(...)}. */
    public QuickTheory qt() {
        return QuickTheory.qt(() -> Configuration.systemStrategy().withFixedSeed(seed).withExamples(examples)
                .withReporter(reporter));
    }

    /** Stops the law as not applicable here (e.g. the region has no price for the service it is about). */
    public void notApplicable(String why) {
        throw new NotApplicable(why);
    }

    /** Thrown by {@link #notApplicable}; the runner turns it into a verdict. */
    static final class NotApplicable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotApplicable(String why) {
            super(why);
        }
    }
}
