package dev.flowcost.advisor.rule;

import java.util.Objects;

/**
 * One published fact a rule rests on, with the page that states it, so a reader of {@code docs/rules.md} or of a
 * SARIF viewer can check the rule against AWS's or Airflow's own words.
 *
 * @param statement the fact, in one sentence
 * @param source    the URL of the page that states it
 */
public record Fact(String statement, String source) {
    public Fact {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(source, "source");
        if (!source.startsWith("https://")) {
            throw new IllegalArgumentException("a fact's source is an https URL: " + source);
        }
    }
}
