package dev.flowcost.advisor;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.rule.InlineMapToDistributedMap;
import dev.flowcost.advisor.rule.LoopInsideLambda;
import dev.flowcost.advisor.rule.PollingLoopToSync;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkloadReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's examples (read from ../examples relative to the advisor module) with their own workload file. */
class ExamplesTest {

    private static StateMachineInput read(String file) throws IOException {
        Path p = Path.of("..", "examples", file);
        byte[] bytes = Files.readAllBytes(p);
        AslReadResult r = new AslReader().read(file, bytes);
        assertThat(r.hasErrors()).as(r.diagnostics().toString()).isFalse();
        String stem = file.substring(0, file.indexOf('.'));
        return new StateMachineInput(stem, file, r.machine().orElseThrow(), r.declaredType(), bytes.length, r.definition());
    }

    @Test
    void bundledExamplesGetTheirFindings() throws IOException {
        Workload w = new WorkloadReader().read(Path.of("..", "examples", "workload.yaml")).workload().orElseThrow();
        Analysis a = Advisor.analyze(new AdvisorInput(List.of(read("orders-inline-map.asl.json"),
                read("glue-poller.asl.json")), List.of(), w, PriceBook.bundled(), Optional.empty(), List.of(), List.of()));
        List<String> orders = a.findings().stream().filter(f -> f.workflow().equals("orders-inline-map"))
                .filter(Finding::isSaving).map(Finding::rule).toList();
        assertThat(orders).contains(InlineMapToDistributedMap.RULE, LoopInsideLambda.RULE);
        assertThat(a.findings()).anyMatch(f -> f.rule().equals(PollingLoopToSync.RULE) && f.isSaving());
        a.findings().stream().filter(f -> f.change().kind() == dev.flowcost.advisor.analysis.Change.Kind.ASL)
                .forEach(f -> AdviseFixtures.assertValidChange(f.change()));
    }
}
