package dev.flowcost.core.dag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentClassTest {

    // The capacity columns of PRICING.md's MWAA table.
    @ParameterizedTest(name = "{0}: {1} tasks per worker, {2} DAGs, autoscales {3}, max {4} workers")
    @CsvSource({
        "mw1.micro, 3, 25, false, 1",
        "mw1.small, 5, 50, true, 25",
        "mw1.medium, 10, 250, true, 25",
        "mw1.large, 20, 1000, true, 25",
        "mw1.xlarge, 40, 2000, true, 25",
        "mw1.2xlarge, 80, 4000, true, 25",
    })
    void capacitiesMatchThePricingTable(String name, int tasksPerWorker, int dagCapacity, boolean autoscales,
                                        int maxWorkers) {
        EnvironmentClass c = EnvironmentClass.parse(name).orElseThrow();
        assertThat(c.className()).isEqualTo(name);
        assertThat(c.tasksPerWorker()).isEqualTo(tasksPerWorker);
        assertThat(c.dagCapacity()).isEqualTo(dagCapacity);
        assertThat(c.autoscales()).isEqualTo(autoscales);
        assertThat(c.maxWorkers()).isEqualTo(maxWorkers);
        assertThat(c.slots(3)).isEqualTo(3 * tasksPerWorker);
    }

    @Test
    void parseIgnoresCaseAndBlanksAndRejectsTheRest() {
        assertThat(EnvironmentClass.parse("  MW1.Large ")).contains(EnvironmentClass.MW1_LARGE);
        assertThat(EnvironmentClass.parse("mw1.huge")).isEmpty();
        assertThat(EnvironmentClass.parse("")).isEmpty();
        assertThat(EnvironmentClass.parse(null)).isEmpty();
    }

    @Test
    void smallerStepsDownOneClass() {
        assertThat(EnvironmentClass.MW1_MEDIUM.smaller()).contains(EnvironmentClass.MW1_SMALL);
        assertThat(EnvironmentClass.MW1_SMALL.smaller()).contains(EnvironmentClass.MW1_MICRO);
        assertThat(EnvironmentClass.MW1_MICRO.smaller()).isEmpty();
    }
}
