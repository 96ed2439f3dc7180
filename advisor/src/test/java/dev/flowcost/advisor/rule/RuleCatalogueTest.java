package dev.flowcost.advisor.rule;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The one catalogue: every rule listed once, each with its metadata complete. */
class RuleCatalogueTest {

    @Test
    void idsAreUniqueAndEveryRuleRestsOnAtLeastOneFact() {
        Set<String> ids = new HashSet<>();
        for (RuleInfo r : Rules.infos()) {
            assertThat(ids.add(r.id())).as("duplicate rule id " + r.id()).isTrue();
            assertThat(r.title()).as(r.id()).isNotBlank().doesNotContain("\n");
            assertThat(r.description().length()).as(r.id() + " description").isGreaterThan(100);
            assertThat(r.facts()).as(r.id() + " facts").isNotEmpty();
        }
    }

    /** The nine ids the advisor raises, each reached through the catalogue. */
    @Test
    void theCatalogueHoldsEveryRuleIdTheAdvisorRaises() {
        assertThat(Rules.infos().stream().map(RuleInfo::id).collect(Collectors.toList())).containsExactly(
                InlineMapToDistributedMap.RULE, DistributedMapChildren.RULE, InlineMapQuotaRisks.RULE,
                LoopInsideLambda.RULE, StandardToExpress.RULE, ExpressToStandard.RULE, PollingLoopToSync.RULE,
                SensorToEventTrigger.RULE, EnvironmentAfterMigration.RULE);
        assertThat(Rules.all()).hasSize(7).allMatch(r -> r.info().subject() == RuleInfo.Subject.STATE_MACHINE);
        assertThat(Rules.dag()).hasSize(1).allMatch(r -> r.info().subject() == RuleInfo.Subject.DAG);
        assertThat(Rules.info("environment-after-migration")).map(RuleInfo::subject)
                .contains(RuleInfo.Subject.ENVIRONMENT);
        assertThat(Rules.info("no-such-rule")).isEmpty();
    }

    @Test
    void helpLinesNameEveryRuleWithItsTitle() {
        List<String> lines = RuleDocs.helpLines(Rules.infos());
        String joined = String.join("\n", lines);
        for (RuleInfo r : Rules.infos()) {
            assertThat(lines).contains("  " + r.id());
            String title = joined.substring(joined.indexOf("  " + r.id() + "\n") + r.id().length() + 3)
                    .lines().takeWhile(l -> l.startsWith("      ")).map(String::trim)
                    .reduce((a, b) -> a + " " + b).orElse("");
            assertThat(title).isEqualTo(r.title());
        }
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(RuleDocs.HELP_WIDTH));
    }
}
