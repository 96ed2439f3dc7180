package dev.flowcost.core.asl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import dev.flowcost.core.workload.WorkflowType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Idioms seen in public Step Functions repositories (CloudFormation, SAM, CDK and Serverless Framework files, YAML
 * anchors, intrinsic functions in ARNs), each reproduced by a small fixture written for flowcost. The most damaging
 * bug is a real, valid file being refused, so most tests assert that a valid idiom reads without an error.
 */
class RealWorldIdiomsTest {

    private final AslReader reader = new AslReader();

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = RealWorldIdiomsTest.class.getResourceAsStream("/asl/real-idioms/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return in.readAllBytes();
        }
    }

    private AslReadResult read(String name) throws IOException {
        return reader.read(name, fixture(name));
    }

    private static List<Diagnostic> errors(AslReadResult r) {
        return r.diagnostics().stream().filter(Diagnostic::isError).collect(Collectors.toList());
    }

    private static StateMachine machine(AslReadResult r) {
        assertThat(r.machine()).as("machine of " + r.file() + ": " + r.diagnostics()).isPresent();
        return r.machine().get();
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
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void anAliasWithoutAnchorIsAClearError() {
        AslReadResult r = reader.read("x.yaml", "StartAt: A\nStates: *nothing\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.machine()).isEmpty();
        assertThat(errors(r)).isNotEmpty();
        assertThat(errors(r).get(0).message()).containsAnyOf("nothing", "alias");
    }
}
