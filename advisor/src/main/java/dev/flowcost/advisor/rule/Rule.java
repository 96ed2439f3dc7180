package dev.flowcost.advisor.rule;

/**
 * The one contract every advisor rule meets, whatever it looks at: it carries its {@link RuleInfo} (id, title,
 * description, facts) and is listed once in {@link Rules}. What it checks is given by the sub-interface for its
 * subject ({@link StateMachineRule}, {@link DagRule}); every finding it raises carries {@code info().id()}.
 */
public interface Rule {

    /** The rule's metadata. */
    RuleInfo info();

    /** The id its findings carry. */
    default String id() {
        return info().id();
    }
}
