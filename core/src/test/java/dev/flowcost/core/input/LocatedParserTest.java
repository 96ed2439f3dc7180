package dev.flowcost.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one located JSON/YAML parser: one document per file, aliases expanded within limits, limits in plain words. */
class LocatedParserTest {

    private static final LocatedParser.Options OPTIONS = new LocatedParser.Options("workload file", "a mapping", false, false);

    private static LocatedDocument yaml(String text, List<Diagnostic> out) {
        return LocatedParser.parse("w.yaml", text, true, true, OPTIONS, out);
    }

    @Test
    void aSecondYamlDocumentIsAnErrorNamingItsLine() {
        List<Diagnostic> out = new ArrayList<>();
        assertThat(yaml("region: us-east-1\n---\nregion: eu-west-1\n", out)).isNull();
        assertThat(out).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.file()).isEqualTo("w.yaml");
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.message()).contains("second YAML document");
        });
    }

    @Test
    void aLeadingDocumentMarkerIsOneDocument() {
        List<Diagnostic> out = new ArrayList<>();
        assertThat(yaml("---\nregion: us-east-1\n...\n", out).root().get("region").asText()).isEqualTo("us-east-1");
        assertThat(out).isEmpty();
    }

    @Test
    void firstDocumentOnlyReadsTheFirstWithoutComplaint() {
        List<Diagnostic> out = new ArrayList<>();
        LocatedDocument d = LocatedParser.parse("x.yaml", "a: 1\n---\nb: 2\n", true, true, OPTIONS.firstDocument(), out);
        assertThat(d.root().get("a").asInt()).isEqualTo(1);
        assertThat(out).isEmpty();
    }

    @Test
    void aliasesExpandToTheirAnchorsValue() {
        List<Diagnostic> out = new ArrayList<>();
        LocatedDocument d = yaml("defaults: &fast {durationSeconds: 2}\nstates:\n  A: *fast\n  B: {<<: *fast, failureRate: 0.1}\n", out);
        assertThat(out).isEmpty();
        assertThat(d.root().at("/states/A/durationSeconds").asInt()).isEqualTo(2);
        assertThat(d.root().at("/states/B/durationSeconds").asInt()).isEqualTo(2);
        assertThat(d.root().at("/states/B/failureRate").asDouble()).isEqualTo(0.1);
    }

    @Test
    void anAliasBombStopsAtTheLimit() {
        StringBuilder b = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                b.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            b.append("]\n");
            prev = c;
        }
        List<Diagnostic> out = new ArrayList<>();
        long start = System.nanoTime();
        assertThat(yaml(b.toString(), out)).isNull();
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        assertThat(out).singleElement().satisfies(d -> assertThat(d.message()).containsAnyOf("alias bomb", "more than 50 YAML aliases"));
    }

    @Test
    void nestingTooDeepIsSaidInTheUsersTermsNotJacksons() {
        List<Diagnostic> out = new ArrayList<>();
        assertThat(LocatedParser.parse("w.json", "[".repeat(5000) + "]".repeat(5000), false, true, OPTIONS, out)).isNull();
        assertThat(out).singleElement().satisfies(d -> assertThat(d.message())
                .isEqualTo("the workload file is nested more than 200 levels deep; no real workload file needs this")
                .doesNotContain("StreamReadConstraints"));
    }

    @Test
    void aLongNumberIsSaidInTheUsersTerms() {
        List<Diagnostic> out = new ArrayList<>();
        assertThat(LocatedParser.parse("w.json", "{\"a\": " + "9".repeat(500) + "}", false, true, OPTIONS, out)).isNull();
        assertThat(out).singleElement().satisfies(d -> assertThat(d.message()).contains("more than 100 digits")
                .doesNotContain("StreamReadConstraints", "getMax"));
    }
}
