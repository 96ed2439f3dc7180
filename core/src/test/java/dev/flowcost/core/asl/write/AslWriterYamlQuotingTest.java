package dev.flowcost.core.asl.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.asl.StateMachine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML written by flowcost re-reads as the same text: names that look like numbers, booleans or nulls are quoted. */
class AslWriterYamlQuotingTest {

    private static final List<String> TRICKY = List.of("1e3", ".inf", "-.Inf", ".nan", "yes", "No", "on", "OFF", "y", "null",
            "~", "0x1F", "0o17", "017", "1_000", "1:30", "2001-12-14", "3.", "+1", "true", "12");

    @Test
    void trickyStateNamesSurviveARoundTripThroughYaml() {
        StringBuilder json = new StringBuilder("{\"StartAt\":\"" + TRICKY.get(0) + "\",\"States\":{");
        for (int i = 0; i < TRICKY.size(); i++) {
            String name = TRICKY.get(i);
            json.append(i == 0 ? "" : ",").append('"').append(name).append("\":{\"Type\":\"Pass\",");
            json.append(i + 1 < TRICKY.size() ? "\"Next\":\"" + TRICKY.get(i + 1) + "\"" : "\"End\":true").append('}');
        }
        json.append("}}");
        AslReadResult first = new AslReader().read("t.asl.json", json.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(first.hasErrors()).as(first.diagnostics().toString()).isFalse();
        StateMachine m = first.machine().orElseThrow();

        String yaml = AslWriter.toYamlString(m);
        AslReadResult again = new AslReader().read("t.asl.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(again.hasErrors()).as(yaml + again.diagnostics()).isFalse();
        assertThat(again.machine().orElseThrow().states().keySet()).containsExactlyElementsOf(m.states().keySet());
        assertThat(again.machine().orElseThrow().startAt()).isEqualTo("1e3");
        assertThat(yaml).contains("\"1e3\"", "\".inf\"", "\"yes\"", "\"null\"", "\"~\"", "\"0x1F\"", "\"2001-12-14\"");
    }

    @Test
    void ordinaryNamesStayUnquoted() {
        assertThat(new AslWriter.PlainScalarQuoting().needToQuoteValue("ChargeCard")).isFalse();
        assertThat(new AslWriter.PlainScalarQuoting().needToQuoteValue("load_2024_q1")).isFalse();
        assertThat(new AslWriter.PlainScalarQuoting().needToQuoteName("Type")).isFalse();
    }
}
