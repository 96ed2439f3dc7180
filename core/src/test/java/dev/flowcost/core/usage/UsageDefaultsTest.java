package dev.flowcost.core.usage;

import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.simulate.dag.TaskDurationDefaults;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The defaults table: one row per (kind, key), each with its unit and reason; the values the engines relied on. */
class UsageDefaultsTest {

    @Test
    void everyRowIsDeclaredOnceWithAUnitAndAReason() {
        Set<String> seen = new HashSet<>();
        for (UsageKey row : UsageDefaults.table()) {
            assertThat(seen.add(row.kind() + "/" + row.key())).as("duplicate " + row).isTrue();
            assertThat(row.unit()).as(row.key()).isNotBlank();
            assertThat(row.why()).as(row.key()).isNotBlank();
            assertThat(row.value()).as(row.key()).isGreaterThanOrEqualTo(0);
        }
        for (OperatorFamily f : OperatorFamily.values()) {
            assertThat(UsageDefaults.table()).contains(UsageDefaults.taskSeconds(f));
        }
    }

    /* The values the engines used before the table existed: a default change is a behaviour change, so it shows here. */
    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(UsageDefaults.TASK_SECONDS.value()).isEqualTo(1.0);
        assertThat(UsageDefaults.EXPRESS_CHILD_MEMORY_MB.intValue()).isEqualTo(64);
        assertThat(UsageDefaults.LAMBDA_MEMORY_MB.intValue()).isEqualTo(128);
        assertThat(UsageDefaults.EXECUTIONS_PER_MONTH.intValue()).isEqualTo(1000);
        assertThat(UsageDefaults.MAP_ITEMS.value()).isEqualTo(1);
        assertThat(UsageDefaults.taskSeconds(OperatorFamily.WORKER_CODE).value()).isEqualTo(60);
        assertThat(UsageDefaults.taskSeconds(OperatorFamily.AWS_SERVICE).value()).isEqualTo(300);
        assertThat(UsageDefaults.taskSeconds(OperatorFamily.SENSOR).value()).isEqualTo(600);
        assertThat(TaskDurationDefaults.seconds(OperatorFamily.BRANCH)).isEqualTo(5);
        assertThat(TaskDurationDefaults.POKE_INTERVAL_SECONDS).isEqualTo(60);
    }
}
