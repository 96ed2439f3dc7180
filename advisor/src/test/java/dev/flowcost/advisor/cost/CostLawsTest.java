package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.laws.CostLaws;
import org.junit.jupiter.api.Test;

import static dev.flowcost.advisor.laws.LawChecks.holds;

/**
 * The laws every cost formula obeys ({@link CostLaws}, the same classes {@code flowcost laws} runs), on the bundled
 * book in us-east-1, with the seed of {@code -DQT_SEED} (fixed in {@code mvn verify}).
 */
class CostLawsTest {

    @Test
    void costIsNeverNegative() {
        holds(new CostLaws.NeverNegative());
    }

    @Test
    void costNeverDecreasesAsVolumeGrows() {
        holds(new CostLaws.NeverDecreasesWithVolume());
    }

    @Test
    void standardCostIsZeroWithinTheFreeTier() {
        holds(new CostLaws.StandardFreeTier());
    }

    @Test
    void standardCostIsLinearAboveTheFreeTier() {
        holds(new CostLaws.StandardLinearAboveFreeTier());
    }

    @Test
    void schedulerCostIsZeroWithinItsFreeTierAndLinearAbove() {
        holds(new CostLaws.SchedulerFreeTier());
    }

    @Test
    void tieredCostsAreContinuousAcrossTierEdges() {
        holds(new CostLaws.TieredCostContinuous());
    }

    @Test
    void tieredPricesNeverRiseWithUsage() {
        holds(new CostLaws.TieredPricesNeverRise());
    }

    @Test
    void batchingNeverRaisesTheDistributedMapChildCount() {
        holds(new CostLaws.BatchingNeverRaisesChildren());
    }

    @Test
    void batchingNeverRaisesTheDistributedMapCostWithExpressChildren() {
        holds(new CostLaws.BatchingNeverRaisesExpressMapCost());
    }

    @Test
    void everyCostLineIsQuantityTimesUnitPrice() {
        holds(new CostLaws.CostLineIsQuantityTimesPrice());
    }

    @Test
    void theLawsHoldInEveryRegionOfTheBundledBook() {
        for (String region : dev.flowcost.advisor.price.PriceBook.bundled().regions()) {
            for (var law : java.util.List.of(new CostLaws.NeverNegative(), new CostLaws.TieredPricesNeverRise(),
                    new CostLaws.SchedulerFreeTier())) {
                dev.flowcost.advisor.laws.LawChecks.holds(law, dev.flowcost.advisor.price.PriceBook.bundled(), region);
            }
        }
    }
}
