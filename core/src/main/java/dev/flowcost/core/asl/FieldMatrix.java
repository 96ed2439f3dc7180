package dev.flowcost.core.asl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which fields each object of a definition may have, by kind of object, query language and Map mode: the
 * specification's field tables written down once, so a misspelt {@code "Retyr"} (which silently drops the retries
 * from the cost) or a JSONPath {@code "Parameters"} in a JSONata state is reported instead of ignored.
 * {@link FieldRules} walks a definition against it.
 *
 * <p>Sources: the state-type tables ("Table of State Types and Fields", JSONata and JSONPath) and each state's
 * section of https://states-language.net/spec.html; the Map fields Step Functions adds (ReaderConfig, WriterConfig,
 * ProcessorConfig, Label) from https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html and
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html; Credentials from
 * https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html. Where the sources leave a field in doubt
 * (a {@code Comment} in a Retrier, Catcher or Choice Rule, {@code Result} in a JSONata Pass) it is allowed: flowcost
 * must never reject what the service accepts.
 */
final class FieldMatrix {

    private FieldMatrix() {
    }

    /** The query language(s) in which a field is allowed. */
    enum Lang {
        BOTH, JSONPATH, JSONATA;

        boolean allows(QueryLanguage ql) {
            return this == BOTH || (this == JSONPATH) == (ql == QueryLanguage.JSONPATH);
        }
    }

    /** The kinds of object whose fields are checked. */
    enum Kind {
        MACHINE("the state machine"), BRANCH("a Parallel branch"), ITEM_PROCESSOR("an ItemProcessor"),
        TASK("Task state"), PASS("Pass state"), CHOICE("Choice state"), WAIT("Wait state"), SUCCEED("Succeed state"),
        FAIL("Fail state"), PARALLEL("Parallel state"), MAP("Map state"),
        RETRIER("a Retrier"), CATCHER("a Catcher"), CHOICE_RULE("a Choice Rule"), NESTED_CHOICE_RULE("a nested Choice Rule"),
        ITEM_READER("ItemReader"), READER_CONFIG("ReaderConfig"), ITEM_BATCHER("ItemBatcher"), RESULT_WRITER("ResultWriter"),
        WRITER_CONFIG("WriterConfig"), PROCESSOR_CONFIG("ProcessorConfig"), CREDENTIALS("Credentials");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        boolean isState() {
            return ordinal() >= TASK.ordinal() && ordinal() <= MAP.ordinal();
        }
    }

    /**
     * One field of one kind of object.
     *
     * @param distributedOnly the field only means something in a DISTRIBUTED Map (ItemReader, ItemBatcher, ...)
     */
    record Field(String name, Lang lang, boolean distributedOnly) {
    }

    /**
     * The JSONPath comparison operators of a Choice Rule (spec, "Data-test expression for JSONPath Choice Rules").
     */
    static final Set<String> COMPARISONS = Set.of(
            "StringEquals", "StringEqualsPath", "StringLessThan", "StringLessThanPath", "StringGreaterThan",
            "StringGreaterThanPath", "StringLessThanEquals", "StringLessThanEqualsPath", "StringGreaterThanEquals",
            "StringGreaterThanEqualsPath", "StringMatches",
            "NumericEquals", "NumericEqualsPath", "NumericLessThan", "NumericLessThanPath", "NumericGreaterThan",
            "NumericGreaterThanPath", "NumericLessThanEquals", "NumericLessThanEqualsPath", "NumericGreaterThanEquals",
            "NumericGreaterThanEqualsPath",
            "BooleanEquals", "BooleanEqualsPath",
            "TimestampEquals", "TimestampEqualsPath", "TimestampLessThan", "TimestampLessThanPath",
            "TimestampGreaterThan", "TimestampGreaterThanPath", "TimestampLessThanEquals", "TimestampLessThanEqualsPath",
            "TimestampGreaterThanEquals", "TimestampGreaterThanEqualsPath",
            "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");

    private static final Map<Kind, Map<String, Field>> FIELDS = new EnumMap<>(Kind.class);

    /** The field that does a JSONPath field's job in JSONata, and the reverse, for "use X instead" messages. */
    private static final Map<String, String> IN_JSONATA = new LinkedHashMap<>();
    private static final Map<String, String> IN_JSONPATH = new LinkedHashMap<>();

