package dev.flowcost.core.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.asl.FieldMatrix.Field;
import dev.flowcost.core.asl.FieldMatrix.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks the written definition, field by field, against {@link FieldMatrix}: unknown and misspelt fields (with
 * "did you mean"), fields of the other query language (naming the one to use), fields that only a DISTRIBUTED Map
 * reads, pairs of fields the specification forbids together, the query-language mixing rule, Credentials, variable
 * names in Assign, intrinsic functions ({@link IntrinsicFunctions}) and integration ARNs ({@link IntegrationCatalog}).
 * It reads the parsed tree, not the model, because the model keeps only the fields flowcost counts with: a
 * {@code "Retyr"} never reaches it.
 */
final class FieldRules {

    /** Spec "State Machine Variables": a variable name's length "MUST BE less than or equal to 80 Unicode characters". */
    static final int MAX_VARIABLE_NAME = 80;

    private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-zA-Z-]*:iam::\\d{12}:role/.+$");

    private final AslDiagnostics diags;
    private QueryLanguage machineQl = QueryLanguage.JSONPATH;

    private FieldRules(String file, Function<String, SourceLocation> locate) {
        this.diags = new AslDiagnostics(file, locate, new ArrayList<>());
    }

    /** The findings for the definition {@code root} (an object with StartAt and States). */
    static List<Diagnostic> check(String file, JsonNode root, Function<String, SourceLocation> locate) {
        FieldRules r = new FieldRules(file, locate);
        if (root != null && root.isObject()) {
            JsonNode ql = root.get("QueryLanguage");
            r.machineQl = ql != null && "JSONata".equals(ql.asText()) ? QueryLanguage.JSONATA : QueryLanguage.JSONPATH;
            r.machine(root, "", Kind.MACHINE);
        }
        return r.diags.found();
    }

    private void machine(JsonNode m, String p, Kind kind) {
        for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (kind != Kind.MACHINE && FieldMatrix.field(kind, f).isEmpty() && FieldMatrix.field(Kind.MACHINE, f).isPresent()) {
                // The spec gives inner machines only StartAt and States "whose meanings are exactly like those in the
                // top level"; a top-level field here is not known to be refused, so say it and go on.
                diags.warning(DiagnosticCode.ASL_FIELD_MISPLACED, ptr(p, f),
                        f + " is a top-level field; " + kind.label + " is not known to read it");
            } else {
                fieldIn(m, f, p, kind, machineQl, true, kind.label);
            }
        }
        JsonNode states = m.get("States");
        if (states == null || !states.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) {
                state(e.getKey(), e.getValue(), ptr(p + "/States", e.getKey()));
            }
        }
    }

    private void state(String name, JsonNode n, String p) {
        JsonNode typeNode = n.get("Type");
        Optional<Kind> k = typeNode != null && typeNode.isTextual() ? FieldMatrix.ofType(typeNode.textValue()) : Optional.empty();
        if (k.isEmpty()) {
            return; // the builder reports a missing or unknown Type
        }
        Kind kind = k.get();
        QueryLanguage ql = queryLanguage(n, p);
        boolean distributed = kind == Kind.MAP && isDistributed(n);
        String owner = kind.label + " \"" + name + "\"";
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            fieldIn(n, it.next(), p, kind, ql, distributed, owner);
        }
        exclusive(n, p, owner, kind);
        if (ql == QueryLanguage.JSONPATH) {
            for (String t : new String[] {"Parameters", "ResultSelector", "ItemSelector"}) {
                template(n.get(t), ptr(p, t), 0);
            }
        }
        assign(n.get("Assign"), ptr(p, "Assign"), ql);
        entries(n, "Retry", p, Kind.RETRIER, ql, owner);
        entries(n, "Catch", p, Kind.CATCHER, ql, owner);
        switch (kind) {
            case TASK -> task(n, p, ql, owner);
            case CHOICE -> choices(n, p, ql, owner);
            case FAIL -> failPaths(n, p, ql);
            case WAIT -> waitTimestamp(n, p);
            case PARALLEL -> branches(n, p);
            case MAP -> map(n, p, ql, distributed, owner);
            default -> {
            }
        }
    }

    /**
     * The state's query language: its own QueryLanguage or the machine's. A JSONPath state inside a JSONata machine is
     * an error: "You cannot revert a top-level JSONata-based state machine to a mix of JSONata and JSONPath states"
     * (https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html). The other mix is allowed.
     */
    private QueryLanguage queryLanguage(JsonNode n, String p) {
        JsonNode q = n.get("QueryLanguage");
        if (q == null || !q.isTextual()) {
            return machineQl;
        }
        if (q.textValue().equals("JSONPath")) {
            if (machineQl == QueryLanguage.JSONATA) {
                diags.error(DiagnosticCode.ASL_FIELD_QUERY_LANGUAGE, ptr(p, "QueryLanguage"),
                        "a state cannot be JSONPath in a state machine whose QueryLanguage is JSONata; "
                        + "only a JSONPath machine may mix in JSONata states (write this state in JSONata, or make the machine JSONPath)");
            }
            return QueryLanguage.JSONPATH;
        }
        return q.textValue().equals("JSONata") ? QueryLanguage.JSONATA : machineQl;
    }

    /** Checks one field of {@code obj} against the matrix for {@code kind} in {@code ql}. */
    private void fieldIn(JsonNode obj, String f, String p, Kind kind, QueryLanguage ql, boolean distributed, String owner) {
        String fp = ptr(p, f);
        Optional<Field> field = FieldMatrix.field(kind, f);
        if (field.isEmpty()) {
            unknown(f, fp, kind, ql, owner);
            return;
        }
        Field fd = field.get();
        if (!fd.lang().allows(ql)) {
            if (kind == Kind.CHOICE_RULE && f.equals("Condition")) {
                return; // AslValidator says how to make the rule JSONata
            }
            // Spec "Document History, November 22, 2024": JSONata states have no InputPath, Parameters, ResultSelector,
            // ResultPath, OutputPath, Variable/comparison operators or ...Path fields; Arguments, Output, Items and
            // Condition are JSONata's (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
            String lang = ql == QueryLanguage.JSONATA ? "JSONata" : "JSONPath";
            String other = ql == QueryLanguage.JSONATA ? "JSONPath" : "JSONata";
            Optional<String> use = FieldMatrix.counterpart(kind, f, ql);
            String switchTo = ql == QueryLanguage.JSONPATH ? " (or set \"QueryLanguage\": \"JSONata\" on the state)"
                    : machineQl == QueryLanguage.JSONPATH ? " (or drop the state's \"QueryLanguage\": \"JSONata\")" : "";
            diags.error(DiagnosticCode.ASL_FIELD_QUERY_LANGUAGE, fp,
                    f + " is a " + other + " field, but " + owner + " uses " + lang + use.map(u -> "; use " + u).orElse("") + switchTo);
            return;
        }
        // state-map-distributed.html: ItemReader, ItemBatcher, ResultWriter, the tolerated-failure thresholds and Label
        // belong to the Distributed Map; an INLINE Map does not read them.
        if (fd.distributedOnly() && !distributed && !f.equals("ItemBatcher")) { // AslValidator warns about ItemBatcher
            diags.warning(DiagnosticCode.ASL_FIELD_IGNORED, fp,
                    f + " only applies to a DISTRIBUTED Map (ItemProcessor.ProcessorConfig.Mode); " + owner
                    + " is INLINE and ignores it");
        }
    }

    /**
     * A field the matrix does not have for {@code kind}. Step Functions refuses a definition with a field the States
     * Language does not define for that object (its schema validation, SCHEMA_VALIDATION_FAILED), so this is an error,
     * except in the objects the spec leaves open to the interpreter (ReaderConfig, WriterConfig).
     */
    private void unknown(String f, String fp, Kind kind, QueryLanguage ql, String owner) {
        if (kind.isState() && (f.equals("Retry") || f.equals("Catch") || f.equals("Next") || f.equals("End"))) {
            return; // DefinitionBuilder reports these with the rule that forbids them
        }
        if (kind == Kind.NESTED_CHOICE_RULE && (f.equals("Next") || f.equals("Assign") || f.equals("Output") || f.equals("Condition"))) {
            // Spec: rules inside And, Or and Not "MUST NOT contain Next fields".
            diags.error(DiagnosticCode.ASL_FIELD_MISPLACED, fp,
                    "a rule inside And, Or or Not cannot have " + f + "; only a top-level Choice Rule can");
            return;
        }
        Optional<String> hint = NameSuggester.closest(f, FieldMatrix.names(kind, ql));
        Set<String> elsewhere = kind.isState() && hint.isEmpty() ? FieldMatrix.stateTypesWith(f) : Set.of();
        if (!elsewhere.isEmpty()) {
            diags.error(DiagnosticCode.ASL_FIELD_MISPLACED, fp,
                    owner + " cannot have " + f + "; it is a field of " + String.join(", ", elsewhere) + " states");
            return;
        }
        String message = "unknown field \"" + f + "\" in " + owner + hint.map(h -> " (did you mean \"" + h + "\"?)")
                .orElse("; its fields are " + String.join(", ", FieldMatrix.names(kind, ql)));
        if (FieldMatrix.openEnded(kind)) {
            diags.warning(DiagnosticCode.ASL_FIELD_UNKNOWN, fp,
                    message + " (Step Functions may define more " + kind.label + " fields than flowcost knows)");
        } else {
            diags.error(DiagnosticCode.ASL_FIELD_UNKNOWN, fp,
                    message + "; Step Functions refuses fields the Amazon States Language does not define");
        }
    }

    /** Spec: "MUST NOT include both" X and XPath (Task timeouts, Fail Error/Cause, Map limits). */
    private void exclusive(JsonNode n, String p, String owner, Kind kind) {
        List<String[]> pairs = switch (kind) {
            case TASK -> List.of(new String[] {"TimeoutSeconds", "TimeoutSecondsPath"}, new String[] {"HeartbeatSeconds", "HeartbeatSecondsPath"});
            case FAIL -> List.of(new String[] {"Error", "ErrorPath"}, new String[] {"Cause", "CausePath"});
            case MAP -> List.of(new String[] {"MaxConcurrency", "MaxConcurrencyPath"},
                    new String[] {"ToleratedFailureCount", "ToleratedFailureCountPath"},
                    new String[] {"ToleratedFailurePercentage", "ToleratedFailurePercentagePath"});
            case ITEM_BATCHER -> List.of(new String[] {"MaxItemsPerBatch", "MaxItemsPerBatchPath"},
                    new String[] {"MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"});
            case READER_CONFIG -> List.<String[]>of(new String[] {"MaxItems", "MaxItemsPath"});
            default -> List.<String[]>of();
        };
        for (String[] pair : pairs) {
            if (n.has(pair[0]) && n.has(pair[1])) {
                diags.error(DiagnosticCode.ASL_FIELD_CONFLICT, ptr(p, pair[1]),
                        owner + " has both " + pair[0] + " and " + pair[1] + "; keep one");
            }
        }
    }

    private void entries(JsonNode n, String field, String p, Kind kind, QueryLanguage ql, String owner) {
        JsonNode list = n.get(field);
        if (list == null || !list.isArray()) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            if (!e.isObject()) {
                continue;
            }
            String ep = p + "/" + field + "/" + i;
            String label = kind.label + " (" + field + " " + i + " of " + owner + ")";
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                fieldIn(e, it.next(), ep, kind, ql, true, label);
            }
            assign(e.get("Assign"), ep + "/Assign", ql);
        }
    }

    private void task(JsonNode n, String p, QueryLanguage ql, String owner) {
        JsonNode r = n.get("Resource");
        if (r != null && r.isTextual()) {
            IntegrationCatalog.checkTaskResource(r.textValue()).ifPresent(m -> diags.warning(DiagnosticCode.ASL_INTEGRATION_UNKNOWN, ptr(p, "Resource"), m));
        }
        JsonNode c = n.get("Credentials");
        if (c != null) {
            credentials(c, ptr(p, "Credentials"), ql, owner);
        }
    }

    /**
     * Task "Credentials": an object with the role to assume, as "RoleArn" (an ARN, or a JSONata expression) or, in
     * JSONPath, "RoleArn.$" (a path or intrinsic function that yields one), but not both.
     * https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html and concepts-access-cross-acct-resources.html
     */
    private void credentials(JsonNode c, String p, QueryLanguage ql, String owner) {
        if (!c.isObject()) {
            diags.error(DiagnosticCode.ASL_FIELD_TYPE, p,
                    "Credentials must be an object with a RoleArn, not " + DefinitionBuilder.describe(c));
            return;
        }
        String label = "Credentials of " + owner;
        for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
            fieldIn(c, it.next(), p, Kind.CREDENTIALS, ql, true, label);
        }
        boolean literal = c.has("RoleArn");
        boolean path = c.has("RoleArn.$");
        if (literal && path) {
            diags.error(DiagnosticCode.ASL_FIELD_CONFLICT, ptr(p, "RoleArn.$"), label + " has both RoleArn and RoleArn.$; keep one");
        } else if (!literal && !path) {
            diags.error(DiagnosticCode.ASL_FIELD_MISSING, p, label + " needs RoleArn, the ARN of the IAM role to assume"
                    + (ql == QueryLanguage.JSONPATH ? " (or RoleArn.$, a path to it)" : " (a {% ... %} expression may compute it)"));
        }
        JsonNode arn = c.get("RoleArn");
        if (arn != null) {
            if (!arn.isTextual()) {
                diags.error(DiagnosticCode.ASL_FIELD_TYPE, ptr(p, "RoleArn"),
                        "RoleArn must be a string, not " + DefinitionBuilder.describe(arn));
            } else if (!isOpaque(arn.textValue()) && !ROLE_ARN.matcher(arn.textValue()).matches()) {
                diags.warning(DiagnosticCode.ASL_VALUE_INVALID, ptr(p, "RoleArn"),
                        "RoleArn \"" + arn.textValue() + "\" does not look like an IAM role ARN "
                        + "(arn:aws:iam::123456789012:role/NAME)");
            }
        }
        JsonNode dyn = c.get("RoleArn.$");
        if (dyn != null && dyn.isTextual() && ql == QueryLanguage.JSONPATH) {
            pathOrFunction(dyn.textValue(), ptr(p, "RoleArn.$"), "RoleArn.$");
        }
    }

    private void choices(JsonNode n, String p, QueryLanguage ql, String owner) {
        JsonNode list = n.get("Choices");
        if (list == null || !list.isArray()) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            rule(list.get(i), p + "/Choices/" + i, true, ql, "Choice Rule " + i + " of " + owner, 0);
        }
    }

    private void rule(JsonNode r, String p, boolean top, QueryLanguage ql, String label, int depth) {
        if (r == null || !r.isObject() || depth > SourceParser.MAX_DEPTH) {
            return; // AslValidator reports a rule that is not an object
        }
        Kind kind = top ? Kind.CHOICE_RULE : Kind.NESTED_CHOICE_RULE;
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            fieldIn(r, it.next(), p, kind, ql, true, label);
        }
        if (top) {
            assign(r.get("Assign"), p + "/Assign", ql);
        }
        if (ql != QueryLanguage.JSONPATH) {
            return;
        }
        for (ChoiceOperands.Finding f : ChoiceOperands.check(r, p)) {
            if (f.error()) {
                diags.error(DiagnosticCode.ASL_CHOICE_RULE, f.pointer(), f.message());
            } else {
                diags.warning(DiagnosticCode.ASL_CHOICE_RULE, f.pointer(), f.message());
            }
        }
        for (String op : new String[] {"And", "Or"}) {
            JsonNode v = r.get(op);
            if (v != null && v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    rule(v.get(i), p + "/" + op + "/" + i, false, ql, "a rule in " + op + " of " + label, depth + 1);
                }
            }
        }
        JsonNode not = r.get("Not");
        if (not != null && not.isObject()) {
            rule(not, p + "/Not", false, ql, "the rule in Not of " + label, depth + 1);
        }
    }

    /** Spec "Wait State": a Timestamp "MUST conform to the RFC3339 profile of ISO 8601" with uppercase T and Z. */
    private void waitTimestamp(JsonNode n, String p) {
        JsonNode t = n.get("Timestamp");
        if (t != null && t.isTextual() && !isOpaque(t.textValue()) && !ChoiceOperands.TIMESTAMP.matcher(t.textValue()).matches()) {
            diags.warning(DiagnosticCode.ASL_CHOICE_RULE, ptr(p, "Timestamp"),
                    "Timestamp \"" + t.textValue() + "\" is not an RFC 3339 timestamp with an uppercase T "
                    + "and Z (e.g. \"2016-03-14T01:59:00Z\"); the Wait fails when it runs");
        }
    }

    /** Spec "JSONPath Fail State": ErrorPath and CausePath "MUST be Reference Paths or Intrinsic Functions". */
    private void failPaths(JsonNode n, String p, QueryLanguage ql) {
        if (ql != QueryLanguage.JSONPATH) {
            return;
        }
        for (String f : new String[] {"ErrorPath", "CausePath"}) {
            JsonNode v = n.get(f);
            if (v != null && v.isTextual()) {
                pathOrFunction(v.textValue(), ptr(p, f), f);
            }
        }
    }

    private void branches(JsonNode n, String p) {
        JsonNode b = n.get("Branches");
        if (b == null || !b.isArray()) {
            return;
        }
        for (int i = 0; i < b.size(); i++) {
            if (b.get(i).isObject()) {
                machine(b.get(i), p + "/Branches/" + i, Kind.BRANCH);
            }
        }
    }

    /** ProcessorConfig decides the mode: spec "Map State ItemProcessor definition", state-map-distributed.html. */
    private static boolean isDistributed(JsonNode n) {
        JsonNode proc = n.has("ItemProcessor") ? n.get("ItemProcessor") : n.get("Iterator");
        JsonNode config = proc == null ? null : proc.get("ProcessorConfig");
        JsonNode mode = config == null ? null : config.get("Mode");
        return mode != null && "DISTRIBUTED".equals(mode.asText());
    }

    private void map(JsonNode n, String p, QueryLanguage ql, boolean distributed, String owner) {
        String field = n.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        JsonNode proc = n.get(field);
        if (proc != null && proc.isObject()) {
            String pp = ptr(p, field);
            machine(proc, pp, Kind.ITEM_PROCESSOR);
            JsonNode config = proc.get("ProcessorConfig");
            if (config != null && config.isObject()) {
                processorConfig(config, ptr(pp, "ProcessorConfig"), field, distributed, owner);
            }
        }
        if (n.has("Parameters") && n.has("ItemSelector")) {
            diags.warning(DiagnosticCode.ASL_FIELD_DEPRECATED, ptr(p, "Parameters"),
                    owner + " has both ItemSelector and the deprecated Parameters it replaces; keep ItemSelector");
        }
        JsonNode reader = n.get("ItemReader");
        if (reader != null && reader.isObject()) {
            String rp = ptr(p, "ItemReader");
            sub(reader, rp, Kind.ITEM_READER, ql, "ItemReader of " + owner);
            JsonNode res = reader.get("Resource");
            if (res == null) {
                // Spec "Reading Items": "The ItemReader Configuration MUST have a Resource field".
                diags.error(DiagnosticCode.ASL_FIELD_MISSING, rp,
                        "ItemReader of " + owner + " needs a Resource, such as " + IntegrationCatalog.PREFIX + "s3:getObject");
            } else if (res.isTextual()) {
                IntegrationCatalog.checkMapResource(res.textValue(), "ItemReader").ifPresent(m -> diags.warning(DiagnosticCode.ASL_INTEGRATION_UNKNOWN, ptr(rp, "Resource"), m));
            }
            JsonNode rc = reader.get("ReaderConfig");
            if (rc != null && rc.isObject()) {
                sub(rc, ptr(rp, "ReaderConfig"), Kind.READER_CONFIG, ql, "ReaderConfig of " + owner);
                exclusive(rc, ptr(rp, "ReaderConfig"), "ReaderConfig of " + owner, Kind.READER_CONFIG);
            }
            if (ql == QueryLanguage.JSONPATH) {
                template(reader.get("Parameters"), ptr(rp, "Parameters"), 0);
            }
        }
        JsonNode batcher = n.get("ItemBatcher");
        if (batcher != null && batcher.isObject()) {
            String bp = ptr(p, "ItemBatcher");
            sub(batcher, bp, Kind.ITEM_BATCHER, ql, "ItemBatcher of " + owner);
            exclusive(batcher, bp, "ItemBatcher of " + owner, Kind.ITEM_BATCHER);
            if (!batcher.has("MaxItemsPerBatch") && !batcher.has("MaxItemsPerBatchPath") && !batcher.has("MaxInputBytesPerBatch")
                    && !batcher.has("MaxInputBytesPerBatchPath")) {
                // Spec "Batching Items": it "MUST contain at least one of" the four.
                diags.error(DiagnosticCode.ASL_FIELD_MISSING, bp,
                        "ItemBatcher of " + owner + " needs MaxItemsPerBatch or MaxInputBytesPerBatch"
                        + (ql == QueryLanguage.JSONPATH ? " (or their Path forms)" : ""));
            }
            if (ql == QueryLanguage.JSONPATH) {
                template(batcher.get("BatchInput"), ptr(bp, "BatchInput"), 0);
            }
        }
        JsonNode writer = n.get("ResultWriter");
        if (writer != null && writer.isObject()) {
            String wp = ptr(p, "ResultWriter");
            sub(writer, wp, Kind.RESULT_WRITER, ql, "ResultWriter of " + owner);
            JsonNode res = writer.get("Resource");
            if (res != null && res.isTextual()) {
                IntegrationCatalog.checkMapResource(res.textValue(), "ResultWriter").ifPresent(m -> diags.warning(DiagnosticCode.ASL_INTEGRATION_UNKNOWN, ptr(wp, "Resource"), m));
            }
            JsonNode wc = writer.get("WriterConfig");
            if (wc != null && wc.isObject()) {
                sub(wc, ptr(wp, "WriterConfig"), Kind.WRITER_CONFIG, ql, "WriterConfig of " + owner);
            }
            if (ql == QueryLanguage.JSONPATH) {
                template(writer.get("Parameters"), ptr(wp, "Parameters"), 0);
            }
        }
    }

    /**
     * ProcessorConfig: Mode and ExecutionType, the latter required for DISTRIBUTED ("You must provide this field if you
     * specified DISTRIBUTED for the Mode sub-field", state-map-distributed.html) and unused by an INLINE Map.
     */
    private void processorConfig(JsonNode config, String cp, String field, boolean distributed, String owner) {
        sub(config, cp, Kind.PROCESSOR_CONFIG, machineQl, "ProcessorConfig of " + owner);
        if (field.equals("Iterator")) {
            diags.warning(DiagnosticCode.ASL_FIELD_DEPRECATED, cp,
                    "Iterator is the deprecated form of ItemProcessor; write ItemProcessor to give a ProcessorConfig");
        }
        if (distributed && !config.has("ExecutionType")) {
            diags.error(DiagnosticCode.ASL_FIELD_MISSING, cp,
                    "a DISTRIBUTED Map needs ProcessorConfig.ExecutionType, STANDARD or EXPRESS (the kind of child workflow it starts)");
        } else if (!distributed && config.has("ExecutionType")) {
            diags.warning(DiagnosticCode.ASL_FIELD_IGNORED, ptr(cp, "ExecutionType"),
                    "ExecutionType only applies to a DISTRIBUTED Map; " + owner + " is INLINE and ignores it");
        }
    }

    private void sub(JsonNode obj, String p, Kind kind, QueryLanguage ql, String label) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            fieldIn(obj, it.next(), p, kind, ql, true, label);
        }
    }

    /**
     * Spec "Assigning State Machine Variables": variable names at most 80 characters, Unicode identifiers, never the
     * reserved "states". In JSONPath a name ending in ".$" takes a path or intrinsic function.
     */
    private void assign(JsonNode a, String p, QueryLanguage ql) {
        if (a == null || !a.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String name = ql == QueryLanguage.JSONPATH && key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
            String vp = ptr(p, key);
            if (name.equals("states")) {
                diags.error(DiagnosticCode.ASL_VARIABLE_NAME, vp,
                        "\"states\" is reserved; a state must not assign it (choose another variable name)");
            } else if (name.codePointCount(0, name.length()) > MAX_VARIABLE_NAME) {
                diags.error(DiagnosticCode.ASL_VARIABLE_NAME, vp,
                        "the variable name is " + name.codePointCount(0, name.length()) + " characters long; the limit is "
                        + MAX_VARIABLE_NAME);
            } else if (!isIdentifier(name) && !isOpaque(name)) {
                diags.warning(DiagnosticCode.ASL_VARIABLE_NAME, vp,
                        "variable \"" + name + "\" is not a Unicode identifier (a letter first, then letters, digits "
                        + "or connectors); Step Functions may refuse it");
            }
            if (ql == QueryLanguage.JSONPATH && key.endsWith(".$") && e.getValue().isTextual()) {
                pathOrFunction(e.getValue().textValue(), vp, key);
            }
        }
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isUnicodeIdentifierStart(s.codePointAt(0))) {
            return false;
        }
        return s.codePoints().skip(1).allMatch(Character::isUnicodeIdentifierPart);
    }

    /**
     * A JSONPath payload template (spec "Payload Template"): every field whose name ends in ".$" holds a path or an
     * intrinsic function, at any depth.
     */
    private void template(JsonNode t, String p, int depth) {
        if (t == null || depth > SourceParser.MAX_DEPTH) {
            return;
        }
        if (t.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String vp = ptr(p, e.getKey());
                if (e.getKey().endsWith(".$") && e.getValue().isTextual()) {
                    pathOrFunction(e.getValue().textValue(), vp, e.getKey());
                } else {
                    template(e.getValue(), vp, depth + 1);
                }
            }
        } else if (t.isArray()) {
            for (int i = 0; i < t.size(); i++) {
                template(t.get(i), p + "/" + i, depth + 1);
            }
        }
    }

    private void pathOrFunction(String v, String p, String key) {
        String s = v.strip();
        if (s.startsWith("$") || isOpaque(s)) {
            return;
        }
        if (!IntrinsicFunctions.looksLikeCall(s)) {
            diags.warning(DiagnosticCode.ASL_INTRINSIC, p,
                    key + " must hold a path (starting with $) or an intrinsic function such as States.Format(...), not \""
                    + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "\"; Step Functions may refuse it");
            return;
        }
        for (IntrinsicFunctions.Problem problem : IntrinsicFunctions.check(s)) {
            if (problem.error()) {
                diags.error(DiagnosticCode.ASL_INTRINSIC, p, problem.message());
            } else {
                diags.warning(DiagnosticCode.ASL_INTRINSIC, p, problem.message());
            }
        }
    }

    /**
     * A SAM/CDK/Terraform placeholder ({@code ${X}}), a Serverless Framework pseudo-parameter ({@code #{AWS::Region}}),
     * a dynamic reference ({@code {{resolve:...}}}) or a JSONata expression: its value is not known until later.
     */
    private static boolean isOpaque(String s) {
        return s.contains("${") || s.contains("#{") || s.startsWith("{{") || DefinitionBuilder.isJsonata(s);
    }

    private static String ptr(String base, String token) {
        return base + "/" + SourceLocation.escapeToken(token);
    }
}
