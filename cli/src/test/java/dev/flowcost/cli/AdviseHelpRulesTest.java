package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.advisor.rule.RuleDocs;
import dev.flowcost.advisor.rule.RuleInfo;
import dev.flowcost.advisor.rule.Rules;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code advise --help} lists the rules from their metadata: the description holds exactly the lines
 * {@link RuleDocs#helpLines} renders, and the printed help names every rule. A hand-written list would drift.
 */
class AdviseHelpRulesTest {

    private static CommandLine advise() {
        return new CommandLine(new FlowcostCommand()).getSubcommands().get("advise");
    }

    @Test
    void theDescriptionHoldsTheRenderedRuleList() {
        List<String> description = List.of(advise().getCommandSpec().usageMessage().description());
        List<String> expected = RuleDocs.helpLines(Rules.infos());
        assertThat(Collections.indexOfSubList(description, expected))
                .as("advise --help should list the rules as RuleDocs.helpLines renders them; the rule list comes from"
                        + " advisor/src/main/java/dev/flowcost/advisor/rule/Rules.java")
                .isPositive();
    }

    @Test
    void thePrintedHelpNamesEveryRuleAndPointsToTheDoc() {
        String help = advise().getUsageMessage(CommandLine.Help.Ansi.OFF);
        for (RuleInfo r : Rules.infos()) {
            assertThat(help).contains("\n  " + r.id() + "\n");
        }
        assertThat(help).contains(RuleDocs.DOC_PATH);
    }
}
