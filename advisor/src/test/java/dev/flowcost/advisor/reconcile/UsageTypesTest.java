package dev.flowcost.advisor.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.advisor.reconcile.UsageTypes.Basis;
import dev.flowcost.advisor.reconcile.UsageTypes.Component;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AWS's usage-type names, as seen in price-list and bill data (sources in {@link UsageTypes}), map to components. */
class UsageTypesTest {

    private static Optional<UsageTypes.Match> states(String usageType) {
        return UsageTypes.of(Reconciliation.STATES, usageType, "");
    }

    private static Optional<UsageTypes.Match> mwaa(String usageType) {
        return UsageTypes.of(Reconciliation.MWAA, usageType, "");
    }

    @Test
    void stepFunctionsNamesInEveryRegionForm() {
        for (String u : new String[] {"StateTransition", "USE1-StateTransition", "APE1-StateTransition",
                "CAN1-StateTransition", "EU-StateTransition", "UGW1-StateTransition"}) {
            assertThat(states(u)).as(u).contains(new UsageTypes.Match(Component.STATE_TRANSITION, Optional.empty(),
                    Basis.CONFIRMED));
        }
        assertThat(states("SAE1-StepFunctions-Request")).map(UsageTypes.Match::component).contains(Component.EXPRESS_REQUEST);
        assertThat(states("APS1-StepFunctions-GB-Second")).map(UsageTypes.Match::component)
                .contains(Component.EXPRESS_DURATION);
        assertThat(states("StepFunctions-GB-Second")).map(UsageTypes.Match::basis).contains(Basis.CONFIRMED);
    }

    @Test
    void dataTransferIsNotModelled() {
        assertThat(states("USE1-DataTransfer-Out-Bytes")).isEmpty();
        assertThat(states("USE1-EUW1-AWS-Out-Bytes")).isEmpty();
        assertThat(mwaa("USE1-DataTransfer-Out-Bytes")).isEmpty();
    }

    @Test
    void mwaaHoursCarryTheirClass() {
        assertThat(mwaa("USE1-Airflow-MediumScheduler")).contains(new UsageTypes.Match(Component.MWAA_SCHEDULER,
                Optional.of("mw1.medium"), Basis.CONFIRMED));
        assertThat(mwaa("EUW3-Airflow-SmallEnvironment")).contains(new UsageTypes.Match(Component.MWAA_ENVIRONMENT,
                Optional.of("mw1.small"), Basis.CONFIRMED));
        assertThat(mwaa("Airflow-SmallWorker")).map(UsageTypes.Match::component).contains(Component.MWAA_WORKER);
        assertThat(mwaa("USE1-Airflow-MicroEnvironment")).flatMap(UsageTypes.Match::environmentClass).contains("mw1.micro");
        assertThat(mwaa("USE1-Airflow-StandardDatabaseStorage")).contains(new UsageTypes.Match(
                Component.MWAA_METADATA_STORAGE, Optional.empty(), Basis.CONFIRMED));
    }

    @Test
    void unseenNamesFollowingThePatternAreFlagged() {
        assertThat(mwaa("USE1-Airflow-LargeWebServer")).contains(new UsageTypes.Match(Component.MWAA_WEB_SERVER,
                Optional.of("mw1.large"), Basis.PATTERN));
        assertThat(mwaa("USE1-Airflow-2XLargeEnvironment")).contains(new UsageTypes.Match(Component.MWAA_ENVIRONMENT,
                Optional.of("mw1.2xlarge"), Basis.PATTERN));
    }

    @Test
    void otherNamesFallBackToOperationWordsOrAreNotModelled() {
        assertThat(UsageTypes.of(Reconciliation.STATES, "USE1-Transitions", "StateTransition"))
                .contains(new UsageTypes.Match(Component.STATE_TRANSITION, Optional.empty(), Basis.WORDS));
        assertThat(UsageTypes.of(Reconciliation.MWAA, "USE1-Something", "Scheduler"))
                .map(UsageTypes.Match::component).contains(Component.MWAA_SCHEDULER);
        assertThat(states("USE1-StepFunctions-Activity")).isEmpty();
        assertThat(mwaa("USE1-Airflow-Serverless-Task")).isEmpty();
    }

    @Test
    void regionPrefixIsStrippedOnlyWhenANameFollows() {
        assertThat(UsageTypes.withoutRegion("USE1-EUW1-AWS-Out-Bytes")).isEqualTo("AWS-Out-Bytes");
        assertThat(UsageTypes.withoutRegion("Airflow-SmallWorker")).isEqualTo("Airflow-SmallWorker");
        assertThat(UsageTypes.withoutRegion("StepFunctions-Request")).isEqualTo("StepFunctions-Request");
        assertThat(UsageTypes.withoutRegion("EU-")).isEqualTo("EU-");
    }
}
