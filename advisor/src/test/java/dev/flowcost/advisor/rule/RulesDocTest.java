package dev.flowcost.advisor.rule;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed {@code docs/rules.md} is what the rules' metadata renders to. When a rule changes, this test fails
 * and says how to regenerate the page ({@code -Dflowcost.writeRulesDoc=true} writes it instead of comparing).
 */
class RulesDocTest {

    private static final Path DOC = Path.of("..").resolve(RuleDocs.DOC_PATH);

    @Test
    void committedDocIsTheRenderedCatalogue() throws IOException {
        String expected = RuleDocs.markdown(Rules.infos());
        if (Boolean.getBoolean("flowcost.writeRulesDoc")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC)).as(RuleDocs.DOC_PATH + " is missing; generate it with:\n  " + RuleDocs.REGENERATE)
                .isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as(RuleDocs.DOC_PATH + " has drifted from the rules' metadata; regenerate it with:\n  "
                        + RuleDocs.REGENERATE)
                .isEqualTo(expected);
    }

    @Test
    void everyRuleHasItsSectionAndAnchor() {
        String md = RuleDocs.markdown(Rules.infos());
        for (RuleInfo r : Rules.infos()) {
            assertThat(md).contains("<a id=\"" + r.id() + "\"></a>", "## `" + r.id() + "`", r.description());
            r.facts().forEach(f -> assertThat(md).contains(f.source()));
        }
    }
}
