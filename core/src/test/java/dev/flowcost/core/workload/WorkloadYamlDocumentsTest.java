package dev.flowcost.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Workload YAML is read by the shared parser: anchors expand, a second document is an error, one encoding policy. */
class WorkloadYamlDocumentsTest {

    private static WorkloadReadResult read(String text) {
        return new WorkloadReader().read("w.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anchorsAndAliasesExpandInsteadOfBecomingText() {
        WorkloadReadResult r = read("workflows:\n  orders:\n    executionsPerMonth: 1000\n    states:\n"
                + "      Charge: &fast {durationSeconds: 2, failureRate: 0.01}\n      Ship: *fast\n"
                + "      Pack: {<<: *fast, durationSeconds: 5}\n");
        assertThat(r.diagnostics()).noneMatch(Diagnostic::isError);
        WorkflowWorkload w = r.workload().orElseThrow().workflows().get("orders");
        assertThat(w.states().get("Ship").durationSeconds().getAsDouble()).isEqualTo(2.0);
        assertThat(w.states().get("Ship").errors()).containsEntry("States.TaskFailed", 0.01);
        assertThat(w.states().get("Pack").durationSeconds().getAsDouble()).isEqualTo(5.0);
    }

    @Test
    void aSecondDocumentIsAnErrorNotIgnored() {
        WorkloadReadResult r = read("executionsPerMonth: 10\n---\nexecutionsPerMonth: 1000000\n");
        assertThat(r.workload()).isEmpty();
        assertThat(r.diagnostics()).anySatisfy(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.message()).contains("second YAML document");
        });
    }

    @Test
    void latin1IsRefusedWithTheByteOffsetNotACharConversionException() {
        WorkloadReadResult r = new WorkloadReader().read("w.yaml",
                "region: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.workload()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.message())
                .contains("offset 11").doesNotContain("Exception"));
    }

    @Test
    void aBomMarkedUtf16WorkloadReads() {
        byte[] text = "executionsPerMonth: 7\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        WorkloadReadResult r = new WorkloadReader().read("w.yaml", withBom);
        assertThat(r.diagnostics()).noneMatch(Diagnostic::isError);
        assertThat(r.workload().orElseThrow().workflows().get(Workload.ANY_WORKFLOW).executionsPerMonth().getAsDouble())
                .isEqualTo(7.0);
    }
}
