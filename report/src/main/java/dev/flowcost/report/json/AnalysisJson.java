package dev.flowcost.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Assumption;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.EnvironmentConditions;
import dev.flowcost.advisor.analysis.PlanOption;
import dev.flowcost.advisor.analysis.WorkItem;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.Graph;
import dev.flowcost.advisor.analysis.PriceUsed;
import dev.flowcost.advisor.analysis.StepCount;
import dev.flowcost.advisor.analysis.Totals;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of an {@link Analysis}: the public contract of {@code flowcost advise --format json}, and what
 * {@code flowcost diff} reads back. Jackson writes the records directly, configured once here and in
 * {@link AnalysisModule} (field names are the record components; amounts are plain decimals, never an exponent;
 * absent optionals are {@code null}); the JSON adds no number of its own except {@code monthlyCost.components}. The
 * reader stays a checked walk of the tree, so a hand-edited or truncated file is refused with its JSON Pointer.
 */
public final class AnalysisJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .nodeFactory(NODES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .addModule(new Jdk8Module())
            .addModule(new AnalysisModule())
            .build();
    /** As {@link #MAPPER}, without indentation: one JSON Lines record a line. */
    private static final JsonMapper LINES = MAPPER.rebuild().disable(SerializationFeature.INDENT_OUTPUT).build();

    private AnalysisJson() {
    }

    /** The outcome of reading: the analysis, or what was wrong with the text (with a JSON Pointer). */
    public record Parsed(Optional<Analysis> analysis, Optional<String> problem) {
    }

    /** Renders the analysis as indented JSON. */
    public static String write(Analysis analysis) {
        try {
            return MAPPER.writeValueAsString(tree(analysis));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree we built ourselves", e);
        }
    }

    /**
     * Writes the same text as {@link #write(Analysis)} to {@code out} (not closed), one workflow, environment and
     * finding at a time: only one element's tree is ever in memory, so a large estate's JSON is never held whole.
     */
    public static void write(Analysis a, OutputStream out) throws IOException {
        ObjectWriter writer = MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator g = writer.createGenerator(out)) {
            write(a, writer, g);
        }
    }

    /**
     * A list (a large estate's workflows or findings, kept on disk) whose elements are at hand as the compact JSON
     * {@link #workflowLine} or {@link #findingLine} wrote: {@code analysis.json} copies that text, token by token
     * and number text as written, instead of reading each element back into a record to write it again.
     */
    public interface StoredLines {
        /** Element {@code index}'s line, or empty when the element is only a record. */
        Optional<byte[]> line(int index);
    }

    /** One workflow as one line of compact JSON, which {@link #readWorkflow} reads back to an equal record. */
    public static byte[] workflowLine(WorkflowAnalysis w) {
        return line(w);
    }

    /** One finding as one line of compact JSON, which {@link #readFinding} reads back to an equal record. */
    public static byte[] findingLine(Finding f) {
        return line(f);
    }

    /** Reads what {@link #workflowLine} wrote. */
    public static WorkflowAnalysis readWorkflow(byte[] json) {
        return new Reader().workflow(tree(json), "");
    }

    /** Reads what {@link #findingLine} wrote. */
    public static Finding readFinding(byte[] json) {
        return new Reader().finding(tree(json), "");
    }

    private static byte[] line(Object value) {
        try {
            return LINES.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree we built ourselves", e);
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read back JSON we wrote ourselves", e);
        }
    }

    /** As {@link #write(Analysis, OutputStream)}, to characters (stdout of {@code advise --format json}). */
    public static void write(Analysis a, java.io.Writer out) throws IOException {
        ObjectWriter writer = MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator g = writer.createGenerator(out)) {
            write(a, writer, g);
        }
    }

    private static void write(Analysis a, ObjectWriter writer, JsonGenerator g) throws IOException {
        {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("schemaVersion", a.schemaVersion());
            g.writeStringField("region", a.region());
            g.writeFieldName("inputs");
            writer.writeValue(g, a.inputs());
            g.writeArrayFieldStart("workflows");
            for (int i = 0; i < a.workflows().size(); i++) {
                if (!copyStored(a.workflows(), i, g)) {
                    writer.writeValue(g, a.workflows().get(i));
                }
            }
            g.writeEndArray();
            elements(writer, g, "environments", a.environments());
            elements(writer, g, "credits", a.credits());
            g.writeArrayFieldStart("findings");
            for (int i = 0; i < a.findings().size(); i++) {
                if (!copyStored(a.findings(), i, g)) {
                    writer.writeValue(g, a.findings().get(i));
                }
            }
            g.writeEndArray();
            elements(writer, g, "assumptions", a.assumptions());
            elements(writer, g, "prices", a.prices());
            g.writeFieldName("diagnostics");
            writer.writeValue(g, a.diagnostics());
            g.writeFieldName("totals");
            writer.writeValue(g, a.totals());
            g.writeEndObject();
        }
    }

    /** Copies element {@code index} of {@code list} into {@code g} when the list has its stored line. */
    private static boolean copyStored(List<?> list, int index, JsonGenerator g) throws IOException {
        if (!(list instanceof StoredLines stored)) {
            return false;
        }
        Optional<byte[]> line = stored.line(index);
        if (line.isEmpty()) {
            return false;
        }
        try (JsonParser p = LINES.createParser(line.get())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT:
                        g.writeStartObject();
                        break;
                    case END_OBJECT:
                        g.writeEndObject();
                        break;
                    case START_ARRAY:
                        g.writeStartArray();
                        break;
                    case END_ARRAY:
                        g.writeEndArray();
                        break;
                    case FIELD_NAME:
                        g.writeFieldName(p.currentName());
                        break;
                    case VALUE_STRING:
                        g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        break;
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        g.writeNumber(p.getText()); // the text the record's writer chose (plain decimals)
                        break;
                    case VALUE_TRUE:
                    case VALUE_FALSE:
                        g.writeBoolean(t == JsonToken.VALUE_TRUE);
                        break;
                    case VALUE_NULL:
                        g.writeNull();
                        break;
                    default:
                        throw new IllegalStateException("unexpected " + t + " in a stored line");
                }
            }
        }
        return true;
    }

    /**
     * The analysis as JSON Lines ({@code analysis.jsonl}): one compact JSON object a line, each with a
     * {@code "record"} field naming what it is. The first line is the run ({@code "analysis"}: schemaVersion,
     * region, inputs, totals), then one line per workflow, environment, credit, finding, assumption, price and
     * diagnostic, in the order and with the fields of {@code analysis.json}; a tool reads a large estate a line at a
     * time.
     */
    public static void writeLines(Analysis a, OutputStream out) throws IOException {
        ObjectWriter writer = LINES.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .without(SerializationFeature.INDENT_OUTPUT);
        try (JsonGenerator g = writer.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new com.fasterxml.jackson.core.util.MinimalPrettyPrinter("\n"));
            ObjectNode head = NODES.objectNode();
            head.put("record", "analysis");
            head.put("schemaVersion", a.schemaVersion());
            head.put("region", a.region());
            head.set("inputs", LINES.valueToTree(a.inputs()));
            head.set("totals", LINES.valueToTree(a.totals()));
            writer.writeValue(g, head);
            lines(writer, g, "workflow", a.workflows());
            lines(writer, g, "environment", a.environments());
            lines(writer, g, "credit", a.credits());
            lines(writer, g, "finding", a.findings());
            lines(writer, g, "assumption", a.assumptions());
            lines(writer, g, "price", a.prices());
            lines(writer, g, "diagnostic", a.diagnostics());
            g.writeRaw('\n');
        }
    }

    private static <T> void elements(ObjectWriter writer, JsonGenerator g, String name, List<T> values)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (T value : values) {
            writer.writeValue(g, value);
        }
        g.writeEndArray();
    }

    private static <T> void lines(ObjectWriter writer, JsonGenerator g, String record, List<T> values)
            throws IOException {
        for (T value : values) {
            ObjectNode line = NODES.objectNode();
            line.put("record", record);
            JsonNode node = LINES.valueToTree(value);
            node.fields().forEachRemaining(e -> line.set(e.getKey(), e.getValue()));
            writer.writeValue(g, line);
        }
    }

    /** The analysis as a JSON tree, for callers that embed it. */
    public static ObjectNode tree(Analysis a) {
        return MAPPER.valueToTree(a);
    }

    /**
     * Reads JSON written by {@link #write} back into an analysis.
     *
     * @throws IllegalArgumentException when the text is not such JSON; the message names the place
     */
    public static Analysis read(String json) {
        Parsed parsed = parse(json);
        return parsed.analysis().orElseThrow(() -> new IllegalArgumentException(parsed.problem().orElse("")));
    }

    /** Reads JSON written by {@link #write}, turning any problem into a message instead of an exception. */
    public static Parsed parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return new Parsed(Optional.empty(), Optional.of("not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ":" + e.getLocation().getColumnNr())));
        }
        try {
            return new Parsed(Optional.of(new Reader().analysis(root)), Optional.empty());
        } catch (BadJson e) {
            return new Parsed(Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    // ---------------------------------------------------------------- reading

    /** An embedded JSON value (a change's definition or patch) back as the text the advisor wrote. */
    private static Optional<String> embedded(JsonNode change, String field) {
        JsonNode v = change.get(field);
        return v == null || v.isNull() ? Optional.empty()
                : Optional.of(dev.flowcost.core.asl.write.AslWriter.pretty(v));
    }

    /** A problem in the JSON, with its JSON Pointer; caught in {@link #parse}. */
    private static final class BadJson extends RuntimeException {
        BadJson(String pointer, String message) {
            super((pointer.isEmpty() ? "/" : pointer) + ": " + message);
        }
    }

    /** Reads the tree written above; every accessor names the JSON Pointer of what it reads. */
    private static final class Reader {

        Analysis analysis(JsonNode root) {
            String p = "";
            int version = integer(field(root, p, "schemaVersion"), p + "/schemaVersion");
            if (version != Analysis.SCHEMA_VERSION) {
                throw new BadJson(p + "/schemaVersion", "schemaVersion " + version + " is not supported (expected "
                        + Analysis.SCHEMA_VERSION + ")");
            }
            JsonNode totals = object(field(root, p, "totals"), "/totals");
            List<FreeTierCredit> credits = list(root, p, "credits", this::credit);
            List<Finding> findings = list(root, p, "findings", this::finding);
            // files written before totals carried these: the free tiers as now, and the findings that overlap none
            return new Analysis(version, text(root, p, "region"), strings(root, p, "inputs"),
                    list(root, p, "workflows", this::workflow), list(root, p, "environments", this::environment),
                    credits, findings,
                    list(root, p, "assumptions", this::assumption), list(root, p, "prices", this::price),
                    diagnostics(root, p),
                    new Totals(decimal(totals, "/totals", "monthlyCostNow"),
                            decimal(totals, "/totals", "monthlyCostAfter"),
                            decimal(totals, "/totals", "monthlySaving"),
                            totals.has("creditsAfter") ? list(totals, "/totals", "creditsAfter", this::credit) : credits,
                            totals.has("countedFindings") ? integers(totals, "/totals", "countedFindings")
                                    : nonOverlapping(findings)));
        }

        /** Indexes of the saving findings that target nothing an earlier counted finding of their workflow targets. */
        private static List<Integer> nonOverlapping(List<Finding> findings) {
            java.util.Set<String> taken = new java.util.HashSet<>();
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                List<String> keys = f.targets().stream().map(t -> f.workflow() + "\u0000" + t).toList();
                if (f.isSaving() && keys.stream().noneMatch(taken::contains)) {
                    taken.addAll(keys);
                    out.add(i);
                }
            }
            return out;
        }

        WorkflowAnalysis workflow(JsonNode n, String p) {
            String kindLabel = text(n, p, "kind");
            WorkflowAnalysis.Kind kind = null;
            for (WorkflowAnalysis.Kind k : WorkflowAnalysis.Kind.values()) {
                if (k.label().equals(kindLabel)) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw new BadJson(p + "/kind", "kind must be \"state-machine\" or \"dag\", not \"" + kindLabel + "\"");
            }
            JsonNode cost = object(field(n, p, "monthlyCost"), p + "/monthlyCost");
            return new WorkflowAnalysis(text(n, p, "name"), kind, text(n, p, "file"), text(n, p, "workflowType"),
                    decimal(n, p, "executionsPerMonth"), text(n, p, "executionsKey"),
                    list(n, p, "costItems", this::costItem), decimal(cost, p + "/monthlyCost", "total"),
                    list(n, p, "steps", this::step), graph(field(n, p, "graph"), p + "/graph"),
                    list(n, p, "alternatives", this::alternative), optionalText(n, p, "verdict"),
                    strings(n, p, "blockers"), strings(n, p, "defaultsUsed"),
                    n.has("verdictReasons") ? strings(n, p, "verdictReasons") : List.of());
        }

        Alternative alternative(JsonNode n, String p) {
            return new Alternative(text(n, p, "platform"), decimal(n, p, "monthlyCost"),
                    list(n, p, "costItems", this::costItem), strings(n, p, "notes"));
        }

        EnvironmentAnalysis environment(JsonNode n, String p) {
            return new EnvironmentAnalysis(text(n, p, "name"), text(n, p, "environmentClass"), strings(n, p, "dags"),
                    list(n, p, "costItems", this::costItem), decimal(n, p, "monthlyCost"),
                    decimal(n, p, "monthlyCostAfter"), text(n, p, "verdict"), strings(n, p, "notes"),
                    n.has("plans") ? list(n, p, "plans", this::plan) : List.of(),
                    n.has("conditions") ? Optional.of(conditions(object(n.get("conditions"), p + "/conditions"),
                            p + "/conditions")) : Optional.empty());
        }

        PlanOption plan(JsonNode n, String p) {
            Map<String, String> targets = new LinkedHashMap<>();
            JsonNode t = object(field(n, p, "targets"), p + "/targets");
            t.fields().forEachRemaining(e -> targets.put(e.getKey(), e.getValue().asText()));
            return new PlanOption(text(n, p, "name"), text(n, p, "description"), strings(n, p, "dagsMoving"), targets,
                    text(n, p, "classAfter"), integer(field(n, p, "maxWorkersAfter"), p + "/maxWorkersAfter"),
                    decimal(n, p, "environmentCostAfter"), decimal(n, p, "movedDagsCost"),
                    decimal(n, p, "monthlyCostAfter"), decimal(n, p, "monthlySaving"),
                    list(n, p, "workItems", this::workItem), decimal(n, p, "effortHours").doubleValue(),
                    decimal(n, p, "effortCost"), optionalDecimal(n, p, "paybackMonths"),
                    bool(n, p, "paysBack"), bool(n, p, "chosen"), strings(n, p, "notes"),
                    list(n, p, "environmentItemsAfter", this::costItem), list(n, p, "itemsAfter", this::costItem));
        }

        WorkItem workItem(JsonNode n, String p) {
            return new WorkItem(text(n, p, "kind"), text(n, p, "what"), integer(field(n, p, "count"), p + "/count"),
                    decimal(n, p, "hoursEach").doubleValue());
        }

        EnvironmentConditions conditions(JsonNode n, String p) {
            return new EnvironmentConditions(decimal(n, p, "currentRunsPerMonth"),
                    optionalDecimal(n, p, "breakEvenRunsPerMonth"), text(n, p, "direction"),
                    strings(n, p, "decidingFeatures"), text(n, p, "summary"), decimal(n, p, "hourlyRate"),
                    decimal(n, p, "horizonMonths"));
        }

        private static boolean bool(JsonNode parent, String p, String name) {
            JsonNode v = field(parent, p, name);
            if (!v.isBoolean()) {
                throw new BadJson(p + "/" + name, "expected true or false");
            }
            return v.booleanValue();
        }

        FreeTierCredit credit(JsonNode n, String p) {
            return new FreeTierCredit(text(n, p, "component"), text(n, p, "priceKey"), decimal(n, p, "freeQuantity"),
                    decimal(n, p, "unitPrice"), decimal(n, p, "usedQuantity"), decimal(n, p, "amount"));
        }

        Finding finding(JsonNode n, String p) {
            String confidence = text(n, p, "confidence");
            Finding.Confidence level;
            try {
                level = Finding.Confidence.valueOf(confidence);
            } catch (IllegalArgumentException e) {
                throw new BadJson(p + "/confidence", "confidence must be HIGH, MEDIUM or LOW, not \"" + confidence + "\"");
            }
            JsonNode change = object(field(n, p, "change"), p + "/change");
            String cp = p + "/change";
            String kindName = text(change, cp, "kind");
            Change.Kind kind;
            try {
                kind = Change.Kind.valueOf(kindName);
            } catch (IllegalArgumentException e) {
                throw new BadJson(cp + "/kind", "change kind must be ASL, DAG_NOTE or TEXT, not \"" + kindName + "\"");
            }
            JsonNode curve = n.get("curve");
            Optional<CostCurve> costCurve = curve == null || curve.isNull()
                    ? Optional.empty() : Optional.of(curve(curve, p + "/curve"));
            return new Finding(text(n, p, "rule"), text(n, p, "workflow"), strings(n, p, "targets"),
                    text(n, p, "title"), decimal(n, p, "monthlyCostNow"), decimal(n, p, "monthlyCostAfter"),
                    decimal(n, p, "monthlySaving"), level, strings(n, p, "assumptions"), strings(n, p, "blockers"),
                    new Change(kind, text(change, cp, "summary"), text(change, cp, "content"),
                            embedded(change, "definition"), embedded(change, "patch")),
                    list(n, p, "itemsNow", this::costItem), list(n, p, "itemsAfter", this::costItem), costCurve);
        }

        CostCurve curve(JsonNode n, String p) {
            object(n, p);
            return new CostCurve(text(n, p, "volumeUnit"), text(n, p, "optionA"), text(n, p, "optionB"),
                    list(n, p, "points", (x, xp) -> new CostCurve.Point(decimal(x, xp, "volume"),
                            decimal(x, xp, "costA"), decimal(x, xp, "costB"))),
                    optionalDecimal(n, p, "breakEvenVolume"));
        }

        CostItem costItem(JsonNode n, String p) {
            return new CostItem(text(n, p, "component"), text(n, p, "unit"), decimal(n, p, "quantityPerExecution"),
                    decimal(n, p, "quantityPerItem"), text(n, p, "itemsKey"), text(n, p, "executionsKey"),
                    decimal(n, p, "fixedMonthlyQuantity"), decimal(n, p, "tierStart"),
                    optionalDecimal(n, p, "tierEnd"), text(n, p, "priceKey"), decimal(n, p, "unitPrice"),
                    decimal(n, p, "monthlyQuantity"), decimal(n, p, "monthlyAmount"));
        }

        StepCount step(JsonNode n, String p) {
            return new StepCount(text(n, p, "path"), text(n, p, "type"), decimal(n, p, "entries").doubleValue(),
                    decimal(n, p, "transitions").doubleValue());
        }

        Graph graph(JsonNode n, String p) {
            object(n, p);
            return new Graph(list(n, p, "nodes", (x, xp) -> new Graph.Node(text(x, xp, "id"), text(x, xp, "label"),
                    text(x, xp, "type"))),
                    list(n, p, "edges", (x, xp) -> new Graph.Edge(text(x, xp, "from"), text(x, xp, "to"))));
        }

        Assumption assumption(JsonNode n, String p) {
            return new Assumption(text(n, p, "key"), text(n, p, "description"), decimal(n, p, "value"),
                    text(n, p, "unit"), text(n, p, "source"));
        }

        PriceUsed price(JsonNode n, String p) {
            JsonNode overridden = field(n, p, "overridden");
            if (!overridden.isBoolean()) {
                throw new BadJson(p + "/overridden", "expected true or false");
            }
            return new PriceUsed(text(n, p, "key"), text(n, p, "region"), text(n, p, "service"),
                    text(n, p, "dimension"), text(n, p, "unit"), decimal(n, p, "price"), text(n, p, "effective"),
                    text(n, p, "source"), overridden.booleanValue());
        }

        // ---- primitives

        private interface Element<T> {
            T read(JsonNode node, String pointer);
        }

        private static <T> List<T> list(JsonNode parent, String p, String name, Element<T> element) {
            JsonNode array = field(parent, p, name);
            String ap = p + "/" + name;
            if (!array.isArray()) {
                throw new BadJson(ap, "expected an array");
            }
            List<T> values = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                String ip = ap + "/" + i;
                values.add(element.read(object(array.get(i), ip), ip));
            }
            return values;
        }

        /**
         * The diagnostics, each in {@link DiagnosticJson}'s form. Files written before diagnostics carried codes hold
         * text lines instead; those are skipped (they say nothing the numbers depend on, and diff reads only numbers).
         */
        private static List<dev.flowcost.core.Diagnostic> diagnostics(JsonNode parent, String p) {
            JsonNode array = field(parent, p, "diagnostics");
            String ap = p + "/diagnostics";
            if (!array.isArray()) {
                throw new BadJson(ap, "expected an array of diagnostics");
            }
            List<dev.flowcost.core.Diagnostic> values = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    continue;
                }
                int at = i;
                values.add(DiagnosticJson.read(array.get(i)).orElseThrow(() -> new BadJson(ap + "/" + at,
                        "expected a diagnostic {severity, code, file, line, column, message}")));
            }
            return values;
        }

        private static List<String> strings(JsonNode parent, String p, String name) {
            JsonNode array = field(parent, p, name);
            String ap = p + "/" + name;
            if (!array.isArray()) {
                throw new BadJson(ap, "expected an array of strings");
            }
            List<String> values = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).isTextual()) {
                    throw new BadJson(ap + "/" + i, "expected a string");
                }
                values.add(array.get(i).textValue());
            }
            return values;
        }

        private static JsonNode object(JsonNode node, String p) {
            if (!node.isObject()) {
                throw new BadJson(p, "expected an object");
            }
            return node;
        }

        private static JsonNode field(JsonNode parent, String p, String name) {
            JsonNode value = parent.get(name);
            if (value == null) {
                throw new BadJson(p + "/" + escape(name), "missing \"" + name + "\"");
            }
            return value;
        }

        private static String text(JsonNode parent, String p, String name) {
            JsonNode value = field(parent, p, name);
            if (!value.isTextual()) {
                throw new BadJson(p + "/" + name, "expected a string");
            }
            return value.textValue();
        }

        private static Optional<String> optionalText(JsonNode parent, String p, String name) {
            JsonNode value = parent.get(name);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            return Optional.of(text(parent, p, name));
        }

        private static BigDecimal decimal(JsonNode parent, String p, String name) {
            JsonNode value = field(parent, p, name);
            if (!value.isNumber()) {
                throw new BadJson(p + "/" + name, "expected a number");
            }
            return value.decimalValue();
        }

        private static Optional<BigDecimal> optionalDecimal(JsonNode parent, String p, String name) {
            JsonNode value = parent.get(name);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            return Optional.of(decimal(parent, p, name));
        }

        private static List<Integer> integers(JsonNode parent, String p, String name) {
            JsonNode array = field(parent, p, name);
            String ap = p + "/" + name;
            if (!array.isArray()) {
                throw new BadJson(ap, "expected an array of integers");
            }
            List<Integer> values = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                values.add(integer(array.get(i), ap + "/" + i));
            }
            return values;
        }

        private static int integer(JsonNode value, String p) {
            if (!value.canConvertToInt() || !value.isIntegralNumber()) {
                throw new BadJson(p, "expected an integer");
            }
            return value.intValue();
        }

        private static String escape(String name) {
            return name.replace("~", "~0").replace("/", "~1");
        }
    }
}
