package dev.flowcost.advisor.rule;

import java.util.List;
import java.util.Objects;

/**
 * What a rule is, apart from what it checks: the metadata {@code docs/rules.md}, {@code advise --help} and the SARIF
 * log's {@code tool.driver.rules[]} are generated from, so none of them is written by hand.
 *
 * @param id          the id every finding of the rule carries ("inline-map-to-distributed-map")
 * @param title       one line saying what the rule proposes
 * @param subject     what the rule looks at
 * @param description one paragraph: when it fires, what it compares and what it leaves out
 * @param facts       the published facts it rests on, each with its source URL
 */
public record RuleInfo(String id, String title, Subject subject, String description, List<Fact> facts) {

    /** What a rule looks at. */
    public enum Subject {
        STATE_MACHINE("state machine"), DAG("Airflow DAG"), ENVIRONMENT("MWAA environment");

        private final String words;

        Subject(String words) {
            this.words = words;
        }

        /** The subject in a reader's words. */
        public String words() {
            return words;
        }
    }

    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(description, "description");
        facts = List.copyOf(facts);
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a rule id is lower-case words joined by '-': " + id);
        }
        if (description.contains("\n")) {
            throw new IllegalArgumentException("a rule's description is one paragraph: " + id);
        }
    }
}
