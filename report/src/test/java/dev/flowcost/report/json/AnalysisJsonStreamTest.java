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

    @Test
    void prerenderedElementsGiveTheSameText() throws Exception {
        Analysis many = SampleAnalyses.many(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnalysisJson.write(many, out, new AnalysisJson.Prerendered() {
            @Override
            public java.util.Optional<String> workflow(int index, dev.flowcost.advisor.analysis.WorkflowAnalysis w) {
                return java.util.Optional.of(AnalysisJson.workflowElement(many.workflows().get(index)));
            }

            @Override
            public java.util.Optional<String> finding(dev.flowcost.advisor.analysis.Finding f) {
                return java.util.Optional.of(AnalysisJson.findingElement(f));
            }
        });
        assertThat(many.workflows()).isNotEmpty();
        assertThat(many.findings()).isNotEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(AnalysisJson.write(many));
    }
}
