package dev.flowcost.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadReaderTest {

    private static Path fixture(String name) throws Exception {
        return Paths.get(WorkloadReaderTest.class.getResource("/workload/" + name).toURI());
    }

    private static WorkloadReadResult read(String name, String text) {
        return new WorkloadReader().read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryKeyOfTheContractExample() throws Exception {
        WorkloadReadResult r = new WorkloadReader().read(fixture("full-contract.workload.yaml"));
        assertThat(r.diagnostics()).isEmpty();
        Workload w = r.workload().orElseThrow();
        assertThat(w.region()).isEqualTo("us-east-1");
        assertThat(w.hoursPerMonth()).isEqualTo(730.0);
        WorkflowWorkload orders = w.workflow("orders").orElseThrow();
        assertThat(orders.workflowType()).contains(WorkflowType.STANDARD);
        assertThat(orders.executionsPerMonth().getAsDouble()).isEqualTo(720);
        assertThat(orders.billedMemoryMb().getAsInt()).isEqualTo(64);
        assertThat(orders.state("Fan").orElseThrow().items()).contains(ItemCount.exactly(10_000));
        StepWorkload charge = orders.state("Charge").orElseThrow();
        assertThat(charge.errors()).isEqualTo(Map.of("States.TaskFailed", 0.05));
        assertThat(charge.durationSeconds().getAsDouble()).isEqualTo(1.5);
        assertThat(charge.p95Seconds()).isEmpty();
        assertThat(charge.memoryMb().getAsInt()).isEqualTo(512);
        assertThat(orders.state("IsDone").orElseThrow().branches()).isEqualTo(Map.of("0", 0.25, "Default", 0.75));
        StepWorkload load = orders.task("load_orders").orElseThrow();
        assertThat(load.durationSeconds().getAsDouble()).isEqualTo(600);
        assertThat(load.failureProbability()).isEqualTo(0.02);
        assertThat(load.items()).contains(ItemCount.exactly(100));
        EnvironmentSpec env = w.environments().get("prod-airflow");
        assertThat(env.environmentClass()).isEqualTo("mw1.small");
        assertThat(env.minWorkers()).isEqualTo(1);
        assertThat(env.maxWorkers()).isEqualTo(5);
        assertThat(env.schedulers()).isEqualTo(2);
        assertThat(env.metadataStorageGb()).isEqualTo(10);
        assertThat(env.dags()).containsExactly("*");
        assertThat(env.hosts("anything")).isTrue();
        // a workflow the file does not name gets the defaults, not "orders"
        assertThat(w.workflowOrDefault("payments")).isEqualTo(WorkflowWorkload.defaults());
    }

    @Test
    void workloadWithoutWorkflowsAppliesToTheSingleInput() throws Exception {
        WorkloadReadResult r = new WorkloadReader().read(fixture("single-input.workload.json"));
        assertThat(r.diagnostics()).isEmpty();
        Workload w = r.workload().orElseThrow();
        assertThat(w.hoursPerMonth()).isEqualTo(720);
        WorkflowWorkload any = w.workflowOrDefault("whatever-the-file-stem-is");
        assertThat(any.workflowType()).contains(WorkflowType.EXPRESS);
        assertThat(any.executionsPerMonth().getAsDouble()).isEqualTo(100_000);
        assertThat(any.state("Fan").orElseThrow().items()).contains(new ItemCount(300, 10, 1000));
        StepWorkload charge = any.state("Fan/Charge").orElseThrow();
        assertThat(charge.errors()).isEqualTo(Map.of("States.Timeout", 0.01, "Payment.Declined", 0.04));
        assertThat(charge.failureProbability()).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(charge.p95Seconds().getAsDouble()).isEqualTo(5);
    }

    @Test
    void badValuesAreErrorsWithPointerAndLine() throws Exception {
        WorkloadReadResult r = new WorkloadReader().read(fixture("bad-values.workload.yaml"));
        assertThat(r.workload()).isEmpty();
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertThat(errors).extracting(Diagnostic::pointer).contains(
                "/workflows/orders/executionsPerMonth",
                "/workflows/orders/states/Charge/failureRate",
                "/workflows/orders/states/Charge/durationSeconds",
                "/workflows/orders/states/IsDone/branches/0",
                "/workflows/orders/states/Fan/items/mean",
                "/environments/prod/maxWorkers");
        Diagnostic rate = errors.stream().filter(d -> d.pointer().endsWith("failureRate")).findFirst().orElseThrow();
        assertThat(rate.line()).isEqualTo(8);
        assertThat(rate.message()).contains("between 0 and 1");
        assertThat(errors.stream().filter(d -> d.pointer().endsWith("executionsPerMonth")).findFirst().orElseThrow()
                .line()).isEqualTo(4);
    }

    @Test
    void unknownKeysAreWarningsWithASuggestion() throws Exception {
        WorkloadReadResult r = new WorkloadReader().read(fixture("bad-values.workload.yaml"));
        Diagnostic typo = r.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING)
                .filter(d -> d.pointer().equals("/workflows/orders/workflowTyp")).findFirst().orElseThrow();
        assertThat(typo.message()).contains("workflowTyp").contains("did you mean \"workflowType\"");
        assertThat(typo.line()).isEqualTo(5);
    }

    @Test
    void unknownStepKeyInJsonNamesItsPlace() {
        WorkloadReadResult r = read("w.json", "{\"states\": {\"Charge\": {\"failurerate\": 0.1}}}");
        assertThat(r.workload()).isPresent();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.pointer()).isEqualTo("/states/Charge/failurerate");
            assertThat(d.message()).contains("did you mean \"failureRate\"");
            assertThat(d.line()).isEqualTo(1);
        });
    }

    @Test
    void errorsAddingUpAboveOneAreAnError() {
        WorkloadReadResult r = read("w.yaml", "states:\n  T:\n    errors: {A: 0.7, B: 0.6}\n");
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.diagnostics().get(0).message()).contains("more than 1");
    }

    @Test
    void branchKeysMustBeRuleIndexesOrDefault() {
        WorkloadReadResult r = read("w.yaml", "states:\n  C:\n    branches: {default: 1}\n");
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.diagnostics().get(0).pointer()).isEqualTo("/states/C/branches/default");
        assertThat(r.diagnostics().get(0).message()).contains("did you mean \"Default\"");
    }

    @Test
    void brokenSyntaxIsAnErrorWithALine() {
        WorkloadReadResult r = read("w.json", "{\n \"region\": \"us-east-1\",\n \"workflows\": {\n}");
        assertThat(r.workload()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.line()).isEqualTo(4);
        });
        assertThat(read("w.yaml", "region: [unclosed\n").hasErrors()).isTrue();
        assertThat(read("w.yaml", "").hasErrors()).isTrue();
        assertThat(read("w.yaml", "- just\n- a list\n").hasErrors()).isTrue();
    }

    @Test
    void wrongTypesAreErrorsNotExceptions() {
        String[] inputs = {
            "workflows: 3", "workflows: {a: 3}", "states: [1, 2]", "states: {A: {items: x}}",
            "states: {A: {items: {min: 3}}}", "environments: {e: {dags: 5}}", "hoursPerMonth: -1",
            "workflowType: SOMETIMES", "states: {A: {memoryMb: 1.5}}", "states: {A: {errors: 0.5}}",
            "executionsPerMonth: 1e400", "states: {A: {items: 99999999999999999999999999}}"
        };
        for (String in : inputs) {
            WorkloadReadResult r = read("w.yaml", in);
            assertThat(r.hasErrors()).as(in).isTrue();
            assertThat(r.workload()).as(in).isEmpty();
        }
    }

    @Test
    void architectureWordsAreReadCaseInsensitivelyWithoutWarnings() {
        WorkloadReadResult r = read("w.yaml", "lambdaArchitecture: Graviton\nstates:\n"
                + "  A: {architecture: ARM64}\n  B: {architecture: arm}\n  C: {architecture: X86}\n"
                + "  D: {architecture: x86_64}\n  E: {memoryMb: 512}\n");
        assertThat(r.diagnostics()).isEmpty();
        WorkflowWorkload w = r.workload().orElseThrow().workflow(Workload.ANY_WORKFLOW).orElseThrow();
        assertThat(w.lambdaArchitecture()).contains(LambdaArchitecture.ARM64);
        assertThat(w.state("A").orElseThrow().architecture()).contains(LambdaArchitecture.ARM64);
        assertThat(w.state("B").orElseThrow().architecture()).contains(LambdaArchitecture.ARM64);
        assertThat(w.state("C").orElseThrow().architecture()).contains(LambdaArchitecture.X86_64);
        assertThat(w.state("D").orElseThrow().architecture()).contains(LambdaArchitecture.X86_64);
        assertThat(w.state("E").orElseThrow().architecture()).isEmpty();
        // a state's own word wins over the workflow's default, which covers the states that name none
        assertThat(w.architecture("C")).isEqualTo(LambdaArchitecture.X86_64);
        assertThat(w.architecture("E")).isEqualTo(LambdaArchitecture.ARM64);
        assertThat(w.architecture("NotInTheFile")).isEqualTo(LambdaArchitecture.ARM64);
    }

    @Test
    void architectureDefaultsToX86WhenNothingSaysOtherwise() {
        assertThat(WorkflowWorkload.defaults().architecture("Any")).isEqualTo(LambdaArchitecture.X86_64);
        WorkflowWorkload w = read("w.yaml", "workflows:\n  orders:\n    states:\n      T: {architecture: arm64}\n")
                .workload().orElseThrow().workflow("orders").orElseThrow();
        assertThat(w.lambdaArchitecture()).isEmpty();
        assertThat(w.architecture("T")).isEqualTo(LambdaArchitecture.ARM64);
        assertThat(w.architecture("U")).isEqualTo(LambdaArchitecture.X86_64);
    }

    @Test
    void unknownArchitectureIsAnErrorWithPointerAndLine() {
        WorkloadReadResult r = read("w.yaml", "states:\n  Charge:\n    memoryMb: 1024\n    architecture: sparc\n");
        assertThat(r.workload()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.pointer()).isEqualTo("/states/Charge/architecture");
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.message()).contains("sparc").contains("arm64");
        });
        WorkloadReadResult top = read("w.yaml", "executionsPerMonth: 10\nlambdaArchitecture: 7\n");
        assertThat(top.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.pointer()).isEqualTo("/lambdaArchitecture");
            assertThat(d.line()).isEqualTo(2);
        });
    }
}
