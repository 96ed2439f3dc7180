package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.rule.EnvironmentAfterMigration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment planner raises its finding under the id the rule catalogue documents. */
class EnvironmentPlannerRuleIdTest {

    @Test
    void plannerUsesTheCataloguedId() {
        assertThat(EnvironmentPlanner.RULE).isEqualTo(EnvironmentAfterMigration.RULE);
    }
}