    static {
        // Spec "Top-level fields"; an inner machine (spec "Parallel State", "Map State ItemProcessor definition")
        // has StartAt and States "whose meanings are exactly like those in the top level".
        put(Kind.MACHINE, Lang.BOTH, "Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage");
        put(Kind.BRANCH, Lang.BOTH, "Comment", "StartAt", "States");
        put(Kind.ITEM_PROCESSOR, Lang.BOTH, "Comment", "StartAt", "States", "ProcessorConfig");

        // Spec "States": every state has Type and may have Comment and QueryLanguage.
        for (Kind k : List.of(Kind.TASK, Kind.PASS, Kind.CHOICE, Kind.WAIT, Kind.SUCCEED, Kind.FAIL, Kind.PARALLEL, Kind.MAP)) {
            put(k, Lang.BOTH, "Type", "Comment", "QueryLanguage");
        }
        // Spec tables: Output everywhere but Fail (JSONata); InputPath/OutputPath everywhere but Fail (JSONPath);
        // Assign everywhere but Succeed and Fail; Next/End on the non-terminal kinds; Retry/Catch on Task, Parallel, Map.
        for (Kind k : List.of(Kind.TASK, Kind.PASS, Kind.CHOICE, Kind.WAIT, Kind.SUCCEED, Kind.PARALLEL, Kind.MAP)) {
            put(k, Lang.JSONATA, "Output");
            put(k, Lang.JSONPATH, "InputPath", "OutputPath");
        }
        for (Kind k : List.of(Kind.TASK, Kind.PASS, Kind.CHOICE, Kind.WAIT, Kind.PARALLEL, Kind.MAP)) {
            put(k, Lang.BOTH, "Assign");
        }
        for (Kind k : List.of(Kind.TASK, Kind.PASS, Kind.WAIT, Kind.PARALLEL, Kind.MAP)) {
            put(k, Lang.BOTH, "Next", "End");
        }
        for (Kind k : List.of(Kind.TASK, Kind.PARALLEL, Kind.MAP)) {
            put(k, Lang.BOTH, "Retry", "Catch");
            put(k, Lang.JSONPATH, "ResultSelector", "ResultPath");
        }
        put(Kind.PASS, Lang.JSONPATH, "ResultPath", "Parameters");
        put(Kind.PASS, Lang.BOTH, "Result"); // spec "JSONPath Pass State"; JSONata's list of disabled fields omits it

        // Spec "Task State", "Timeouts", "Credentials".
        put(Kind.TASK, Lang.BOTH, "Resource", "TimeoutSeconds", "HeartbeatSeconds", "Credentials");
        put(Kind.TASK, Lang.JSONATA, "Arguments");
        put(Kind.TASK, Lang.JSONPATH, "Parameters", "TimeoutSecondsPath", "HeartbeatSecondsPath");

        put(Kind.CHOICE, Lang.BOTH, "Choices", "Default"); // spec "Choice State"
        put(Kind.WAIT, Lang.BOTH, "Seconds", "Timestamp"); // spec "Wait State"
        put(Kind.WAIT, Lang.JSONPATH, "SecondsPath", "TimestampPath");
        put(Kind.FAIL, Lang.BOTH, "Error", "Cause"); // spec "Fail State"
        put(Kind.FAIL, Lang.JSONPATH, "ErrorPath", "CausePath");

        put(Kind.PARALLEL, Lang.BOTH, "Branches"); // spec "Parallel State"
        put(Kind.PARALLEL, Lang.JSONATA, "Arguments");
        put(Kind.PARALLEL, Lang.JSONPATH, "Parameters");

        // Spec "Map State" (ItemProcessor or the deprecated Iterator; ItemSelector or the deprecated JSONPath
        // Parameters); Label is Step Functions' name prefix for a Distributed Map's child executions (state-map-distributed).
        put(Kind.MAP, Lang.BOTH, "ItemProcessor", "Iterator", "ItemSelector", "MaxConcurrency");
        put(Kind.MAP, Lang.JSONATA, "Items");
        put(Kind.MAP, Lang.JSONPATH, "ItemsPath", "MaxConcurrencyPath", "Parameters");
        putDistributed(Kind.MAP, Lang.BOTH, "ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailurePercentage",
                "ToleratedFailureCount", "Label");
        putDistributed(Kind.MAP, Lang.JSONPATH, "ToleratedFailurePercentagePath", "ToleratedFailureCountPath");

        // Spec "Retrying after error", "Fallback states", "JSONata Catchers", "JSONPath Catchers".
        put(Kind.RETRIER, Lang.BOTH, "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                "JitterStrategy", "Comment");
        put(Kind.CATCHER, Lang.BOTH, "ErrorEquals", "Next", "Assign", "Comment");
        put(Kind.CATCHER, Lang.JSONATA, "Output");
        put(Kind.CATCHER, Lang.JSONPATH, "ResultPath");

        // Spec "JSONata Choice Rules", "Boolean expression" / "Data-test expression for JSONPath Choice Rules":
        // only a top-level rule has Next (and Assign); rules inside And, Or and Not "MUST NOT contain Next".
        put(Kind.CHOICE_RULE, Lang.BOTH, "Next", "Assign", "Comment");
        put(Kind.CHOICE_RULE, Lang.JSONATA, "Condition", "Output");
        put(Kind.CHOICE_RULE, Lang.JSONPATH, "Variable", "And", "Or", "Not");
        put(Kind.CHOICE_RULE, Lang.JSONPATH, COMPARISONS.toArray(String[]::new));
        put(Kind.NESTED_CHOICE_RULE, Lang.BOTH, "Comment");
        put(Kind.NESTED_CHOICE_RULE, Lang.JSONPATH, "Variable", "And", "Or", "Not");
        put(Kind.NESTED_CHOICE_RULE, Lang.JSONPATH, COMPARISONS.toArray(String[]::new));

        // Spec "Reading Items", "Batching Items", "Writing Results", "Map State ItemProcessor definition"; the
        // ReaderConfig and WriterConfig fields Step Functions defines (input-output-itemreader, input-output-resultwriter).
        put(Kind.ITEM_READER, Lang.BOTH, "Resource", "ReaderConfig");
        put(Kind.ITEM_READER, Lang.JSONATA, "Arguments");
        put(Kind.ITEM_READER, Lang.JSONPATH, "Parameters");
        put(Kind.READER_CONFIG, Lang.BOTH, "InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems",
                "ManifestType");
        put(Kind.READER_CONFIG, Lang.JSONPATH, "MaxItemsPath");
        put(Kind.ITEM_BATCHER, Lang.BOTH, "MaxItemsPerBatch", "MaxInputBytesPerBatch", "BatchInput");
        put(Kind.ITEM_BATCHER, Lang.JSONPATH, "MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath");
        put(Kind.RESULT_WRITER, Lang.BOTH, "Resource", "WriterConfig");
        put(Kind.RESULT_WRITER, Lang.JSONATA, "Arguments");
        put(Kind.RESULT_WRITER, Lang.JSONPATH, "Parameters");
        put(Kind.WRITER_CONFIG, Lang.BOTH, "OutputType", "Transformation");
        put(Kind.PROCESSOR_CONFIG, Lang.BOTH, "Mode", "ExecutionType");
        // state-task.html: the role to assume, given as an ARN, a JSONPath "RoleArn.$" or a JSONata expression.
        put(Kind.CREDENTIALS, Lang.BOTH, "RoleArn");
        put(Kind.CREDENTIALS, Lang.JSONPATH, "RoleArn.$");

        // Spec "Document History, November 22, 2024": the JSONPath-only fields and what JSONata uses instead.
        IN_JSONATA.put("InputPath", "Arguments (reading $states.input)");
        IN_JSONATA.put("Parameters", "Arguments");
        IN_JSONATA.put("ResultSelector", "Output (reading $states.result)");
        IN_JSONATA.put("ResultPath", "Output or Assign");
        IN_JSONATA.put("OutputPath", "Output");
        IN_JSONATA.put("ItemsPath", "Items");
        IN_JSONATA.put("Variable", "Condition");
        IN_JSONATA.put("RoleArn.$", "RoleArn with a {% ... %} expression");
        for (String f : List.of("TimeoutSeconds", "HeartbeatSeconds", "Seconds", "Timestamp", "Error", "Cause",
                "MaxConcurrency", "ToleratedFailurePercentage", "ToleratedFailureCount", "MaxItemsPerBatch",
                "MaxInputBytesPerBatch", "MaxItems")) {
            IN_JSONATA.put(f + "Path", f + " with a {% ... %} expression");
        }
        for (String op : COMPARISONS) {
            IN_JSONATA.put(op, "Condition");
        }
        IN_JSONATA.put("And", "Condition");
        IN_JSONATA.put("Or", "Condition");
        IN_JSONATA.put("Not", "Condition");
        IN_JSONPATH.put("Arguments", "Parameters");
        IN_JSONPATH.put("Output", "OutputPath or ResultSelector");
        IN_JSONPATH.put("Items", "ItemsPath");
        IN_JSONPATH.put("Condition", "Variable with a comparison operator");
    }

    private static void put(Kind kind, Lang lang, String... names) {
        for (String n : names) {
            FIELDS.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(n, new Field(n, lang, false));
        }
    }

    private static void putDistributed(Kind kind, Lang lang, String... names) {
        for (String n : names) {
            FIELDS.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(n, new Field(n, lang, true));
        }
    }

    /** The field {@code name} of {@code kind}, when the matrix has it (in any language or mode). */
    static Optional<Field> field(Kind kind, String name) {
        return Optional.ofNullable(FIELDS.getOrDefault(kind, Map.of()).get(name));
    }

    /** Every field name {@code kind} may have, in some language or mode. */
    static Set<String> names(Kind kind) {
        return Collections.unmodifiableSet(FIELDS.getOrDefault(kind, Map.of()).keySet());
    }

    /** The field names {@code kind} may have in {@code ql}: the candidates for "did you mean". */
    static List<String> names(Kind kind, QueryLanguage ql) {
        List<String> out = new ArrayList<>();
        for (Field f : FIELDS.getOrDefault(kind, Map.of()).values()) {
            if (f.lang().allows(ql)) {
                out.add(f.name());
            }
        }
        return out;
    }

    /**
     * Objects whose fields Step Functions defines and may extend (spec: "The interpreter MAY define additional
     * ReaderConfig fields"): an unknown field there is a warning, not an error.
     */
    static boolean openEnded(Kind kind) {
        return kind == Kind.READER_CONFIG || kind == Kind.WRITER_CONFIG;
    }

    /** The state kinds (by their Type) that do have {@code name}, for "it is a field of Wait states". */
    static Set<String> stateTypesWith(String name) {
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<Kind, Map<String, Field>> e : FIELDS.entrySet()) {
            if (e.getKey().isState() && e.getValue().containsKey(name)) {
                out.add(e.getKey().label.replace(" state", ""));
            }
        }
        return out;
    }

