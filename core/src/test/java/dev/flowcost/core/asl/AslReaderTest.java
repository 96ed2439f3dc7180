package dev.flowcost.core.asl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import dev.flowcost.core.workload.WorkflowType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AslReaderTest {

    private final AslReader reader = new AslReader();

    private static byte[] fixture(String name) throws IOException {
        return AslFixtures.bytes("" + name);
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

    /** 1-based column of {@code token} on 1-based line {@code line} of the fixture, found independently of the parser. */
    private static int column(String fixture, int line, String token) throws IOException {
        String text = new String(fixture(fixture), StandardCharsets.UTF_8);
        String l = text.split("\n", -1)[line - 1];
        int i = l.indexOf(token);
        assertThat(i).as(token + " on line " + line).isGreaterThanOrEqualTo(0);
        return i + 1;
    }

    private static Diagnostic only(List<Diagnostic> ds, String messagePart) {
        List<Diagnostic> hits = ds.stream().filter(d -> d.message().contains(messagePart)).collect(Collectors.toList());
        assertThat(hits).as("diagnostics containing '" + messagePart + "' in " + ds).hasSize(1);
        return hits.get(0);
    }

    // ---------- one fixture per state type ----------

    @Test
    void taskWithRetryDefaultsAndCatch() throws IOException {
        AslReadResult r = read("task-retry-catch.asl.json");
        assertThat(r.diagnostics()).isEmpty();
        StateMachine m = machine(r);
        assertThat(m.comment()).contains("A Task with default and explicit retriers and a catcher");
        assertThat(m.timeoutSeconds()).hasValue(300);
        TaskState t = (TaskState) m.states().get("Charge");
        assertThat(t.resource().kind()).isEqualTo(TaskResource.Kind.OPTIMISED_INTEGRATION);
        assertThat(t.resource().service()).isEqualTo("lambda");
        assertThat(t.timeoutSeconds()).hasValue(60);
        assertThat(t.heartbeatSeconds()).hasValue(10);
        assertThat(t.next()).contains("Done");
        Retrier first = t.retry().get(0);
        assertThat(first.intervalSeconds()).isEqualTo(1.0);
        assertThat(first.maxAttempts()).isEqualTo(3);
        assertThat(first.backoffRate()).isEqualTo(2.0);
        assertThat(first.maxDelaySeconds()).isEmpty();
        assertThat(first.jitterStrategy()).isEqualTo(Retrier.JitterStrategy.NONE);
        Retrier second = t.retry().get(1);
        assertThat(second.intervalSeconds()).isEqualTo(5.0);
        assertThat(second.maxAttempts()).isEqualTo(2);
        assertThat(second.backoffRate()).isEqualTo(1.5);
        assertThat(second.maxDelaySeconds()).hasValue(30.0);
        assertThat(second.jitterStrategy()).isEqualTo(Retrier.JitterStrategy.FULL);
        assertThat(second.location().pointer()).isEqualTo("/States/Charge/Retry/1");
        assertThat(second.location().line()).isEqualTo(13);
        Catcher c = t.catchers().get(0);
        assertThat(c.errorEquals()).containsExactly("States.ALL");
        assertThat(c.next()).isEqualTo("Failed");
        assertThat(c.resultPath()).contains("$.error");
        assertThat(t.location().pointer()).isEqualTo("/States/Charge");
        assertThat(t.location().line()).isEqualTo(6);
        assertThat(t.location().column()).isEqualTo(column("task-retry-catch.asl.json", 6, "\"Charge\""));
        FailState f = (FailState) m.states().get("Failed");
        assertThat(f.error()).contains("ChargeFailed");
        assertThat(f.cause()).contains("charge failed");
        assertThat(m.states().get("Done")).isInstanceOf(SucceedState.class);
    }

    @Test
    void passState() throws IOException {
        AslReadResult r = read("pass-state.asl.json");
        assertThat(r.diagnostics()).isEmpty();
        PassState p = (PassState) machine(r).states().get("Shape");
        assertThat(p.isEnd()).isTrue();
        assertThat(p.location().line()).isEqualTo(4);
    }

    @Test
    void choiceRulesKeepOrderAndTargets() throws IOException {
        AslReadResult r = read("choice-rules.asl.json");
        assertThat(r.diagnostics()).isEmpty();
        ChoiceState c = (ChoiceState) machine(r).states().get("Route");
        assertThat(c.choices()).extracting(ChoiceRule::next).containsExactly("Card", "Review", "Card");
        assertThat(c.choices().get(1).location().pointer()).isEqualTo("/States/Route/Choices/1");
        assertThat(c.choices().get(1).location().line()).isEqualTo(8);
        assertThat(c.choices().get(1).condition().has("And")).isTrue();
        assertThat(c.defaultNext()).contains("Review");
        assertThat(c.successors()).containsExactly("Card", "Review");
    }

    @Test
    void waitStates() throws IOException {
        AslReadResult r = read("wait-seconds.asl.json");
        assertThat(r.diagnostics()).isEmpty();
        WaitState pause = (WaitState) machine(r).states().get("Pause");
        assertThat(pause.seconds()).hasValue(30.0);
        WaitState until = (WaitState) machine(r).states().get("Until");
        assertThat(until.timestampPath()).contains("$.when");
        assertThat(until.seconds()).isEmpty();
    }

    @Test
    void succeedAndFail() throws IOException {
        AslReadResult r = read("succeed-fail.asl.json");
        assertThat(r.diagnostics()).isEmpty();
        StateMachine m = machine(r);
        assertThat(m.states().get("Ok")).isInstanceOf(SucceedState.class);
        assertThat(m.states().get("Ok").comment()).contains("all good");
        assertThat(((FailState) m.states().get("Bad")).error()).contains("NotOk");
    }

    @Test
    void parallelWithNestedMap() throws IOException {
        AslReadResult r = read("parallel-with-nested-map.asl.json");
        assertThat(r.diagnostics()).isEmpty();
        ParallelState p = (ParallelState) machine(r).states().get("Both");
        assertThat(p.branches()).hasSize(2);
        assertThat(p.branches().get(0).pointer()).isEqualTo("/States/Both/Branches/0");
        StateMachine second = p.branches().get(1);
        assertThat(second.pointer()).isEqualTo("/States/Both/Branches/1");
        MapState map = (MapState) second.states().get("EachItem");
        assertThat(map.location().pointer()).isEqualTo("/States/Both/Branches/1/States/EachItem");
        assertThat(map.location().line()).isEqualTo(14);
        assertThat(map.maxConcurrency()).hasValue(5);
        assertThat(map.itemsPath()).contains("$.items");
        assertThat(map.processor().pointer()).isEqualTo("/States/Both/Branches/1/States/EachItem/ItemProcessor");
        TaskState charge = (TaskState) map.processor().states().get("Charge");
        assertThat(charge.location().pointer()).isEqualTo("/States/Both/Branches/1/States/EachItem/ItemProcessor/States/Charge");
        assertThat(charge.location().line()).isEqualTo(20);
        assertThat(charge.resource().kind()).isEqualTo(TaskResource.Kind.LAMBDA_FUNCTION);
        assertThat(p.retry().get(0).maxAttempts()).isEqualTo(1);
    }

    @Test
    void inlineMapWithIterator() throws IOException {
        AslReadResult r = read("map-inline-iterator.asl.json");
        assertThat(r.diagnostics()).isEmpty();
        MapState m = (MapState) machine(r).states().get("Each");
        assertThat(m.isDistributed()).isFalse();
        assertThat(m.processor().pointer()).isEqualTo("/States/Each/Iterator");
        assertThat(m.processor().states().get("Ship").location().pointer()).isEqualTo("/States/Each/Iterator/States/Ship");
        assertThat(m.processor().states().get("Ship").location().line()).isEqualTo(9);
    }

    @Test
    void inlineMapWithItemProcessor() throws IOException {
        AslReadResult r = read("map-inline-item-processor.asl.json");
        assertThat(r.diagnostics()).isEmpty();
        MapState m = (MapState) machine(r).states().get("Each");
        assertThat(m.mode()).isEqualTo(MapState.Mode.INLINE);
        assertThat(m.items()).isPresent();
        assertThat(m.items().get().size()).isEqualTo(3);
        assertThat(m.maxConcurrency()).hasValue(0);
        assertThat(m.processor().pointer()).isEqualTo("/States/Each/ItemProcessor");
    }

    @Test
    void distributedMapStandardWithBatcher() throws IOException {
        AslReadResult r = read("map-distributed-standard.asl.json");
        assertThat(r.diagnostics()).isEmpty();
        MapState m = (MapState) machine(r).states().get("Fan");
        assertThat(m.mode()).isEqualTo(MapState.Mode.DISTRIBUTED);
        assertThat(m.executionType()).isEqualTo(MapState.ExecutionType.STANDARD);
        assertThat(m.itemBatcher().get().maxItemsPerBatch()).hasValue(100);
        assertThat(m.itemBatcher().get().maxInputBytesPerBatch()).hasValue(262144L);
        assertThat(m.itemBatcher().get().fromPath()).isFalse();
        assertThat(m.childExecutions(1050)).isEqualTo(11);
        assertThat(m.itemReader().get().get("Resource").asText()).isEqualTo("arn:aws:states:::s3:getObject");
        assertThat(m.resultWriter()).isPresent();
        assertThat(m.maxConcurrency()).hasValue(1000);
        assertThat(m.toleratedFailurePercentage()).hasValue(5.0);
        assertThat(m.label()).contains("Fan");
    }

    @Test
    void distributedMapExpressWithBatcherFromPath() throws IOException {
        AslReadResult r = read("map-distributed-express-batched.asl.json");
        assertThat(r.diagnostics()).isEmpty();
        MapState m = (MapState) machine(r).states().get("Fan");
        assertThat(m.isDistributed()).isTrue();
        assertThat(m.executionType()).isEqualTo(MapState.ExecutionType.EXPRESS);
        assertThat(m.itemBatcher().get().fromPath()).isTrue();
        assertThat(m.itemBatcher().get().maxItemsPerBatch()).isEmpty();
        assertThat(m.toleratedFailureCount()).hasValue(10);
    }

    @Test
    void jsonataConditionAndWaitExpression() throws IOException {
        AslReadResult r = read("jsonata-condition-and-wait-expression.asl.json");
        assertThat(r.diagnostics()).isEmpty();
        StateMachine m = machine(r);
        assertThat(m.queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
        WaitState w = (WaitState) m.states().get("Pause");
        assertThat(w.seconds()).isEmpty();
        assertThat(w.secondsExpression()).contains("{% $states.input.delay %}");
        ChoiceState c = (ChoiceState) m.states().get("Route");
        assertThat(c.choices().get(0).condition().get("Condition").asText()).isEqualTo("{% $states.input.n > 3 %}");
    }

    @Test
    void jsonataRuleWithoutConditionIsAnError() {
        String def = "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\","
                + "\"Choices\":[{\"Variable\":\"$.x\",\"IsPresent\":true,\"Next\":\"D\"}]},\"D\":{\"Type\":\"Succeed\"}}}";
        AslReadResult r = reader.read("x.json", def.getBytes(StandardCharsets.UTF_8));
        Diagnostic d = only(errors(r), "needs a Condition");
        assertThat(d.pointer()).isEqualTo("/States/C/Choices/0");
    }

    @Test
    void samPlaceholdersAreOpaqueNotErrors() throws IOException {
        AslReadResult r = read("sam-template-placeholders.asl.json");
        assertThat(errors(r)).isEmpty();
        assertThat(r.diagnostics()).allMatch(d -> d.severity() == Severity.INFO);
        MapState m = (MapState) machine(r).states().get("Process");
        assertThat(m.maxConcurrency()).isEmpty();
        Diagnostic conc = only(r.diagnostics(), "${Conc}");
        assertThat(conc.pointer()).isEqualTo("/States/Process/MaxConcurrency");
        assertThat(conc.line()).isEqualTo(6);
        TaskState work = (TaskState) m.processor().states().get("Work");
        assertThat(work.resource().kind()).isEqualTo(TaskResource.Kind.PLACEHOLDER);
        assertThat(work.resource().arn()).isEqualTo("${ProcessFunctionArn}");
        assertThat(work.timeoutSeconds()).isEmpty();
    }

    @Test
    void yamlMachine() throws IOException {
        AslReadResult r = read("yaml-machine.asl.yaml");
        assertThat(r.diagnostics()).isEmpty();
        StateMachine m = machine(r);
        assertThat(m.startAt()).isEqualTo("Fetch");
        assertThat(m.states().keySet()).containsExactly("Fetch", "Decide", "Missing", "Done");
        assertThat(m.states().get("Decide").location().line()).isEqualTo(8);
        assertThat(m.states().get("Decide").location().column()).isEqualTo(3);
        ChoiceState c = (ChoiceState) m.states().get("Decide");
        assertThat(c.choices().get(0).next()).isEqualTo("Done");
        assertThat(c.choices().get(0).location().line()).isEqualTo(11);
    }

    @Test
    void yamlIsSniffedWhenTheNameSaysNothing() throws IOException {
        AslReadResult r = reader.read("machine", fixture("yaml-machine.asl.yaml"));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(machine(r).states()).hasSize(4);
    }

    @Test
    void describeStateMachineOutput() throws IOException {
        AslReadResult r = read("describe-state-machine-output.json");
        assertThat(r.declaredType()).contains(WorkflowType.EXPRESS);
        StateMachine m = machine(r);
        assertThat(m.states().keySet()).containsExactly("Charge", "Charge2");
        assertThat(m.states().get("Charge").location().pointer()).isEqualTo("/States/Charge");
        Diagnostic d = only(errors(r), "does not exist");
        assertThat(d.message()).isEqualTo("state \"Chrage2\" does not exist (did you mean \"Charge2\"?)");
        assertThat(d.pointer()).isEqualTo("/States/Charge/Next");
        assertThat(d.line()).as("lines inside a string-embedded definition are not the file's").isZero();
    }

    @Test
    void definitionObjectWrapper() throws IOException {
        AslReadResult r = read("definition-object-wrapper.json");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.declaredType()).contains(WorkflowType.STANDARD);
        State only = machine(r).states().get("Only");
        assertThat(only.location().pointer()).isEqualTo("/States/Only");
        assertThat(only.location().line()).isEqualTo(6);
    }

    @Test
    void bareDefinitionHasNoDeclaredType() throws IOException {
        assertThat(read("pass-state.asl.json").declaredType()).isEmpty();
    }

    @Test
    void readsFromPath(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("m.asl.json");
        Files.write(f, fixture("pass-state.asl.json"));
        AslReadResult r = reader.read(f);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.file()).isEqualTo(f.toString());
        assertThat(machine(r).states()).containsKey("Shape");
    }

    @Test
    void missingPathIsAnErrorNotAnException(@TempDir Path dir) {
        AslReadResult r = reader.read(dir.resolve("nope.json"));
        assertThat(r.machine()).isEmpty();
        assertThat(errors(r)).singleElement().satisfies(d -> assertThat(d.message()).startsWith("cannot read the file"));
    }

    // ---------- dangling Next, scopes, typos ----------

    @Test
    void danglingNextSuggestsTheClosestNameInItsOwnScope() throws IOException {
        AslReadResult r = read("dangling-next-typo.asl.json");
        assertThat(r.machine()).isPresent();
        Diagnostic typo = only(errors(r), "\"Chrage\"");
        assertThat(typo.message()).isEqualTo("state \"Chrage\" does not exist (did you mean \"Charge\"?)");
        assertThat(typo.pointer()).isEqualTo("/States/Fan/ItemProcessor/States/Charge/Next");
        assertThat(typo.line()).isEqualTo(9);
        assertThat(typo.column()).isEqualTo(column("dangling-next-typo.asl.json", 9, "\"Next\""));
        Diagnostic outer = only(errors(r), "state \"Charge\" does not exist");
        assertThat(outer.pointer()).as("the Map's Next cannot reach into its own processor").isEqualTo("/States/Fan/Next");
        assertThat(outer.line()).isEqualTo(13);
    }

    // ---------- bad input ----------

    @Test
    void malformedJsonGivesLineAndColumn() {
        String text = "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": { \"Type\": \"Pass\" \"End\": true }\n  }\n}\n";
        AslReadResult r = reader.read("bad.json", text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.machine()).isEmpty();
        Diagnostic d = errors(r).get(0);
        assertThat(d.message()).startsWith("malformed JSON");
        assertThat(d.line()).isEqualTo(4);
        assertThat(d.column()).isEqualTo("    \"A\": { \"Type\": \"Pass\" ".length() + 1);
    }

    @Test
    void malformedYamlGivesLine() {
        String text = "StartAt: A\nStates:\n  A: {Type: Pass\n  B: [\n";
        AslReadResult r = reader.read("bad.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.machine()).isEmpty();
        Diagnostic d = errors(r).get(0);
        assertThat(d.message()).startsWith("malformed YAML: expected ',' or '}'");
        assertThat(d.line()).isEqualTo(4);
    }

    @Test
    void definitionThatIsNotAnObject() {
        AslReadResult r = reader.read("list.json", "[1, 2]".getBytes(StandardCharsets.UTF_8));
        assertThat(r.machine()).isEmpty();
        assertThat(errors(r)).singleElement().satisfies(d ->
                assertThat(d.message()).isEqualTo("the definition must be an object with StartAt and States, not a list"));
    }

    @Test
    void unknownStateTypeIsNamed() {
        String def = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Taks\",\"End\":true}}}";
        AslReadResult r = reader.read("t.json", def.getBytes(StandardCharsets.UTF_8));
        assertThat(r.machine()).isPresent();
        Diagnostic d = only(errors(r), "unknown Type");
        assertThat(d.message()).contains("\"Taks\"").contains("state \"A\"");
        assertThat(d.pointer()).isEqualTo("/States/A/Type");
        assertThat(d.line()).isEqualTo(1);
        assertThat(errors(r)).hasSize(1);
    }

    @Test
    void stateWithoutTypeIsReportedOnce() {
        String def = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Comment\":\"forgot the type\"}}}";
        AslReadResult r = reader.read("t.json", def.getBytes(StandardCharsets.UTF_8));
        assertThat(errors(r)).singleElement().satisfies(d -> {
            assertThat(d.message()).startsWith("state \"A\" has no Type");
            assertThat(d.pointer()).isEqualTo("/States/A");
        });
    }

    @Test
    void missingStartAt() {
        AslReadResult r = reader.read("s.json", "{\"States\":{\"A\":{\"Type\":\"Succeed\"}}}".getBytes(StandardCharsets.UTF_8));
        Diagnostic d = only(errors(r), "StartAt");
        assertThat(d.message()).isEqualTo("the state machine has no StartAt; name the first state to run");
        assertThat(r.machine()).isPresent();
    }

    @Test
    void missingStates() {
        AslReadResult r = reader.read("s.json", "{\"StartAt\":\"A\"}".getBytes(StandardCharsets.UTF_8));
        Diagnostic d = only(errors(r), "no States");
        assertThat(d.message()).isEqualTo("the state machine has no States; a state machine needs at least one state");
    }

    @Test
    void deepNestingIsRefusedClearly() {
        StringBuilder b = new StringBuilder();
        b.append("[".repeat(10_000)).append("]".repeat(10_000));
        AslReadResult r = reader.read("deep.json", b.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.machine()).isEmpty();
        assertThat(errors(r)).singleElement().satisfies(d ->
                assertThat(d.message()).contains("nested more than " + SourceParser.MAX_DEPTH + " levels"));
        StringBuilder y = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            y.append("[");
        }
        AslReadResult ry = reader.read("deep.yaml", y.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(ry.machine()).isEmpty();
        assertThat(errors(ry)).isNotEmpty();
    }

    @Test
    void hugeFileIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        byte[] big = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        long start = System.nanoTime();
        AslReadResult r = reader.read("big.json", big);
        assertThat(r.machine()).isEmpty();
        assertThat(errors(r)).singleElement().satisfies(d -> assertThat(d.message())
                .contains("52428800 bytes").contains("1 MB"));
        Path f = dir.resolve("big.json");
        Files.write(f, big);
        AslReadResult fromPath = reader.read(f);
        assertThat(errors(fromPath)).singleElement().satisfies(d -> assertThat(d.message()).contains("1 MB"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(60_000); // a guard against hanging
    }

    @Test
    void yamlAliasBombIsRefused() {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String prev = "a";
        for (char c = 'b'; c <= 'j'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                y.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            y.append("]\n");
            prev = String.valueOf(c);
        }
        AslReadResult r = reader.read("bomb.yaml", y.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.machine()).isEmpty();
        // 9 levels of 9 aliases. Values expanded: b 9×10, c 9×91, d 9×820, e 9×7381 (74,718 in all); the first *e on
        // line 6 adds 66,430 more, past the budget of 100,000.
        assertThat(errors(r)).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("more than " + SourceParser.MAX_ALIAS_VALUES + " values").contains("alias bomb");
            assertThat(d.line()).isEqualTo(6);
        });
    }

    @Test
    void nonUtf8BytesAreAClearError() {
        byte[] bytes = "{\n \"StartAt\": \"A\u00e9\" }".getBytes(StandardCharsets.ISO_8859_1);
        AslReadResult r = reader.read("latin1.json", bytes);
        assertThat(r.machine()).isEmpty();
        assertThat(errors(r)).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("not valid UTF-8");
            assertThat(d.line()).isEqualTo(2);
        });
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws IOException {
        byte[] body = fixture("pass-state.asl.json");
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(reader.read("bom.json", withBom).diagnostics()).isEmpty();
    }

    @Test
    void emptyFile() {
        for (String text : new String[] {"", "  \n\t\n"}) {
            AslReadResult r = reader.read("empty.json", text.getBytes(StandardCharsets.UTF_8));
            assertThat(r.machine()).isEmpty();
            assertThat(errors(r)).singleElement().satisfies(d -> assertThat(d.message()).contains("the file is empty"));
        }
    }

    @Test
    void wrongFieldTypesAreErrorsWithPointers() {
        String def = "{\"StartAt\":\"A\",\"States\":{\n\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:1:function:f\",\n"
                + "\"Next\":3,\"Retry\":{}},\n\"B\":{\"Type\":\"Succeed\"}}}";
        AslReadResult r = reader.read("types.json", def.getBytes(StandardCharsets.UTF_8));
        assertThat(r.machine()).isPresent();
        Diagnostic next = only(errors(r), "Next must be a string");
        assertThat(next.pointer()).isEqualTo("/States/A/Next");
        assertThat(next.line()).isEqualTo(3);
        assertThat(next.column()).isEqualTo(1);
        assertThat(next.message()).isEqualTo("Next must be a string, not number 3");
        Diagnostic retry = only(errors(r), "Retry must be");
        assertThat(retry.pointer()).isEqualTo("/States/A/Retry");
        assertThat(retry.message()).isEqualTo("Retry must be a list of objects, not an object");
    }

    @Test
    void retryOnlyOnTaskParallelMapAndNoNextOnSucceed() {
        String def = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Retry\":[],\"Next\":\"B\"},"
                + "\"B\":{\"Type\":\"Succeed\",\"Next\":\"A\"}}}";
        AslReadResult r = reader.read("r.json", def.getBytes(StandardCharsets.UTF_8));
        assertThat(only(errors(r), "cannot have Retry").pointer()).isEqualTo("/States/A/Retry");
        assertThat(only(errors(r), "cannot have Next").pointer()).isEqualTo("/States/B/Next");
    }

    @Test
    void choiceWithEndIsAnError() {
        String def = "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"End\":true,"
                + "\"Choices\":[{\"Variable\":\"$.a\",\"IsNull\":true,\"Next\":\"D\"}]},\"D\":{\"Type\":\"Succeed\"}}}";
        AslReadResult r = reader.read("c.json", def.getBytes(StandardCharsets.UTF_8));
        assertThat(only(errors(r), "cannot have End").pointer()).isEqualTo("/States/C/End");
    }

    @Test
    void readsThreeHundredDefinitionsQuickly() throws IOException {
        byte[][] inputs = {fixture("parallel-with-nested-map.asl.json"), fixture("map-distributed-standard.asl.json"),
                fixture("choice-rules.asl.json"), fixture("yaml-machine.asl.yaml")};
        String[] names = {"a.json", "b.json", "c.json", "d.yaml"};
        for (int i = 0; i < 300; i++) {
            reader.read(names[i % 4], inputs[i % 4]); // warm up
        }
        for (int i = 0; i < 300; i++) { // speed is measured by AslReadBenchmark; here: a reused reader stays right
            assertThat(reader.read(names[i % 4], inputs[i % 4]).hasErrors()).isFalse();
        }
    }
}
