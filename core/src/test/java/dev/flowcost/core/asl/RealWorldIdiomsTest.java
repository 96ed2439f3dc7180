package dev.flowcost.core.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import dev.flowcost.core.simulate.ExactAnalyzer;
import dev.flowcost.core.simulate.ExactResult;
import dev.flowcost.core.workload.WorkflowWorkload;
import dev.flowcost.core.workload.WorkflowType;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Idioms seen in public Step Functions repositories (CloudFormation, SAM, CDK and Serverless Framework files, YAML
 * anchors, intrinsic functions in ARNs), each reproduced by a small fixture written for flowcost. The most damaging
 * bug is a real, valid file being refused, so most tests assert that a valid idiom reads without an error.
 */
class RealWorldIdiomsTest {

    private final AslReader reader = new AslReader();

    private static byte[] fixture(String name) throws IOException {
        return AslFixtures.bytes("real-idioms/" + name);
    }

    private AslReadResult read(String name) throws IOException {
        return reader.read(name, fixture(name));
    }

    private static List<Diagnostic> errors(AslReadResult r) {
        return AslFixtures.errors(r);
    }

    private static StateMachine machine(AslReadResult r) {
        return AslFixtures.machine(r);
    }

    /** 1-based line of the first line containing {@code token}, found independently of the parser. */
    private static int lineOf(String fixture, String token) throws IOException {
        String[] lines = new String(fixture(fixture), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(token)) {
                return i + 1;
            }
        }
        throw new AssertionError(token + " not in " + fixture);
    }

    @Test
    void cloudFormationTemplateWithShortFormTagsReadsItsSubBlockDefinition() throws IOException {
        String f = "cfn-template-with-sub-tags.yaml";
        AslReadResult r = read(f);
        StateMachine m = machine(r);
        assertThat(m.startAt()).isEqualTo("Validate");
        assertThat(m.states().keySet()).containsExactly("Validate", "Work", "Finish");
        assertThat(r.declaredType()).contains(WorkflowType.EXPRESS);
        TaskState work = (TaskState) m.states().get("Work");
        assertThat(work.resource().kind()).isEqualTo(TaskResource.Kind.PLACEHOLDER);
        // The fixture's only mistake: Next "Finishh" (so the machine also can never end). It is reported on the
        // template's own line, inside the !Sub block.
        assertThat(errors(r)).hasSize(2).anySatisfy(d -> assertThat(d.message()).contains("can never end"));
        assertThat(errors(r)).filteredOn(d -> d.message().contains("Finishh")).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("\"Finishh\" does not exist").contains("did you mean \"Finish\"");
            assertThat(d.line()).isEqualTo(lineOf(f, "\"Finishh\""));
            assertThat(d.column()).isEqualTo(new String(fixture(f), StandardCharsets.UTF_8).split("\n", -1)[d.line() - 1]
                    .indexOf("\"Next\"") + 1);
        });
    }

    @Test
    void samInlineDefinitionWithAnchorsAliasesAndMergeKeysReads() throws IOException {
        AslReadResult r = read("sam-template-inline-definition-with-anchors.yaml");
        assertThat(errors(r)).isEmpty();
        StateMachine m = machine(r);
        assertThat(r.declaredType()).contains(WorkflowType.EXPRESS);
        TaskState charge = (TaskState) m.states().get("Charge");
        TaskState ship = (TaskState) m.states().get("Ship");
        // *transient stands for the same Retry list written once under &transient.
        assertThat(ship.retry()).hasSize(1);
        Retrier shared = ship.retry().get(0);
        assertThat(shared.maxAttempts()).isEqualTo(3);
        assertThat(shared.intervalSeconds()).isEqualTo(2.0);
        assertThat(shared.maxDelaySeconds()).hasValue(10.0);
        assertThat(shared.jitterStrategy()).isEqualTo(Retrier.JitterStrategy.FULL);
        assertThat(shared.errorEquals()).isEqualTo(charge.retry().get(0).errorEquals());
        // !Sub arn:${AWS::Partition}:states:::lambda:invoke is still the Lambda integration.
        assertThat(ship.resource().kind()).isEqualTo(TaskResource.Kind.OPTIMISED_INTEGRATION);
        assertThat(ship.resource().invokesLambda()).isTrue();
    }

    @Test
    void cdkSynthesizedFnJoinDefinitionStringReadsWithPlaceholders() throws IOException {
        AslReadResult r = read("cdk-synth-definition-join.json");
        assertThat(errors(r)).isEmpty();
        StateMachine m = machine(r);
        assertThat(m.states().keySet()).containsExactly("Work", "Done");
        TaskState work = (TaskState) m.states().get("Work");
        assertThat(work.resource().arn()).isEqualTo("arn:${AWS::Partition}:states:::lambda:invoke");
        assertThat(work.resource().invokesLambda()).isTrue();
        assertThat(r.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.message()).contains("Fn::Join");
        });
    }

    @Test
    void serverlessFrameworkFileReadsTheFirstMachineAndNamesTheOthers() throws IOException {
        AslReadResult r = read("serverless-framework-state-machines.yml");
        assertThat(errors(r)).isEmpty();
        StateMachine m = machine(r);
        assertThat(m.states().keySet()).containsExactly("Resize", "Wait a bit");
        assertThat(r.declaredType()).contains(WorkflowType.EXPRESS);
        // Fn::GetAtt [resize, Arn] becomes the placeholder ${resize.Arn}
        assertThat(((TaskState) m.states().get("Resize")).resource().arn()).isEqualTo("${resize.Arn}");
        assertThat(r.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.message()).contains("2 state machines").contains("resizer, cleaner");
        });
    }

    @Test
    void samDefinitionUriIsFollowedWhenReadFromAPath() throws IOException, URISyntaxException {
        Path template = Path.of(RealWorldIdiomsTest.class.getResource("/asl/real-idioms/sam-template-definition-uri.yaml").toURI());
        AslReadResult r = reader.read(template);
        assertThat(errors(r)).isEmpty();
        assertThat(machine(r).states().keySet()).containsExactly("Work", "Done");
        assertThat(r.declaredType()).contains(WorkflowType.STANDARD);
    }

    @Test
    void samDefinitionUriFromBytesSaysWhichFileToRead() throws IOException {
        AslReadResult r = read("sam-template-definition-uri.yaml");
        assertThat(r.machine()).isEmpty();
        assertThat(errors(r)).singleElement().satisfies(d -> assertThat(d.message())
                .contains("sam-definition-uri-target.asl.json").contains("DefinitionUri"));
    }

    @Test
    void templateWithoutStateMachineIsOneClearError() throws IOException {
        AslReadResult r = read("cfn-template-without-state-machine.yaml");
        assertThat(r.machine()).isEmpty();
        assertThat(errors(r)).singleElement().satisfies(d -> assertThat(d.message())
                .contains("AWS::StepFunctions::StateMachine").contains("no state machine"));
    }

    @Test
    void definitionStringBuiltWithFnIfIsOneClearError() throws IOException {
        AslReadResult r = read("cfn-definition-string-if.json");
        assertThat(r.machine()).isEmpty();
        assertThat(errors(r)).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("Fn::If").contains("cannot evaluate");
            assertThat(d.pointer()).isEqualTo("/Resources/M/Properties/DefinitionString");
        });
    }

    @Test
    void aFewAliasesInABareDefinitionRead() {
        String yaml = "StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n"
                + "    Retry: &r\n      - ErrorEquals: [States.TaskFailed]\n        MaxAttempts: 2\n    Next: B\n"
                + "  B:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    Retry: *r\n    End: true\n";
        AslReadResult r = reader.read("aliases.asl.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(errors(r)).isEmpty();
        assertThat(((TaskState) machine(r).states().get("B")).retry()).singleElement()
                .satisfies(x -> assertThat(x.maxAttempts()).isEqualTo(2));
    }

    @Test
    void anAliasBombWithFewAliasesStopsOnItsSize() {
        // 20 levels, each holding its predecessor twice: 40 aliases (under the limit) but 2^20 values once expanded.
        StringBuilder y = new StringBuilder("l0: &l0 [x, x]\n");
        for (int i = 1; i <= 20; i++) {
            y.append('l').append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        }
        long start = System.nanoTime();
        AslReadResult r = reader.read("bomb.yaml", y.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.machine()).isEmpty();
        assertThat(errors(r)).singleElement().satisfies(d -> assertThat(d.message())
                .contains("more than " + SourceParser.MAX_ALIAS_VALUES + " values").contains("alias bomb"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(60_000); // a guard against hanging
    }

    @Test
    void anAliasWithoutAnchorIsAClearError() {
        AslReadResult r = reader.read("x.yaml", "StartAt: A\nStates: *nothing\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.machine()).isEmpty();
        assertThat(errors(r)).isNotEmpty();
        assertThat(errors(r).get(0).message()).containsAnyOf("nothing", "alias");
    }

    @Test
    void yamlStatesNamedYesAndNoAreNamesNotBooleans() throws IOException {
        AslReadResult r = read("yaml-states-named-yes-and-no.asl.yaml");
        assertThat(errors(r)).isEmpty();
        assertThat(r.diagnostics()).noneMatch(d -> d.severity() == Severity.WARNING);
        ChoiceState c = (ChoiceState) machine(r).states().get("Approved?");
        assertThat(c.choices().get(0).next()).isEqualTo("Yes");
        assertThat(c.defaultNext()).contains("No");
        // true stays a boolean: the rule compares with BooleanEquals true
        assertThat(c.choices().get(0).condition().get("BooleanEquals").isBoolean()).isTrue();
    }

    @Test
    void terraformTemplateWithUnquotedNumberPlaceholdersReads() throws IOException {
        AslReadResult r = read("terraform-template-unquoted-placeholders.json.tpl");
        assertThat(errors(r)).isEmpty();
        MapState fan = (MapState) machine(r).states().get("Fan out");
        assertThat(fan.maxConcurrency()).isEmpty();
        assertThat(((TaskState) fan.processor().states().get("Work")).timeoutSeconds()).isEmpty();
        assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("placeholders outside strings"));
    }

    @Test
    void subDefinitionWithANumberPlaceholderReads() throws IOException {
        String f = "cfn-sub-definition-with-number-placeholder.yaml";
        AslReadResult r = read(f);
        assertThat(errors(r)).isEmpty();
        WaitState pause = (WaitState) machine(r).states().get("Pause");
        assertThat(pause.secondsExpression()).contains("${PollSeconds}");
        TaskState check = (TaskState) machine(r).states().get("Check");
        assertThat(check.resource().kind()).isEqualTo(TaskResource.Kind.SDK_INTEGRATION);
        assertThat(check.resource().service()).isEqualTo("s3");
    }

    @Test
    void languageExtensionsToJsonStringDefinitionReadsAsAnObject() throws IOException {
        String f = "cfn-language-extensions-to-json-string.yaml";
        AslReadResult r = read(f);
        assertThat(errors(r)).isEmpty();
        StateMachine m = machine(r);
        assertThat(m.states().keySet()).containsExactly("Build report", "Send report");
        TaskState build = (TaskState) m.states().get("Build report");
        assertThat(build.resource().arn()).isEqualTo("${BuildFunction.Arn}");
        assertThat(build.timeoutSeconds()).hasValue(60);
        assertThat(build.location().line()).isEqualTo(lineOf(f, "Build report:"));
    }

    @Test
    void subListFormDefinitionReadsItsTemplateStringWithFileLines() throws IOException {
        String f = "cfn-sub-list-form-definition.yaml";
        AslReadResult r = read(f);
        assertThat(machine(r).states().keySet()).containsExactly("Greet");
        // The one mistake, Next "Greeet", is reported on the template's own line.
        assertThat(errors(r)).filteredOn(d -> d.message().contains("Greeet")).singleElement()
                .satisfies(d -> assertThat(d.line()).isEqualTo(lineOf(f, "\"Greeet\"")));
    }

    // ---------- transitions counted by hand (default workload: no failures, 1 item per Map, Choice branches equally likely) ----------

    private ExactResult count(String fixture) throws IOException {
        AslReadResult r = read(fixture);
        assertThat(errors(r)).isEmpty();
        ExactResult e = ExactAnalyzer.analyze(machine(r), WorkflowWorkload.defaults());
        assertThat(e.hasErrors()).as(e.diagnostics().toString()).isFalse();
        return e;
    }

    @Test
    void callbackApprovalWithThreeWayChoiceCountsThreeTransitions() throws IOException {
        // Ask reviewer 1 + Decision 1 + exactly one of the three Record states 1 = 3.
        ExactResult e = count("count-callback-approval-three-way-choice.asl.json");
        assertThat(e.transitionsPerExecution()).isCloseTo(3, within(1e-9));
        assertThat(e.states().get("Record refusal").entries()).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void paginationLoopCountsFiveTransitions() throws IOException {
        // The Choice loops back with probability 1/2, so it is entered V = 1 + V/2 = 2 times and "Next page" once:
        // First page 1 + More pages? 2 + Next page 1 + Finished 1 = 5.
        ExactResult e = count("count-sdk-pagination-loop.asl.yaml");
        assertThat(e.states().get("More pages?").entries()).isCloseTo(2, within(1e-9));
        assertThat(e.transitionsPerExecution()).isCloseTo(5, within(1e-9));
    }

    @Test
    void nestedDistributedMapsCountParentAndChildTransitionsApart() throws IOException {
        // Parent: Over objects 1 + 1 child execution started (1 item, 1 batch) + Summarise 1 + Done 1 = 4.
        // Child: Over batch 1 + 1 grandchild started = 2; grandchild: Each item 1 + Fetch, Reshape, Announce 3 = 4.
        // Standard child transitions: 2 + 4 = 6.
        ExactResult e = count("count-nested-distributed-maps.asl.json");
        assertThat(e.transitionsPerExecution()).isCloseTo(4, within(1e-9));
        assertThat(e.standardChildTransitions()).isCloseTo(6, within(1e-9));
        assertThat(e.expressChildExecutions()).isCloseTo(0, within(1e-9));
    }

    @Test
    void jsonataPollLoopCountsSevenAndAHalfTransitions() throws IOException {
        // Remember run 1 + Start job 1; the loop Pause, Ask status, Status? runs V = 1 + V/3 = 1.5 times (3 states each);
        // then Report or Job failed, 1/2 each: 2 + 4.5 + 1 = 7.5, and half the executions fail.
        ExactResult e = count("count-jsonata-glue-poll-loop.asl.json");
        assertThat(e.states().get("Pause").entries()).isCloseTo(1.5, within(1e-9));
        assertThat(e.transitionsPerExecution()).isCloseTo(7.5, within(1e-9));
        assertThat(e.successProbability()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void httpTaskWithRetryAndCatchCountsTwoTransitionsWhenNothingFails() throws IOException {
        // Call partner 1 + Accepted 1; no failure rate is given, so no retry and no catch.
        ExactResult e = count("count-retry-catch-to-fail.asl.json");
        assertThat(e.transitionsPerExecution()).isCloseTo(2, within(1e-9));
        assertThat(e.successProbability()).isCloseTo(1, within(1e-9));
        TaskState call = (TaskState) read("count-retry-catch-to-fail.asl.json").machine().orElseThrow().states().get("Call partner");
        assertThat(call.resource().kind()).isEqualTo(TaskResource.Kind.HTTP);
    }
}
