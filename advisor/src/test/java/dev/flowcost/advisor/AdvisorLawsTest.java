package dev.flowcost.advisor;

import dev.flowcost.advisor.laws.AdvisorLaws;
import org.junit.jupiter.api.Test;

import static dev.flowcost.advisor.laws.LawChecks.holds;

/** Laws every analysis obeys ({@link AdvisorLaws}, as {@code flowcost laws} runs them), whatever the volume or durations. */
class AdvisorLawsTest {

    @Test
    void findingSavingEqualsNowMinusAfter() {
        holds(new AdvisorLaws.SavingIsNowMinusAfter());
    }

    @Test
    void findingIsNeverClaimedWhenNotPositive() {
        holds(new AdvisorLaws.ClaimedOnlyWhenPositive());
    }

    @Test
    void totalSavingNeverExceedsTheSumOfClaimedSavings() {
        holds(new AdvisorLaws.TotalSavingWithinClaimed());
    }

    @Test
    void costIsNeverNegative() {
        holds(new AdvisorLaws.AnalysisNeverNegative());
    }

    @Test
    void costNeverDecreasesAsExecutionsGrow() {
        holds(new AdvisorLaws.AnalysisMonotoneInExecutions());
    }

    @Test
    void ruleCurvesNeverDecreaseAsExecutionsGrow() {
        holds(new AdvisorLaws.CurvesNeverDecrease());
    }

    @Test
    void overriddenPricesChangeExactlyTheItemsUsingThem() {
        holds(new AdvisorLaws.OverrideChangesOnlyItsItems());
    }

    @Test
    void standardCostIsZeroWithinTheFreeTier() {
        holds(new AdvisorLaws.StandardFreeTierInAnalysis());
    }

    @Test
    void expressIsNeverAdvisedPastItsLimit() {
        holds(new AdvisorLaws.ExpressWithinItsLimit());
    }
}
