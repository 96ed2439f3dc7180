package dev.flowcost.report.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.core.LazyList;
import dev.flowcost.report.SampleAnalyses;
import dev.flowcost.report.json.AnalysisJson;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisStoreTest {

    /** Passes every workflow of {@code a} through the store as the advisor does and builds the analysis it keeps. */
    private static Analysis throughStore(Analysis a, AnalysisStore store) {
        List<WorkflowAnalysis> workflows = new ArrayList<>();
        Map<Finding, Finding> slimOf = new IdentityHashMap<>();
        for (WorkflowAnalysis w : a.workflows()) {
            List<Finding> mine = a.findings().stream().filter(f -> f.workflow().equals(w.name())).toList();
            Advisor.WorkflowSink.Kept kept = store.accept(w, mine);
            workflows.add(kept.workflow());
            for (int i = 0; i < mine.size(); i++) {
                slimOf.put(mine.get(i), kept.findings().get(i));
            }
        }
        List<Finding> findings = a.findings().stream().map(f -> slimOf.getOrDefault(f, f)).toList();
        return new Analysis(a.schemaVersion(), a.region(), a.inputs(), workflows, a.environments(), a.credits(),
                findings, a.assumptions(), a.prices(), a.diagnostics(), a.totals());
    }

    @Test
    void theStoredAnalysisReadsBackEveryWorkflowAndFindingWhole() throws Exception {
        Analysis a = SampleAnalyses.seedTrap();
        assertThat(a.findings()).isNotEmpty();
        try (AnalysisStore store = AnalysisStore.create()) {
            Analysis slim = throughStore(a, store);
            // what is kept in memory has lost the details ...
            assertThat(slim.findings().get(0).change().content()).isEmpty();
            assertThat(AnalysisJson.write(slim)).isNotEqualTo(AnalysisJson.write(a));
            Analysis stored = store.stored(slim);
            // ... and the stored analysis has them again, read from disk as they are asked for
            assertThat(stored.workflows()).isInstanceOf(LazyList.class);
            assertThat(stored.findings()).isInstanceOf(LazyList.class);
            assertThat(stored.workflows()).containsExactlyElementsOf(a.workflows());
            assertThat(stored.findings()).containsExactlyElementsOf(a.findings());
            assertThat(AnalysisJson.write(stored)).isEqualTo(AnalysisJson.write(a));
        }
    }

    @Test
    void aFindingTheStoreNeverSawIsKeptAsItIs() throws Exception {
        Analysis a = SampleAnalyses.seedTrap();
        try (AnalysisStore store = AnalysisStore.create()) {
            Analysis slim = throughStore(a, store);
            List<Finding> findings = new ArrayList<>(slim.findings());
            Finding own = a.findings().get(0);
            findings.add(own); // an environment's finding: made outside the sink
            Analysis mixed = new Analysis(slim.schemaVersion(), slim.region(), slim.inputs(), slim.workflows(),
                    slim.environments(), slim.credits(), findings, slim.assumptions(), slim.prices(),
                    slim.diagnostics(), slim.totals());
            List<Finding> back = store.stored(mixed).findings();
            assertThat(back).hasSize(a.findings().size() + 1);
            assertThat(back.get(back.size() - 1)).isSameAs(own);
            assertThat(back.subList(0, a.findings().size())).containsExactlyElementsOf(a.findings());
        }
    }
}
