package dev.flowcost.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The one terminal sanitiser: control characters shown escaped, layout kept, JSON kept equal. */
class TerminalTextTest {

    @Test
    void escapesEveryKindOfControlCharacter() {
        assertThat(TerminalText.escape("a\u001b[2Jb")).isEqualTo("a\\u001b[2Jb");
        assertThat(TerminalText.escape("\u001b]8;;http://x\u0007link\u001b]8;;\u0007"))
                .isEqualTo("\\u001b]8;;http://x\\u0007link\\u001b]8;;\\u0007");
        assertThat(TerminalText.escape("total\r$0")).isEqualTo("total\\u000d$0");
        assertThat(TerminalText.escape("x\u009by\u007f")).isEqualTo("x\\u009by\\u007f");
        assertThat(TerminalText.escape("abc\u202edef\u2066")).isEqualTo("abc\\u202edef\\u2066");
    }

    @Test
    void keepsNewlinesTabsAndEveryOtherCharacter() {
        String s = "Zürich — 東京\tok\n✓";
        assertThat(TerminalText.escape(s)).isSameAs(s);
        assertThat(TerminalText.escapeLine("a\nb\tc")).isEqualTo("a\\u000ab\\u0009c");
    }

    @Test
    void jsonPassedThroughStaysTheSameJson() throws Exception {
        ObjectMapper m = new ObjectMapper();
        String json = m.writeValueAsString(java.util.Map.of("name", "x\u202ey\u0085z\u001b"));
        String safe = TerminalText.escape(json);
        assertThat(safe.chars().noneMatch(c -> TerminalText.isUnsafe((char) c))).isTrue();
        assertThat(m.readTree(safe)).isEqualTo(m.readTree(json));
    }
}
