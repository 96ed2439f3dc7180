package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.cost.MwaaServerlessCost;
import dev.flowcost.advisor.price.ServiceNotOfferedException;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.workload.WorkflowWorkload;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.flowcost.advisor.migration.MigrationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MWAA Serverless is not offered in us-west-1 nor GovCloud (MWAA Serverless user guide, Regions): asking for its price
 * there says so, and a DAG's migration advice there prices no Serverless alternative and says why.
 */
class ServerlessAvailabilityTest {

    private static final Dag DAG = chain("etl", List.of(task("extract", "PythonOperator"), task("load", "PythonOperator")));
    private static final WorkflowWorkload DURATIONS = durations(Map.of("extract", 120.0, "load", 60.0));

    private static DagMigrationInput inRegion(String region) {
        DagMigrationInput in = input(DAG, DURATIONS, 720, alone(smallEnvironment(0, 10)));
        return new DagMigrationInput(in.dag(), in.workload(), in.runsPerMonth(), in.runsKey(), in.run(), in.environment(),
                in.prices(), region);
    }

    @Test
    void itsPriceIsNotOfferedInUsWest1OrGovCloud() {
        for (String region : List.of("us-west-1", "us-gov-west-1", "us-gov-east-1")) {
            assertThat(MwaaServerlessCost.offeredIn(PRICES, region)).as(region).isFalse();
            assertThatThrownBy(() -> MwaaServerlessCost.taskHour(PRICES, region))
                    .isInstanceOf(ServiceNotOfferedException.class)
                    .hasMessageStartingWith("MWAA Serverless is not offered in " + region)
                    .hasMessageContaining("us-west-2");
        }
        assertThat(MwaaServerlessCost.taskHour(PRICES, "us-west-2").price()).isEqualByComparingTo("0.088");
    }

    @Test
    void aDagInUsWest1GetsNoServerlessAlternativeAndIsToldWhy() {
        DagMigration there = DagMigrationAdvisor.assess(inRegion("us-west-1"));
        assertThat(there.alternative(DagMigration.MWAA_SERVERLESS)).isEmpty();
        assertThat(there.verdict()).isNotEqualTo(DagMigration.MOVE_TO_SERVERLESS);
        assertThat(there.reasons()).contains("MWAA Serverless not priced: it is not offered in us-west-1");
        assertThat(there.alternatives()).allSatisfy(a -> assertThat(a.monthlyCost()).isGreaterThanOrEqualTo(BigDecimal.ZERO));

        DagMigration oregon = DagMigrationAdvisor.assess(inRegion("us-west-2"));
        assertThat(oregon.alternative(DagMigration.MWAA_SERVERLESS)).isPresent();
        assertThat(oregon.reasons()).noneMatch(r -> r.contains("not offered"));
    }
}
