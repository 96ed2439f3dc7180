package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.AdviseFixtures;
import dev.flowcost.advisor.analysis.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redshift Data API poller whose mean is well under Express's 5 minutes (mean × 2 ≈ 283 s, which the old check
 * passed) but whose simulated tail is not: about 10 % of executions poll past 300 s (0.886^18.75), so Express is not
 * advised; and the Data API has no .sync, so no polling finding claims one.
 */
class TailLimitsTest {

    private static final String WORKLOAD = "workflows:\n  refresh:\n    executionsPerMonth: 300000\n    states:\n"
            + "      StatementDone?:\n        branches: {\"0\": 0.114, \"1\": 0.0, \"Default\": 0.886}\n";

    @Test
    void aPollerWhoseTailPassesFiveMinutesIsNotAdvisedExpress() {
        StateMachineContext c = RulesTest.ctx("refresh", "redshift-data-polling-loop.asl.json", WORKLOAD);
        assertThat(2 * c.exact().expectedDurationSeconds()).isLessThan(300);
        TailLimits.Check limit = WorkflowTypeOptions.expressLimit(c);
        assertThat(limit.share()).isBetween(0.05, 0.2);
        assertThat(limit.stops()).isTrue();
        assertThat(limit.describe()).contains("%").contains("300 s");
        assertThat(new StandardToExpress().apply(c)).isEmpty();
        assertThat(WorkflowTypeOptions.expressBlockers(c)).anyMatch(b -> b.contains("of simulated executions"));
    }

    @Test
    void theRedshiftDataPollerGetsNoSyncClaim() {
        StateMachineContext c = RulesTest.ctx("refresh", "redshift-data-polling-loop.asl.json", WORKLOAD);
        List<Finding> all = Rules.apply(c);
        assertThat(all).noneMatch(f -> f.rule().equals(PollingLoopToSync.RULE));
        assertThat(all).noneMatch(f -> f.change().content().contains(".sync"));
    }

    @Test
    void theShareOfBatchesOverALimitGrowsWithTheBatch() {
        StateMachineContext c = RulesTest.ctx("orders", "map-inline-10000-items.asl.json",
                AdviseFixtures.seedTrapWorkload(10_000, 0.05, 720));
        String map = c.statesByPath().entrySet().stream()
                .filter(e -> e.getValue() instanceof dev.flowcost.core.asl.MapState).findFirst().orElseThrow().getKey();
        for (double limit : new double[] {1, 10, 300}) {
            double previous = 0;
            for (long batch = 1; batch <= 200; batch++) {
                TailLimits.Check check = c.limits().iterationsOver(map, batch, limit, "batches", "Express");
                assertThat(check.share()).as("batch " + batch + " within " + limit).isGreaterThanOrEqualTo(previous);
                previous = check.share();
            }
        }
        assertThat(c.limits().iterationsOver(map, 200, 1, "batches", "Express").share()).isEqualTo(1.0);
    }
}
