package dev.flowcost.advisor.laws;

/**
 * A law of flowcost's pricing or advice: a property that must hold for every input, checked with QuickTheories
 * against the price book in use. A law is a small class: it names itself, says in one sentence what holds, and states
 * the property with the generators and the {@code qt()} its {@link LawContext} gives (machines, workloads, volumes,
 * prices), failing by throwing an {@link AssertionError} (see {@link Expect}).
 *
 * <p>flowcost's own laws are listed by {@link Laws#builtIn()}. A law of one's own is found by {@link java.util.ServiceLoader}:
 * a public class with a no-argument constructor, named in {@code META-INF/services/dev.flowcost.advisor.laws.Law} of a
 * jar given to {@code flowcost laws --law-jar} (or on the classpath).
 */
public interface Law {

    /** A short, stable, kebab-case name ({@code cost-never-negative}), used by {@code --law} to pick it. */
    String name();

    /** What holds, in one sentence. */
    String description();

    /** Examples to try when the user does not say ({@code --examples}); the tests use this count too. */
    default int examples() {
        return 100;
    }

    /**
     * States the property: one or more {@code ctx.qt().forAll(...).checkAssert(...)}. A precondition the price book
     * does not meet (the region has no such service) is {@link LawContext#notApplicable}.
     */
    void check(LawContext ctx);
}
