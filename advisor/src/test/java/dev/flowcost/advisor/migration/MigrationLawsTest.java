package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.laws.MigrationLaws;
import org.junit.jupiter.api.Test;

import static dev.flowcost.advisor.laws.LawChecks.holds;

/** Laws of the migration rules and the environment plan ({@link MigrationLaws}, as {@code flowcost laws} runs them). */
class MigrationLawsTest {

    @Test
    void findingSavingIsNowMinusAfterAndNeverClaimedWhenNotPositive() {
        holds(new MigrationLaws.SensorFindingSavingIsNowMinusAfter());
    }

    @Test
    void rescheduleSensorNeverGetsAFinding() {
        holds(new MigrationLaws.RescheduleSensorHasNoFinding());
    }

    @Test
    void environmentPlanSavingIsNowMinusAfterAndNeverCostsMoreThanKeeping() {
        holds(new MigrationLaws.ChosenPlanNeverCostsMoreThanKeeping());
    }

    @Test
    void cheaperOptionSwapsAtTheBreakEven() {
        holds(new MigrationLaws.CheaperOptionSwapsAtBreakEven());
    }

    @Test
    void dagVerdictCostsSwapAtTheirBreakEven() {
        holds(new MigrationLaws.DagVerdictCostsSwapAtBreakEven());
    }

    @Test
    void alternativesNeverNegativeAndNeverDecreaseWithRuns() {
        holds(new MigrationLaws.AlternativesNeverNegativeNorDecreasing());
    }
}
