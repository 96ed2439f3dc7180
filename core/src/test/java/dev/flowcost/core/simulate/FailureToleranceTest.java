package dev.flowcost.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.StateMachine;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tolerated failure threshold of a Distributed Map, worked out by hand. */
class FailureToleranceTest {

    private static MapState map(String extra) {
        String asl = "{\"StartAt\":\"D\",\"States\":{\"D\":{\"Type\":\"Map\",\"End\":true," + extra
                + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},"
                + "\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}}}}";
        StateMachine m = new dev.flowcost.core.asl.AslReader().read("t.asl.json",
                asl.getBytes(StandardCharsets.UTF_8)).machine().orElseThrow();
        return (MapState) m.states().get("D");
    }

    @Test
    void binomialTailOfFourFairChildrenAllowingOne() {
        // P(F >= 2) = 1 - (1 + 4) / 16
        assertThat(FailureTolerance.failureProbability(0.5, 4, 1)).isCloseTo(11.0 / 16, within(1e-12));
        assertThat(FailureTolerance.failureProbability(0.5, 4, 0)).isCloseTo(15.0 / 16, within(1e-12));
        assertThat(FailureTolerance.failureProbability(0.5, 4, 4)).isZero();
        assertThat(FailureTolerance.failureProbability(1.0, 4, 3)).isEqualTo(1.0);
    }

    @Test
    void manyChildrenUseTheNormalApproximation() {
        // 2,000,000 fair children, at most half may fail: just under one half by symmetry
        assertThat(FailureTolerance.failureProbability(0.5, 2_000_000, 1_000_000)).isCloseTo(0.5, within(1e-3));
        assertThat(FailureTolerance.failureProbability(0.001, 2_000_000, 10_000)).isCloseTo(0, within(1e-9));
    }

    @Test
    void percentageCountsFailedItemsAndAFailedBatchFailsAllItsItems() {
        MapState m = map("\"ToleratedFailurePercentage\":10,\"ItemBatcher\":{\"MaxItemsPerBatch\":7},");
        // 100 items in 15 batches: one failed batch (about 7 items) is within 10 items, two are not
        assertThat(FailureTolerance.allowedFailedChildren(m, 100, 15)).isEqualTo(1);
        MapState both = map("\"ToleratedFailurePercentage\":50,\"ToleratedFailureCount\":3,");
        // either threshold fails the run: 50 % of 10 items is 5, the count 3 is lower
        assertThat(FailureTolerance.allowedFailedChildren(both, 10, 10)).isEqualTo(3);
        assertThat(FailureTolerance.applies(map(""))).isFalse();
        assertThat(FailureTolerance.applies(both)).isTrue();
    }
}
