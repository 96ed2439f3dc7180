package dev.flowcost.advisor.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Count before pricing (issue 9): the advisor prices counts and applies rules; the simulators, the exact analyzer and
 * the DAG converter run only in core's counting stage ({@code dev.flowcost.core.count.Counting}), and the advisor
 * writes no workload. The law generators ({@code advisor/laws}) build random inputs for property checks, not the
 * analysis, so they are outside the rule.
 */
class CountBeforePricingTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(ExactAnalyzer|MonteCarloSimulator|EnvironmentSimulator|DagRunSimulator|DagToAslConverter)\\s*\\.\\s*"
                    + "(analyze|simulate|convert)\\b|new\\s+(EnvironmentSimulator|DagRunSimulator)\\s*\\("
                    + "|new\\s+(WorkflowWorkload|StepWorkload|Workload)\\s*\\(");

    @Test
    void noAdvisorSourceRunsASimulatorOrWritesAWorkload() throws IOException {
        Path root = Path.of("src", "main", "java", "dev", "flowcost", "advisor");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.startsWith(root.resolve("laws"))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (FORBIDDEN.matcher(lines.get(i)).find()) {
                        offenders.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(offenders).as("advisor code that counts or writes a workload itself").isEmpty();
    }

    @Test
    void thePatternCatchesWhatItForbids() {
        assertThat(FORBIDDEN.matcher("ExactResult e = ExactAnalyzer.analyze(m, w);").find()).isTrue();
        assertThat(FORBIDDEN.matcher("new DagRunSimulator().simulate(d, w, s, 200, 1)").find()).isTrue();
        assertThat(FORBIDDEN.matcher("return new WorkflowWorkload(Optional.empty(),").find()).isTrue();
        assertThat(FORBIDDEN.matcher("DraftCounts d = Counting.draft(dag, w, 30);").find()).isFalse();
    }
}
