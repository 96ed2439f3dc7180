package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one list of advisor rules, state machine, DAG and environment alike: what {@code advise} applies, and what
 * {@code docs/rules.md}, the rule list of {@code advise --help} and the SARIF log's rule metadata are generated from.
 * A new rule is one class implementing {@link StateMachineRule} or {@link DagRule}, one line here, its test and its
 * fixture. Within a subject, rules run in this order (their findings are sorted by saving afterwards).
 */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            new InlineMapToDistributedMap(),
            new DistributedMapChildren(),
            new InlineMapQuotaRisks(),
            new LoopInsideLambda(),
            new StandardToExpress(),
            new ExpressToStandard(),
            new PollingLoopToSync(),
            new SensorToEventTrigger(),
            new EnvironmentAfterMigration());

    private Rules() {
    }

    /** Every rule, in catalogue order. */
    public static List<Rule> catalogue() {
        return ALL;
    }

    /** Every rule's metadata, in catalogue order. */
    public static List<RuleInfo> infos() {
        return ALL.stream().map(Rule::info).collect(Collectors.toList());
    }

    /** The metadata of the rule with this id, when there is one. */
    public static Optional<RuleInfo> info(String id) {
        return ALL.stream().map(Rule::info).filter(i -> i.id().equals(id)).findFirst();
    }

    /** The state machine rules, in catalogue order. */
    public static List<StateMachineRule> all() {
        return ALL.stream().filter(StateMachineRule.class::isInstance).map(StateMachineRule.class::cast)
                .collect(Collectors.toList());
    }

    /** The DAG rules, in catalogue order. */
    public static List<DagRule> dag() {
        return ALL.stream().filter(DagRule.class::isInstance).map(DagRule.class::cast).collect(Collectors.toList());
    }

    /** The findings of every state machine rule for one workflow. */
    public static List<Finding> apply(StateMachineContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StateMachineRule r : all()) {
            out.addAll(r.apply(ctx));
        }
        return out;
    }

    /** The findings of every DAG rule for one DAG. */
    public static List<Finding> apply(DagContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (DagRule r : dag()) {
            out.addAll(r.apply(ctx));
        }
        return out;
    }
}
