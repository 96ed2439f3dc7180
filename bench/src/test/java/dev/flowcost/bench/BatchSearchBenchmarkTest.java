package dev.flowcost.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchSearchBenchmarkTest {

    @Test
    void theTimedSearchPassesTheLimitMidWalk() {
        BatchSearchBenchmark b = new BatchSearchBenchmark();
        b.setUp(); // throws when the input would let the search stop before it walks
        long first = b.batchesOverExpressLimit();
        assertThat(first).isBetween(1_000L, 8_000L);
        assertThat(b.batchesOverExpressLimit()).as("another seed, another search").isBetween(1_000L, 8_000L);
    }
}
