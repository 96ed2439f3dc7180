package dev.flowcost.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upper bounds on the workload's numbers: what would overflow the engines is an error with its place. */
class WorkloadBoundsTest {

    @Test
    void numbersAboveTheirBoundsAreErrorsWithPointerAndLine() throws Exception {
        Path file = Paths.get(getClass().getResource("/workload/numbers-too-large.workload.yaml").toURI());
        WorkloadReadResult r = new WorkloadReader().read(file);
        assertThat(r.workload()).isEmpty();
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertThat(errors).extracting(Diagnostic::pointer).containsExactlyInAnyOrder(
                "/workflows/huge/executionsPerMonth",
                "/workflows/huge/states/Call/durationSeconds",
                "/workflows/huge/states/Call/p95Seconds",
                "/workflows/huge/states/Pick/branches/0",
                "/workflows/edge/executionsPerMonth",
                "/environments/prod/metadataStorageGb");
        assertThat(errors).extracting(Diagnostic::line).containsExactlyInAnyOrder(4, 7, 8, 11, 14, 17);
        assertThat(errors.get(0).message()).contains("10^12");
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        String yaml = """
                executionsPerMonth: 1.0e12
                states:
                  Call: {durationSeconds: 31622400, p95Seconds: 31622400}
                  Pick: {branches: {"0": 1.0e15, Default: 1.0e-300}}
                """;
        WorkloadReadResult r = new WorkloadReader().read("w.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.workload()).isPresent();
    }
}