    /** What does {@code field}'s job in {@code ql} (the field is from the other language), if the spec names one. */
    static Optional<String> counterpart(Kind kind, String field, QueryLanguage ql) {
        if (ql == QueryLanguage.JSONATA) {
            if (field.equals("Parameters") && kind == Kind.MAP) {
                return Optional.of("ItemSelector");
            }
            return Optional.ofNullable(IN_JSONATA.get(field));
        }
        return Optional.ofNullable(IN_JSONPATH.get(field));
    }

    /** The state kind for a Type value, or empty for an unknown Type (the builder reports those). */
    static Optional<Kind> ofType(String type) {
        switch (type) {
            case "Task":
                return Optional.of(Kind.TASK);
            case "Pass":
                return Optional.of(Kind.PASS);
            case "Choice":
                return Optional.of(Kind.CHOICE);
            case "Wait":
                return Optional.of(Kind.WAIT);
            case "Succeed":
                return Optional.of(Kind.SUCCEED);
            case "Fail":
                return Optional.of(Kind.FAIL);
            case "Parallel":
                return Optional.of(Kind.PARALLEL);
            case "Map":
                return Optional.of(Kind.MAP);
            default:
                return Optional.empty();
        }
    }

    /** How many distinct fields each state type has in the matrix, summed over the eight types. */
    static int stateFields() {
        int n = 0;
        for (Map.Entry<Kind, Map<String, Field>> e : FIELDS.entrySet()) {
            if (e.getKey().isState()) {
                n += e.getValue().size();
            }
        }
        return n;
    }
}
