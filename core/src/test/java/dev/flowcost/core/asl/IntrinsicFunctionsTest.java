package dev.flowcost.core.asl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Intrinsic function names, arities and string-literal escapes (spec "Intrinsic Functions" and Appendix B). */
class IntrinsicFunctionsTest {

    private static List<IntrinsicFunctions.Problem> errors(String call) {
        return IntrinsicFunctions.check(call).stream().filter(IntrinsicFunctions.Problem::error).collect(Collectors.toList());
    }

    private static List<IntrinsicFunctions.Problem> warnings(String call) {
        return IntrinsicFunctions.check(call).stream().filter(p -> !p.error()).collect(Collectors.toList());
    }

    @Test
    void everyFunctionOfTheSpecIsAcceptedWithItsArity() {
        Map<String, String> calls = Map.ofEntries(
                Map.entry("States.Format", "States.Format('{} and {}', $.a, 'b')"),
                Map.entry("States.StringToJson", "States.StringToJson($.s)"),
                Map.entry("States.JsonToString", "States.JsonToString($.o)"),
                Map.entry("States.Array", "States.Array()"),
                Map.entry("States.ArrayPartition", "States.ArrayPartition($.a, 4)"),
                Map.entry("States.ArrayContains", "States.ArrayContains($.a, $.v)"),
                Map.entry("States.ArrayRange", "States.ArrayRange(1, 9, 2)"),
                Map.entry("States.ArrayGetItem", "States.ArrayGetItem($.a, 5)"),
                Map.entry("States.ArrayLength", "States.ArrayLength($.a)"),
                Map.entry("States.ArrayUnique", "States.ArrayUnique($.a)"),
                Map.entry("States.Base64Encode", "States.Base64Encode($.in)"),
                Map.entry("States.Base64Decode", "States.Base64Decode($.in)"),
                Map.entry("States.Hash", "States.Hash($.d, 'SHA-1')"),
                Map.entry("States.JsonMerge", "States.JsonMerge($.a, $.b, true)"),
                Map.entry("States.MathRandom", "States.MathRandom(1, 999, $.seed)"),
                Map.entry("States.MathAdd", "States.MathAdd($.n, -1)"),
                Map.entry("States.StringSplit", "States.StringSplit($.s, ',')"),
                Map.entry("States.UUID", "States.UUID()"));
        assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(IntrinsicFunctions.FUNCTIONS.keySet());
        calls.forEach((name, call) -> assertThat(IntrinsicFunctions.check(call)).as(call).isEmpty());
    }

    @Test
    void anUnknownNameIsAnErrorWithDidYouMean() {
        assertThat(errors("States.format('x')")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("unknown intrinsic function States.format (did you mean States.Format?)"));
        assertThat(errors("States.StringToJSON($.s)")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("did you mean States.StringToJson?"));
        assertThat(errors("Foo.Bar()")).singleElement().satisfies(p -> assertThat(p.message()).contains("the functions are States.Format"));
    }

    @Test
    void theWrongNumberOfArgumentsIsAnError() {
        assertThat(errors("States.UUID($.x)")).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("States.UUID takes no arguments, not 1"));
        assertThat(errors("States.ArrayRange(1, 9)")).singleElement().satisfies(p -> assertThat(p.message()).contains("takes 3 arguments, not 2"));
        assertThat(errors("States.MathRandom(1)")).singleElement().satisfies(p -> assertThat(p.message()).contains("2 or 3 arguments"));
        assertThat(errors("States.Format()")).singleElement().satisfies(p -> assertThat(p.message()).contains("at least 1 argument"));
        // Arguments of nested calls are counted for their own function.
        assertThat(errors("States.Array(States.ArrayLength($.a, $.b))")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("States.ArrayLength takes 1 argument, not 2"));
    }

    @Test
    void formatNeedsOneValuePerPlaceholder() {
        assertThat(errors("States.Format('{} {}', $.a)")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("has 2 {} but 1 value follows"));
        // Escaped braces are not placeholders.
        assertThat(IntrinsicFunctions.check("States.Format('\\{\\} {}', $.a)")).isEmpty();
        assertThat(IntrinsicFunctions.placeholders("a {} \\{} {}")).isEqualTo(2);
    }

    @Test
    void stringLiteralsEscapeQuotesBracesAndBackslashes() {
        assertThat(IntrinsicFunctions.check("States.Format('it\\'s \\\\ {}', $.a)")).isEmpty();
        assertThat(warnings("States.Format('line\\n{}', $.a)")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("\\n in the string at character 15 is not an escape"));
        assertThat(warnings("States.Format('never closed, $.a)")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is never closed"));
        assertThat(errors("States.Format('never closed, $.a)")).isEmpty();
    }

    @Test
    void pathsMayHoldCommasAndQuotesInsideBrackets() {
        assertThat(IntrinsicFunctions.check("States.Array($.a[0,1], $['b c'], $$.Execution.Id)")).isEmpty();
        assertThat(errors("States.ArrayLength($.a[0,1], 2)")).hasSize(1);
    }

    @Test
    void literalValuesThatFailOnlyAtRunTimeAreWarnings() {
        assertThat(warnings("States.Hash($.d, 'SHA-2')")).singleElement().satisfies(p -> assertThat(p.message()).contains("MD5"));
        assertThat(warnings("States.ArrayRange(1, 9, 0)")).hasSize(1);
        assertThat(errors("States.Hash($.d, 'SHA-2')")).isEmpty();
    }

    @Test
    void theReaderReportsIntrinsicsAtTheirPointerInEveryPayloadTemplate() {
        String def = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish",
                  "Parameters":{"Message":{"text.$":"States.Fromat('{}', $.a)"}},
                  "ResultSelector":{"n.$":"States.ArrayLength($.a, $.b)"},
                  "Assign":{"x.$":"States.UUID(1)"},
                  "Next":"F"},
                 "F":{"Type":"Fail","CausePath":"States.JsonToString()"}}}
                """;
        List<Diagnostic> ds = new AslReader().read("i.json", def.getBytes(StandardCharsets.UTF_8)).diagnostics().stream()
                .filter(Diagnostic::isError).collect(Collectors.toList());
        assertThat(ds).extracting(Diagnostic::pointer).containsExactlyInAnyOrder("/States/T/Parameters/Message/text.$",
                "/States/T/ResultSelector/n.$", "/States/T/Assign/x.$", "/States/F/CausePath");
        assertThat(ds.get(0).message()).contains("did you mean States.Format?");
        assertThat(ds.get(0).line()).isEqualTo(2);
        // A JSONata state's strings are not intrinsic functions.
        String jsonata = "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Output\":{\"x.$\":\"States.Nope()\"},\"End\":true}}}";
        assertThat(new AslReader().read("j.json", jsonata.getBytes(StandardCharsets.UTF_8)).diagnostics())
                .noneMatch(d -> d.severity() != Severity.INFO);
    }
}
