package dev.flowcost.core.asl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The field matrix: unknown and misspelt fields, query languages, Map modes, Credentials, names (spec and developer guide). */
class FieldRulesTest {

    private final AslReader reader = new AslReader();

    /** Reads a definition written with single quotes (for readability) and returns its diagnostics. */
    private List<Diagnostic> check(String json) {
        AslReadResult r = reader.read("f.json", json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
        assertThat(r.machine()).as("machine built: " + r.diagnostics()).isPresent();
        return r.diagnostics();
    }

    /** A machine whose only state is {@code state} (its body, named S), ending. */
    private List<Diagnostic> one(String state) {
        return check("{'StartAt':'S','States':{'S':" + state + "}}");
    }

    private static Diagnostic only(List<Diagnostic> ds, Severity severity, String part) {
        List<Diagnostic> hits = ds.stream().filter(d -> d.severity() == severity && d.message().contains(part)).collect(Collectors.toList());
        assertThat(hits).as(severity + " containing '" + part + "' in " + ds).hasSize(1);
        return hits.get(0);
    }

    private static List<Diagnostic> problems(List<Diagnostic> ds) {
        return ds.stream().filter(d -> d.severity() != Severity.INFO).collect(Collectors.toList());
    }

    @Test
    void misspeltRetryAndTimeoutAreErrorsWithDidYouMeanAtTheirLines() throws IOException {
        AslReadResult r = reader.read("misspelt.asl.json", AslFixtures.bytes("fields/misspelt-retry-and-timeout.asl.json"));
        Diagnostic retry = only(r.diagnostics(), Severity.ERROR, "\"Retyr\"");
        assertThat(retry.message()).contains("did you mean \"Retry\"");
        assertThat(retry.pointer()).isEqualTo("/States/Charge/Retyr");
        assertThat(retry.line()).isEqualTo(8);
        assertThat(retry.column()).isEqualTo(7);
        Diagnostic timeout = only(r.diagnostics(), Severity.ERROR, "\"TimeoutSecond\"");
        assertThat(timeout.message()).contains("did you mean \"TimeoutSeconds\"");
        assertThat(timeout.line()).isEqualTo(7);
        // The model never saw the misspelt Retry: this is why the error matters for the cost.
        TaskState t = (TaskState) AslFixtures.machine(r).states().get("Charge");
        assertThat(t.retry()).isEmpty();
    }

    @Test
    void yamlFindingsNameTheLineAndColumnOfTheKey() {
        String yaml = "StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n"
                + "    Retyr:\n      - ErrorEquals: [States.ALL]\n    End: true\n";
        AslReadResult r = reader.read("m.asl.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        Diagnostic d = only(r.diagnostics(), Severity.ERROR, "Retyr");
        assertThat(d.line()).isEqualTo(6);
        assertThat(d.column()).isEqualTo(5);
    }

    @Test
    void everyAcceptedFormFixtureValidatesWithoutAWarning() throws IOException {
        for (String f : List.of("accepted-jsonpath-forms.asl.json", "accepted-jsonata-forms.asl.json",
                "accepted-jsonpath-machine-with-jsonata-states.asl.json", "accepted-sam-placeholders.asl.yaml")) {
            AslReadResult r = reader.read(f, AslFixtures.bytes("fields/" + f));
            assertThat(problems(r.diagnostics())).as(f).isEmpty();
        }
    }

    @Test
    void topLevelAndInnerMachineFieldsAreChecked() {
        Diagnostic top = only(check("{'Comments':'x','StartAt':'S','States':{'S':{'Type':'Succeed'}}}"), Severity.ERROR, "Comments");
        assertThat(top.message()).contains("did you mean \"Comment\"");
        assertThat(top.pointer()).isEqualTo("/Comments");
        Diagnostic inner = only(one("{'Type':'Parallel','Branches':[{'StartAt':'A','Startat':'A','States':{'A':{'Type':'Succeed'}}}],'End':true}"),
                Severity.ERROR, "Startat");
        assertThat(inner.pointer()).isEqualTo("/States/S/Branches/0/Startat");
        assertThat(inner.message()).contains("did you mean \"StartAt\"");
    }

    @Test
    void suggestionsIgnoreCaseAndTransposedLetters() {
        List<Diagnostic> ds = one("{'Type':'Task','resource':'x','Resource':'arn:aws:states:::sns:publish','ResutlPath':'$.r',"
                + "'ItemProccessor':{},'End':true}");
        assertThat(only(ds, Severity.ERROR, "\"resource\"").message()).contains("did you mean \"Resource\"");
        assertThat(only(ds, Severity.ERROR, "\"ResutlPath\"").message()).contains("did you mean \"ResultPath\"");
        // ItemProcessor is a Map field, and no Task field is close to the typo.
        assertThat(only(ds, Severity.ERROR, "\"ItemProccessor\"").message()).contains("its fields are Type, Comment");
    }

    @Test
    void aFieldOfAnotherStateTypeSaysWhichTypeHasIt() {
        Diagnostic d = only(one("{'Type':'Task','Resource':'arn:aws:states:::sns:publish','Seconds':5,'End':true}"), Severity.ERROR, "Seconds");
        assertThat(d.message()).isEqualTo("Task state \"S\" cannot have Seconds; it is a field of Wait states");
    }

    @Test
    void jsonPathFieldsInAJsonataStateNameTheirJsonataCounterpart() {
        String task = "{'Type':'Task','QueryLanguage':'JSONata','Resource':'arn:aws:states:::sns:publish',"
                + "'Parameters':{},'ResultPath':'$.r','ResultSelector':{},'InputPath':'$','OutputPath':'$','End':true}";
        List<Diagnostic> ds = one(task);
        assertThat(only(ds, Severity.ERROR, "Parameters is a JSONPath field").message()).contains("use Arguments")
                .endsWith("(or drop the state's \"QueryLanguage\": \"JSONata\")");
        assertThat(only(ds, Severity.ERROR, "ResultPath is a JSONPath field").message()).contains("use Output or Assign");
        assertThat(only(ds, Severity.ERROR, "ResultSelector is a JSONPath field").message()).contains("use Output");
        assertThat(only(ds, Severity.ERROR, "InputPath is a JSONPath field").message()).contains("use Arguments");
        assertThat(only(ds, Severity.ERROR, "OutputPath is a JSONPath field").message()).contains("use Output");
        Diagnostic map = only(check("{'QueryLanguage':'JSONata','StartAt':'M','States':{'M':{'Type':'Map','Parameters':{},'ItemsPath':'$.a',"
                + "'ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}"), Severity.ERROR, "Parameters is");
        assertThat(map.message()).contains("use ItemSelector").doesNotContain("QueryLanguage"); // a JSONata machine cannot go back
        assertThat(map.pointer()).isEqualTo("/States/M/Parameters");
    }

    @Test
    void jsonataFieldsInAJsonPathStateNameTheirJsonPathCounterpart() {
        List<Diagnostic> ds = one("{'Type':'Task','Resource':'arn:aws:states:::sns:publish','Arguments':{},'Output':{},'End':true}");
        assertThat(only(ds, Severity.ERROR, "Arguments is a JSONata field").message()).contains("use Parameters")
                .contains("or set \"QueryLanguage\": \"JSONata\"");
        assertThat(only(ds, Severity.ERROR, "Output is a JSONata field").message()).contains("OutputPath");
    }

    @Test
    void choiceRulesAreCheckedByLanguageAndDepth() {
        Diagnostic typo = only(one("{'Type':'Choice','Choices':[{'Variable':'$.a','StringEqual':'x','Next':'S'}],'Default':'S'}"),
                Severity.ERROR, "StringEqual\"");
        assertThat(typo.message()).contains("did you mean \"StringEquals\"");
        Diagnostic nested = only(one("{'Type':'Choice','Choices':[{'Not':{'Variable':'$.a','IsNull':true,'Next':'S'},'Next':'S'}],'Default':'S'}"),
                Severity.ERROR, "inside And, Or or Not");
        assertThat(nested.pointer()).isEqualTo("/States/S/Choices/0/Not/Next");
        Diagnostic jsonata = only(one("{'Type':'Choice','QueryLanguage':'JSONata','Choices':[{'Condition':true,'Variable':'$.a','Next':'S'}]}"),
                Severity.ERROR, "Variable is a JSONPath field");
        assertThat(jsonata.message()).contains("use Condition");
    }

    @Test
    void choiceOperandsHaveTheTypesTheirOperatorsCompare() {
        String choice = "{'Type':'Choice','Choices':[{'And':[%s],'Next':'D'}],'Default':'D'},'D':{'Type':'Succeed'}";
        List<Diagnostic> ds = check("{'StartAt':'S','States':{'S':" + String.format(choice,
                "{'Variable':'$.n','NumericEquals':'5'},{'Variable':'$.s','StringEqualsPath':'status'},{'Variable':'status','IsNull':true},"
                        + "{'Variable':'$.p','IsPresent':'true'},{'Variable':'$.t','TimestampLessThan':'2016-03-14 01:59:00'}") + "}}");
        assertThat(only(ds, Severity.ERROR, "NumericEquals compares with a number").pointer()).isEqualTo("/States/S/Choices/0/And/0/NumericEquals");
        assertThat(only(ds, Severity.ERROR, "StringEqualsPath must be a path").message()).contains("use StringEquals");
        assertThat(only(ds, Severity.ERROR, "Variable must be a path").pointer()).isEqualTo("/States/S/Choices/0/And/2/Variable");
        assertThat(only(ds, Severity.ERROR, "IsPresent compares with true or false")).isNotNull();
        assertThat(only(ds, Severity.WARNING, "not an RFC 3339 timestamp").pointer()).isEqualTo("/States/S/Choices/0/And/4/TimestampLessThan");
        assertThat(problems(check("{'StartAt':'S','States':{'S':" + String.format(choice,
                "{'Variable':'$.n','NumericGreaterThanEquals':0.5},{'Variable':'$$.Execution.Name','StringMatches':'run-*'},"
                        + "{'Variable':'$.t','TimestampEquals':'2016-03-14T01:59:00.123+01:00'},{'Variable':'$.a','NumericLessThanPath':'$myLimit'},"
                        + "{'Variable':'$.b','BooleanEquals':'${Flag}'}") + "}}"))).isEmpty();
    }

    @Test
    void waitTimestampsAreRfc3339() {
        assertThat(only(one("{'Type':'Wait','Timestamp':'2016-03-14t01:59:00z','End':true}"), Severity.WARNING, "RFC 3339").pointer())
                .isEqualTo("/States/S/Timestamp");
        assertThat(problems(one("{'Type':'Wait','Timestamp':'2016-03-14T01:59:00Z','End':true}"))).isEmpty();
    }

    @Test
    void retriersAndCatchersHaveTheirOwnFields() {
        List<Diagnostic> ds = one("{'Type':'Task','Resource':'arn:aws:states:::sns:publish','End':true,"
                + "'Retry':[{'ErrorEquals':['States.ALL'],'MaxAttempt':2}],'Catch':[{'ErrorEquals':['States.ALL'],'Nxt':'S','Next':'S'}]}");
        Diagnostic retry = only(ds, Severity.ERROR, "MaxAttempt\"");
        assertThat(retry.message()).contains("did you mean \"MaxAttempts\"").contains("Retry 0 of Task state \"S\"");
        assertThat(retry.pointer()).isEqualTo("/States/S/Retry/0/MaxAttempt");
        assertThat(only(ds, Severity.ERROR, "Nxt").message()).contains("did you mean \"Next\"");
        Diagnostic jsonata = only(one("{'Type':'Task','QueryLanguage':'JSONata','Resource':'arn:aws:states:::sns:publish','End':true,"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.e','Next':'S'}]}"), Severity.ERROR, "ResultPath is a JSONPath");
        assertThat(jsonata.message()).contains("use Output or Assign");
    }

    private static final String PROC = "'ItemProcessor':{%s'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}";

    private List<Diagnostic> map(String fields, String processorConfig) {
        return one("{'Type':'Map'," + fields + String.format(PROC, processorConfig) + ",'End':true}");
    }

    @Test
    void distributedMapFieldsAreCheckedAndWarnedAboutOnAnInlineMap() {
        List<Diagnostic> inline = map("'ItemReader':{'Resource':'arn:aws:states:::s3:getObject'},'ToleratedFailurePercentage':5,'Label':'x',", "");
        assertThat(problems(inline)).hasSize(3).allSatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("only applies to a DISTRIBUTED Map");
        });
        String dist = "'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},";
        List<Diagnostic> ds = map("'ItemReader':{'Parameters':{},'ReaderConfig':{'InputTyp':'CSV','MaxItems':1,'MaxItemsPath':'$.m'}},"
                + "'ItemBatcher':{'BatchInput':{}},'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Prefix':'x'},", dist);
        assertThat(only(ds, Severity.ERROR, "needs a Resource").pointer()).isEqualTo("/States/S/ItemReader");
        Diagnostic reader = only(ds, Severity.WARNING, "InputTyp");
        assertThat(reader.message()).contains("did you mean \"InputType\"");
        assertThat(only(ds, Severity.ERROR, "both MaxItems and MaxItemsPath").pointer()).isEqualTo("/States/S/ItemReader/ReaderConfig/MaxItemsPath");
        assertThat(only(ds, Severity.ERROR, "needs MaxItemsPerBatch").pointer()).isEqualTo("/States/S/ItemBatcher");
        assertThat(only(ds, Severity.ERROR, "\"Prefix\"").pointer()).isEqualTo("/States/S/ResultWriter/Prefix");
    }

    @Test
    void processorConfigModesAndExecutionType() {
        Diagnostic missing = only(map("", "'ProcessorConfig':{'Mode':'DISTRIBUTED'},"), Severity.ERROR, "ExecutionType");
        assertThat(missing.pointer()).isEqualTo("/States/S/ItemProcessor/ProcessorConfig");
        assertThat(only(map("", "'ProcessorConfig':{'Mode':'INLINE','ExecutionType':'EXPRESS'},"), Severity.WARNING, "ExecutionType only")
                .pointer()).isEqualTo("/States/S/ItemProcessor/ProcessorConfig/ExecutionType");
        assertThat(only(map("", "'ProcessorConfig':{'Mod':'INLINE'},"), Severity.ERROR, "\"Mod\"").message()).contains("did you mean \"Mode\"");
        assertThat(only(map("", "'Comment':'c','Version':'1.0',"), Severity.WARNING, "Version is a top-level field")).isNotNull();
    }

    @Test
    void pairsTheSpecForbidsTogether() {
        assertThat(only(one("{'Type':'Task','Resource':'arn:aws:states:::sns:publish','TimeoutSeconds':5,'TimeoutSecondsPath':'$.t','End':true}"),
                Severity.ERROR, "both TimeoutSeconds and TimeoutSecondsPath").pointer()).isEqualTo("/States/S/TimeoutSecondsPath");
        assertThat(only(map("'MaxConcurrency':2,'MaxConcurrencyPath':'$.c',", ""), Severity.ERROR, "both MaxConcurrency")).isNotNull();
        assertThat(only(one("{'Type':'Fail','Error':'E','ErrorPath':'$.e'}"), Severity.ERROR, "both Error and ErrorPath")).isNotNull();
        assertThat(only(map("'ItemBatcher':{'MaxItemsPerBatch':2,'MaxItemsPerBatchPath':'$.b'},", "'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},"),
                Severity.ERROR, "both MaxItemsPerBatch")).isNotNull();
    }

    @Test
    void aJsonataMachineCannotHoldAJsonPathStateButTheReverseIsAllowed() {
        Diagnostic d = only(check("{'QueryLanguage':'JSONata','StartAt':'S','States':{'S':{'Type':'Pass','QueryLanguage':'JSONPath','End':true}}}"),
                Severity.ERROR, "cannot be JSONPath");
        assertThat(d.pointer()).isEqualTo("/States/S/QueryLanguage");
        assertThat(problems(check("{'StartAt':'S','States':{'S':{'Type':'Pass','QueryLanguage':'JSONata','Output':{},'End':true}}}"))).isEmpty();
    }

    @Test
    void statesInsideAJsonataMapDefaultToTheMachinesQueryLanguage() throws IOException {
        AslReadResult r = reader.read("m.json", AslFixtures.bytes("fields/accepted-jsonpath-machine-with-jsonata-states.asl.json"));
        MapState each = (MapState) AslFixtures.machine(r).states().get("Each");
        assertThat(each.queryLanguage()).contains(QueryLanguage.JSONATA);
        assertThat(each.processor().queryLanguage()).isEqualTo(QueryLanguage.JSONPATH);
        assertThat(problems(r.diagnostics())).isEmpty();
    }

    @Test
    void credentialsBelongToTasksAndNeedOneRoleArn() {
        assertThat(only(one("{'Type':'Pass','Credentials':{'RoleArn':'arn:aws:iam::123456789012:role/r'},'End':true}"), Severity.ERROR,
                "Credentials").message()).isEqualTo("Pass state \"S\" cannot have Credentials; it is a field of Task states");
        String task = "{'Type':'Task','Resource':'arn:aws:states:::sns:publish','End':true,%s'Credentials':%s}";
        assertThat(only(one(String.format(task, "", "{}")), Severity.ERROR, "needs RoleArn").pointer()).isEqualTo("/States/S/Credentials");
        assertThat(only(one(String.format(task, "", "{'RoleArn':'arn:aws:iam::123456789012:role/r','RoleArn.$':'$.r'}")),
                Severity.ERROR, "both RoleArn and RoleArn.$")).isNotNull();
        Diagnostic typo = only(one(String.format(task, "", "{'RoleARN':'arn:aws:iam::123456789012:role/r'}")), Severity.ERROR, "RoleARN");
        assertThat(typo.message()).contains("did you mean \"RoleArn\"");
        assertThat(only(one(String.format(task, "'QueryLanguage':'JSONata',", "{'RoleArn.$':'$.r'}")), Severity.ERROR,
                "RoleArn.$ is a JSONPath field").message()).contains("RoleArn with a {% ... %} expression");
        assertThat(only(one(String.format(task, "", "{'RoleArn':'my-role'}")), Severity.WARNING, "does not look like an IAM role ARN")).isNotNull();
        assertThat(only(one(String.format(task, "", "'not an object'")), Severity.ERROR, "must be an object")).isNotNull();
    }

    @Test
    void stateNamesOver80CharactersAreErrorsAtEveryDepth() {
        String n80 = "a".repeat(80);
        String n81 = "b".repeat(81);
        assertThat(problems(check("{'StartAt':'" + n80 + "','States':{'" + n80 + "':{'Type':'Succeed'}}}"))).isEmpty();
        Diagnostic d = only(check("{'StartAt':'" + n81 + "','States':{'" + n81 + "':{'Type':'Succeed'}}}"), Severity.ERROR, "81 characters");
        assertThat(d.pointer()).isEqualTo("/States/" + n81);
        Diagnostic inner = only(one("{'Type':'Map','ItemProcessor':{'StartAt':'" + n81 + "','States':{'" + n81 + "':{'Type':'Succeed'}}},'End':true}"),
                Severity.ERROR, "at most 80");
        assertThat(inner.pointer()).isEqualTo("/States/S/ItemProcessor/States/" + n81);
        String emoji = "\uD83D\uDE80".repeat(80); // 80 Unicode characters, 160 UTF-16 units
        assertThat(problems(check("{'StartAt':'" + emoji + "','States':{'" + emoji + "':{'Type':'Succeed'}}}"))).isEmpty();
    }

    @Test
    void variableNamesInAssign() {
        String pass = "{'Type':'Pass','Assign':{%s},'End':true}";
        assertThat(only(one(String.format(pass, "'states':1")), Severity.ERROR, "reserved").pointer()).isEqualTo("/States/S/Assign/states");
        assertThat(only(one(String.format(pass, "'" + "v".repeat(81) + "':1")), Severity.ERROR, "81 characters")).isNotNull();
        assertThat(only(one(String.format(pass, "'1st':1")), Severity.WARNING, "not a Unicode identifier")).isNotNull();
        assertThat(problems(one(String.format(pass, "'total.$':'$.a','déjà':2")))).isEmpty();
    }

    @Test
    void unknownIntegrationsAreWarningsNeverErrors() {
        List<Diagnostic> ds = one("{'Type':'Task','Resource':'arn:aws:states:::athena:startQueryExecutions.sync','End':true}");
        Diagnostic d = only(ds, Severity.WARNING, "startQueryExecutions");
        assertThat(d.message()).contains("did you mean \"startQueryExecution\"");
        assertThat(d.pointer()).isEqualTo("/States/S/Resource");
        assertThat(ds).noneMatch(Diagnostic::isError);
        Diagnostic reader = only(map("'ItemReader':{'Resource':'arn:aws:states:::s3:getObjects'},",
                "'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},"), Severity.WARNING, "ItemReader Resource");
        assertThat(reader.message()).contains("did you mean \"arn:aws:states:::s3:getObject\"");
    }

    @Test
    void theMatrixHoldsEveryFieldTheSpecNamesForEachStateType() {
        // Written from the spec's state sections independently of FieldMatrix (https://states-language.net/spec.html).
        String[][] spec = {
            {"Task", "Type", "Comment", "QueryLanguage", "Next", "End", "Assign", "Output", "Arguments", "InputPath", "OutputPath",
                "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "Resource", "TimeoutSeconds", "HeartbeatSeconds",
                "TimeoutSecondsPath", "HeartbeatSecondsPath", "Credentials"},
            {"Pass", "Type", "Comment", "QueryLanguage", "Next", "End", "Assign", "Output", "InputPath", "OutputPath", "Parameters",
                "ResultPath", "Result"},
            {"Choice", "Type", "Comment", "QueryLanguage", "Assign", "Output", "InputPath", "OutputPath", "Choices", "Default"},
            {"Wait", "Type", "Comment", "QueryLanguage", "Next", "End", "Assign", "Output", "InputPath", "OutputPath", "Seconds",
                "Timestamp", "SecondsPath", "TimestampPath"},
            {"Succeed", "Type", "Comment", "QueryLanguage", "Output", "InputPath", "OutputPath"},
            {"Fail", "Type", "Comment", "QueryLanguage", "Error", "Cause", "ErrorPath", "CausePath"},
            {"Parallel", "Type", "Comment", "QueryLanguage", "Next", "End", "Assign", "Output", "Arguments", "InputPath", "OutputPath",
                "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "Branches"},
            {"Map", "Type", "Comment", "QueryLanguage", "Next", "End", "Assign", "Output", "InputPath", "OutputPath", "Parameters",
                "ResultSelector", "ResultPath", "Retry", "Catch", "ItemProcessor", "Iterator", "Items", "ItemsPath", "ItemReader",
                "ItemSelector", "ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailurePercentage",
                "ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath"},
        };
        int fields = 0;
        for (String[] row : spec) {
            FieldMatrix.Kind kind = FieldMatrix.ofType(row[0]).orElseThrow();
            for (int i = 1; i < row.length; i++) {
                assertThat(FieldMatrix.names(kind)).as(row[0] + " has " + row[i]).contains(row[i]);
                fields++;
            }
        }
        // Beyond the spec's lists, only Label (a Distributed Map's child-execution prefix, Step Functions' own) is added.
        assertThat(FieldMatrix.stateFields()).isEqualTo(fields + 1);
        assertThat(FieldMatrix.names(FieldMatrix.Kind.MAP)).contains("Label");
    }
}
