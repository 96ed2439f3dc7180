package dev.flowcost.report.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.report.SampleAnalyses;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The streamed analysis.json is the very text of the tree-built one; analysis.jsonl holds the same records. */
class AnalysisJsonStreamTest {

    private final Analysis seed = SampleAnalyses.seedTrap();

    @Test
    void streamedJsonIsTheSameTextAsTheWholeTree() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnalysisJson.write(seed, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(AnalysisJson.write(seed));
        assertThat(AnalysisJson.read(out.toString(StandardCharsets.UTF_8))).isEqualTo(seed);
    }

    @Test
    void jsonLinesHoldOneRecordALineWithTheJsonFieldsOfEachElement() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnalysisJson.writeLines(seed, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        String[] lines = text.split("\n");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode whole = mapper.readTree(AnalysisJson.write(seed));
        List<String> records = new ArrayList<>();
        List<JsonNode> workflows = new ArrayList<>();
        for (String line : lines) {
            JsonNode n = mapper.readTree(line);
            records.add(n.get("record").textValue());
            if (n.get("record").textValue().equals("workflow")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("record");
                workflows.add(n);
            }
        }
        assertThat(records.get(0)).isEqualTo("analysis");
        assertThat(mapper.readTree(lines[0]).get("totals")).isEqualTo(whole.get("totals"));
        assertThat(records).filteredOn("workflow"::equals).hasSize(seed.workflows().size());
        assertThat(records).filteredOn("finding"::equals).hasSize(seed.findings().size());
        assertThat(records).filteredOn("environment"::equals).hasSize(seed.environments().size());
        assertThat(records).filteredOn("price"::equals).hasSize(seed.prices().size());
        for (int i = 0; i < workflows.size(); i++) {
            assertThat(workflows.get(i)).isEqualTo(whole.get("workflows").get(i));
        }
    }

    /** {@code records} as a list that also has each one's stored line at hand, as a large estate's store keeps them. */
    private static <T> List<T> withStoredLines(List<T> records, java.util.function.Function<T, byte[]> line) {
        final class Stored extends dev.flowcost.core.LazyList<T> implements AnalysisJson.StoredLines {
            @Override
            public T get(int index) {
                return records.get(index);
            }

            @Override
            public int size() {
                return records.size();
            }

            @Override
            public java.util.Optional<byte[]> line(int index) {
                return java.util.Optional.of(line.apply(records.get(index)));
            }
        }
        return new Stored();
    }

    @Test
    void storedLinesCopiedGiveTheSameText() throws Exception {
        Analysis many = SampleAnalyses.many(3);
        Analysis stored = new Analysis(many.schemaVersion(), many.region(), many.inputs(),
                withStoredLines(many.workflows(), AnalysisJson::workflowLine), many.environments(), many.credits(),
                withStoredLines(many.findings(), AnalysisJson::findingLine), many.assumptions(), many.prices(),
                many.diagnostics(), many.totals());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnalysisJson.write(stored, out);
        assertThat(many.workflows()).isNotEmpty();
        assertThat(many.findings()).isNotEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(AnalysisJson.write(many));
    }
}
