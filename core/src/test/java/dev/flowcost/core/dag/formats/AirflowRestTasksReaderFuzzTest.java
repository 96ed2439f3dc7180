package dev.flowcost.core.dag.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowcost.core.dag.DagReadResult;
import java.nio.charset.StandardCharsets;

/**
 * Any input gives a result and never an exception; and the reader's last-resort catch (a diagnostic starting
 * "could not read") must never be needed, because reaching it means a bug, not bad input.
 */
class AirflowRestTasksReaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readerNeverThrows(byte[] data) {
        DagReadResult r = new AirflowRestTasksReader().read("fuzz.in", new String(data, StandardCharsets.UTF_8));
        assertThat(r).isNotNull();
        assertThat(r.diagnostics()).allSatisfy(d -> {
            assertThat(d.file()).isEqualTo("fuzz.in");
            assertThat(d.message()).doesNotStartWith("could not read");
        });
        r.dags().forEach(dag -> dag.edges().forEach(e -> {
            assertThat(dag.task(e.upstream())).isPresent();
            assertThat(dag.task(e.downstream())).isPresent();
        }));
    }
}
