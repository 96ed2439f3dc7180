package dev.flowcost.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every workload entry that matches nothing is a located warning with a suggestion; unique bare names resolve. */
class WorkloadMatchingTest {

    private static final String WORKLOAD = String.join("\n",
            "workflows:",                          // 1
            "  orders:",                           // 2
            "    states:",                         // 3
            "      Fan:",                          // 4
            "        items: 100",                  // 5
            "      Charge:",                       // 6  bare name of Fan/Charge
            "        durationSeconds: 2",          // 7
            "      Chrage:",                       // 8  a typo
            "        durationSeconds: 3",          // 9
            "  order:",                            // 10 no such workflow
            "    executionsPerMonth: 5",           // 11
            "  etl:",                              // 12
            "    tasks:",                          // 13
            "      load: {durationSeconds: 60}",   // 14 bare id of extract.load
            "      clean_order: {failureRate: 0.1}", // 15 typo of clean_orders
            "environments:",                       // 16
            "  prod:",                             // 17
            "    environmentClass: mw1.small",     // 18
            "    dags: [\"etl*\", \"nothing_*\"]", // 19
            "");

    private static Workload read() {
        WorkloadReadResult r = new WorkloadReader().read("w.yaml", WORKLOAD.getBytes(StandardCharsets.UTF_8));
        assertThat(r.diagnostics()).noneMatch(Diagnostic::isError);
        return r.workload().orElseThrow();
    }

    private static WorkloadMatching.Result match() {
        return WorkloadMatching.match(read(), Map.of("orders", List.of("Fan", "Fan/Charge", "Done")),
                Map.of("etl", List.of("extract.load", "clean_orders", "publish")));
    }

    private static Diagnostic at(WorkloadMatching.Result r, int line) {
        return r.diagnostics().stream().filter(d -> d.line() == line).findFirst().orElseThrow(
                () -> new AssertionError("no diagnostic at line " + line + ": " + r.diagnostics()));
    }

    @Test
    void aUniqueBareStateNameIsReadAsItsPathAndSaidSo() {
        WorkloadMatching.Result r = match();
        assertThat(r.workload().workflow("orders").orElseThrow().state("Fan/Charge").orElseThrow().durationSeconds())
                .hasValue(2.0);
        assertThat(at(r, 6).severity()).isEqualTo(Severity.INFO);
        assertThat(at(r, 6).message()).contains("\"Charge\" read as \"Fan/Charge\"");
    }

    @Test
    void aStateThatDoesNotExistIsAWarningAtItsLineWithTheRealPath() {
        Diagnostic d = at(match(), 8);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.file()).isEqualTo("w.yaml");
        assertThat(d.column()).isEqualTo(7);
        assertThat(d.message()).contains("\"Chrage\"", "did you mean \"Fan/Charge\"");
        assertThat(match().workload().workflow("orders").orElseThrow().states()).doesNotContainKey("Chrage");
    }

    @Test
    void aWorkflowNoInputDefinesIsAWarningWithTheClosestName() {
        Diagnostic d = at(match(), 10);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("workflow \"order\"", "no input defines", "did you mean \"orders\"");
    }

    @Test
    void aBareTaskIdResolvesToItsTaskGroupIdAndATypoIsWarned() {
        WorkloadMatching.Result r = match();
        assertThat(r.workload().workflow("etl").orElseThrow().task("extract.load")).isPresent();
        assertThat(at(r, 14).message()).contains("\"load\" read as \"extract.load\"");
        assertThat(at(r, 15).severity()).isEqualTo(Severity.WARNING);
        assertThat(at(r, 15).message()).contains("did you mean \"clean_orders\"");
    }

    @Test
    void anEnvironmentGlobThatFitsNoDagIsWarnedAtItsEntry() {
        WorkloadMatching.Result r = match();
        List<Diagnostic> env = r.diagnostics().stream().filter(d -> d.message().contains("environment prod")).toList();
        assertThat(env).hasSize(1);
        assertThat(env.get(0).line()).isEqualTo(19);
        assertThat(env.get(0).message()).contains("\"nothing_*\"", "matches no DAG");
    }

    @Test
    void anAmbiguousBareNameAsksForTheFullPath() {
        WorkloadMatching.Result r = WorkloadMatching.match(read(), Map.of("orders",
                List.of("Fan", "Fan/Charge", "Other", "Other/Charge")), Map.of());
        assertThat(at(r, 6).severity()).isEqualTo(Severity.WARNING);
        assertThat(at(r, 6).message()).contains("Fan/Charge", "Other/Charge", "full path");
    }

    @Test
    void matchingOneWorkflowDoesNotWarnAboutTheOthers() {
        WorkloadMatching.Result r = WorkloadMatching.matchOne(read(), "orders", List.of("Fan", "Fan/Charge"), List.of());
        assertThat(r.diagnostics()).noneMatch(d -> d.message().contains("no input defines"));
        assertThat(r.workload().workflow("etl")).isPresent();
        assertThat(r.workload().workflow("orders").orElseThrow().state("Fan/Charge")).isPresent();
    }

    @Test
    void aWorkloadThatMatchesEverythingSaysNothing() {
        WorkloadReadResult w = new WorkloadReader().read("ok.yaml", ("workflows:\n  orders:\n    states:\n"
                + "      Fan/Charge: {durationSeconds: 1}\n").getBytes(StandardCharsets.UTF_8));
        WorkloadMatching.Result r = WorkloadMatching.match(w.workload().orElseThrow(),
                Map.of("orders", List.of("Fan", "Fan/Charge")), Map.of());
        assertThat(r.diagnostics()).isEmpty();
    }
}
