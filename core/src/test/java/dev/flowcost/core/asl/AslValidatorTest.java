package dev.flowcost.core.asl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import dev.flowcost.core.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AslValidatorTest {

    private final AslReader reader = new AslReader();

    /** Reads a definition written with single quotes (for readability) and returns its diagnostics. */
    private List<Diagnostic> check(String json) {
        AslReadResult r = reader.read("v.json", json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
        assertThat(r.machine()).as("machine built: " + r.diagnostics()).isPresent();
        return r.diagnostics();
    }

    private static Diagnostic one(List<Diagnostic> ds, Severity severity, String messagePart) {
        List<Diagnostic> hits = ds.stream().filter(d -> d.severity() == severity && d.message().contains(messagePart))
                .collect(Collectors.toList());
        assertThat(hits).as(severity + " containing '" + messagePart + "' in " + ds).hasSize(1);
        return hits.get(0);
    }

    private static final String SUCCEED = "'Done':{'Type':'Succeed'}";

    @Test
    void startAtMustNameAStateInItsScope() {
        List<Diagnostic> ds = check("{'StartAt':'Strat','States':{'Start':{'Type':'Succeed'}}}");
        Diagnostic d = one(ds, Severity.ERROR, "StartAt names");
        assertThat(d.message()).isEqualTo("StartAt names state \"Strat\" does not exist (did you mean \"Start\"?)");
        assertThat(d.pointer()).isEqualTo("/StartAt");
        assertThat(d.line()).isEqualTo(1);
        assertThat(d.column()).isEqualTo(2);
    }

    @Test
    void innerStartAtIsCheckedInItsOwnScope() {
        List<Diagnostic> ds = check("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[{'StartAt':'P','States':{'X':{'Type':'Succeed'}}}],'End':true}}}");
        assertThat(one(ds, Severity.ERROR, "StartAt names").pointer()).isEqualTo("/States/P/Branches/0/StartAt");
    }

    @Test
    void nextCannotReachIntoASiblingBranch() {
        List<Diagnostic> ds = check("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Succeed'}}}],'End':true}}}");
        Diagnostic d = one(ds, Severity.ERROR, "\"B\" does not exist");
        assertThat(d.pointer()).isEqualTo("/States/P/Branches/0/States/A/Next");
    }

    @Test
    void catchNextAndChoiceDefaultMustResolve() {
        List<Diagnostic> ds = check("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::sns:publish',"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Recover'}],'Next':'C'},"
                + "'C':{'Type':'Choice','Choices':[{'Variable':'$.a','IsPresent':true,'Next':'Done'}],'Default':'Nowhere'}," + SUCCEED + "}}");
        assertThat(one(ds, Severity.ERROR, "\"Recover\"").pointer()).isEqualTo("/States/T/Catch/0/Next");
        assertThat(one(ds, Severity.ERROR, "\"Nowhere\"").pointer()).isEqualTo("/States/C/Default");
    }

    @Test
    void nonTerminalStatesNeedExactlyOneOfNextAndEnd() {
        List<Diagnostic> ds = check("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B','End':true},'B':{'Type':'Pass'}}}");
        assertThat(one(ds, Severity.ERROR, "both Next and End").pointer()).isEqualTo("/States/A");
        Diagnostic neither = one(ds, Severity.ERROR, "needs Next");
        assertThat(neither.pointer()).isEqualTo("/States/B");
        assertThat(neither.message()).isEqualTo("Pass state \"B\" needs Next (the state to go to) or \"End\": true");
    }

    @Test
    void choiceNeedsRulesAndRulesNeedNext() {
        List<Diagnostic> ds = check("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[],'Default':'Done'}," + SUCCEED + "}}");
        assertThat(one(ds, Severity.ERROR, "has no Choices").pointer()).isEqualTo("/States/C");
        ds = check("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':'$.a','IsNull':true}],'Default':'Done'}," + SUCCEED + "}}");
        assertThat(one(ds, Severity.ERROR, "needs Next").pointer()).isEqualTo("/States/C/Choices/0");
    }

    @Test
    void choiceRulesMustBeWellFormed() {
        List<Diagnostic> ds = check("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':["
                + "{'Variable':'$.a','Next':'Done'},"
                + "{'Variable':'$.a','StringEquals':'x','NumericEquals':1,'Next':'Done'},"
                + "{'And':[],'Next':'Done'},"
                + "{'Not':[{'Variable':'$.a','IsNull':true}],'Next':'Done'},"
                + "{'Or':[{'Variable':'$.a','IsNull':true},{'Not':{'Variable':'$.b'}}],'Next':'Done'},"
                + "{'StringEquals':'x','Next':'Done'}"
                + "]}," + SUCCEED + "}}");
        assertThat(ds.stream().filter(d -> d.message().contains("has no condition")).map(Diagnostic::pointer))
                .containsExactlyInAnyOrder("/States/C/Choices/0", "/States/C/Choices/4/Or/1/Not");
        assertThat(one(ds, Severity.ERROR, "more than one condition").pointer()).isEqualTo("/States/C/Choices/1");
        assertThat(one(ds, Severity.ERROR, "And must be a non-empty list").pointer()).isEqualTo("/States/C/Choices/2/And");
        assertThat(one(ds, Severity.ERROR, "Not must be a single rule").pointer()).isEqualTo("/States/C/Choices/3/Not");
        assertThat(one(ds, Severity.ERROR, "needs a Variable").pointer()).isEqualTo("/States/C/Choices/5");
    }

    @Test
    void retrierNumbersMustBeInRange() {
        List<Diagnostic> ds = check("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::sns:publish','End':true,"
                + "'Retry':[{'ErrorEquals':['X'],'MaxAttempts':-1,'BackoffRate':0.5,'IntervalSeconds':0,'MaxDelaySeconds':0}]}}}");
        assertThat(one(ds, Severity.ERROR, "MaxAttempts must be 0 or more").pointer()).isEqualTo("/States/T/Retry/0/MaxAttempts");
        assertThat(one(ds, Severity.ERROR, "BackoffRate must be at least 1.0, not 0.5").pointer()).isEqualTo("/States/T/Retry/0/BackoffRate");
        assertThat(one(ds, Severity.ERROR, "IntervalSeconds must be at least 1").pointer()).isEqualTo("/States/T/Retry/0/IntervalSeconds");
        assertThat(one(ds, Severity.ERROR, "MaxDelaySeconds must be greater than 0").pointer()).isEqualTo("/States/T/Retry/0/MaxDelaySeconds");
    }

    @Test
    void statesAllMustBeAloneAndLast() {
        List<Diagnostic> ds = check("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::sns:publish','End':true,"
                + "'Retry':[{'ErrorEquals':['States.ALL','X']},{'ErrorEquals':['Y']}],"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'T'},{'ErrorEquals':['Z'],'Next':'T'}]}}}");
        assertThat(one(ds, Severity.ERROR, "must be the only error name").pointer()).isEqualTo("/States/T/Retry/0/ErrorEquals");
        List<Diagnostic> last = ds.stream().filter(d -> d.message().contains("must be the last one")).collect(Collectors.toList());
        assertThat(last).extracting(Diagnostic::pointer)
                .containsExactlyInAnyOrder("/States/T/Retry/0/ErrorEquals", "/States/T/Catch/0/ErrorEquals");
    }

    @Test
    void emptyErrorEqualsIsAnError() {
        List<Diagnostic> ds = check("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::sns:publish','End':true,"
                + "'Retry':[{'MaxAttempts':1}]}}}");
        assertThat(one(ds, Severity.ERROR, "ErrorEquals must name at least one").pointer()).isEqualTo("/States/T/Retry/0/ErrorEquals");
    }

    @Test
    void taskTimeoutsMustBePositiveAndHeartbeatShorter() {
        List<Diagnostic> ds = check("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::sns:publish','End':true,"
                + "'TimeoutSeconds':10,'HeartbeatSeconds':10},'U':{'Type':'Task','Resource':'r','End':true,'TimeoutSeconds':0}}}");
        assertThat(one(ds, Severity.ERROR, "HeartbeatSeconds (10) must be less than TimeoutSeconds (10)").pointer())
                .isEqualTo("/States/T/HeartbeatSeconds");
        assertThat(one(ds, Severity.ERROR, "TimeoutSeconds must be greater than 0").pointer()).isEqualTo("/States/U/TimeoutSeconds");
    }

    @Test
    void mapNumbersMustBeInRange() {
        List<Diagnostic> ds = check("{'StartAt':'M','States':{'M':{'Type':'Map','End':true,'MaxConcurrency':-1,"
                + "'ToleratedFailurePercentage':101,'ItemBatcher':{'MaxItemsPerBatch':0,'MaxInputBytesPerBatch':262145},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED'},'StartAt':'X','States':{'X':{'Type':'Succeed'}}}}}}");
        assertThat(one(ds, Severity.ERROR, "MaxConcurrency").pointer()).isEqualTo("/States/M/MaxConcurrency");
        assertThat(one(ds, Severity.ERROR, "ToleratedFailurePercentage must be between 0 and 100, not 101").pointer())
                .isEqualTo("/States/M/ToleratedFailurePercentage");
        assertThat(one(ds, Severity.ERROR, "MaxItemsPerBatch must be at least 1").pointer()).isEqualTo("/States/M/ItemBatcher/MaxItemsPerBatch");
        assertThat(one(ds, Severity.ERROR, "MaxInputBytesPerBatch").pointer()).isEqualTo("/States/M/ItemBatcher/MaxInputBytesPerBatch");
    }

    @Test
    void waitNeedsExactlyOneDuration() {
        List<Diagnostic> ds = check("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':5,'SecondsPath':'$.s','Next':'V'},"
                + "'V':{'Type':'Wait','End':true}}}");
        assertThat(one(ds, Severity.ERROR, "(it has 2)").pointer()).isEqualTo("/States/W");
        assertThat(one(ds, Severity.ERROR, "Wait state \"V\" needs exactly one").pointer()).isEqualTo("/States/V");
    }

    @Test
    void unreachableStatesAreWarnings() {
        List<Diagnostic> ds = check("{'StartAt':'A','States':{'A':{'Type':'Succeed'},\n'Orphan':{'Type':'Pass','End':true}}}");
        Diagnostic d = one(ds, Severity.WARNING, "unreachable");
        assertThat(d.pointer()).isEqualTo("/States/Orphan");
        assertThat(d.line()).isEqualTo(2);
        assertThat(ds.stream().filter(Diagnostic::isError)).isEmpty();
    }

    @Test
    void machineThatCanNeverEndIsAnError() {
        List<Diagnostic> ds = check("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Wait','Seconds':1,'Next':'A'}}}");
        assertThat(one(ds, Severity.ERROR, "can never end").pointer()).isEmpty();
    }

    @Test
    void failIsATerminalState() {
        List<Diagnostic> ds = check("{'StartAt':'A','States':{'A':{'Type':'Fail'}}}");
        assertThat(ds).isEmpty();
    }

    @Test
    void stateNamesMustBeUniqueAcrossNestedMachines() {
        List<Diagnostic> ds = check("{'StartAt':'M','States':{'M':{'Type':'Map','Next':'X','ItemProcessor':{'StartAt':'X',"
                + "'States':{'X':{'Type':'Succeed'}}}},'X':{'Type':'Succeed'}}}");
        assertThat(one(ds, Severity.ERROR, "already used").pointer()).isIn("/States/X", "/States/M/ItemProcessor/States/X");
    }

    @Test
    void validatesAModelBuiltInCode() {
        Map<String, State> states = new LinkedHashMap<>();
        states.put("A", new PassState("A", new SourceLocation("/States/A", 0, 0), Optional.empty(), Optional.empty(), Flow.to("Bee")));
        states.put("B", new SucceedState("B", new SourceLocation("/States/B", 0, 0), Optional.empty(), Optional.empty()));
        StateMachine m = new StateMachine("A", states, Optional.empty(), OptionalInt.empty(), Optional.empty(), null, "");
        List<Diagnostic> ds = AslValidator.validate("code", m);
        Diagnostic d = one(ds, Severity.ERROR, "does not exist");
        assertThat(d.message()).isEqualTo("state \"Bee\" does not exist (did you mean \"B\"?)");
        assertThat(d.pointer()).isEqualTo("/States/A/Next");
        assertThat(d.file()).isEqualTo("code");
        assertThat(one(ds, Severity.WARNING, "unreachable").pointer()).isEqualTo("/States/B");
    }
}
