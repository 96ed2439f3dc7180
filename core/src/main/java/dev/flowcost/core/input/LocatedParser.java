package dev.flowcost.core.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one located JSON/YAML parser every flowcost reader uses (state machine definitions, workload files, DAG
 * Factory YAML): turns text into a {@link LocatedDocument}, recording the line and column of every value as it goes,
 * with one set of limits so hostile input fails fast with a clear message: nesting depth, YAML aliases (expanded here,
 * at most {@link #MAX_ALIASES} of them and {@link #MAX_ALIAS_VALUES} values in all, so real files with anchors read
 * while an alias bomb stops early), string and document sizes, one document per file.
 * With {@link Options#cloudFormationTags()}, CloudFormation short-form tags ({@code !Sub}, {@code !GetAtt},
 * {@code !Ref}, ...) become their long form ({@code {"Fn::Sub": ...}}), never an error.
 * Factories are built once and shared: they are thread-safe and costly to create.
 */
public final class LocatedParser {

    /** Deeper than any real definition (a Map in a Parallel in a Map with nested Choice rules stays far below). */
    public static final int MAX_DEPTH = 200;

    /** Real templates use a handful of anchors (shared defaults, repeated Retry lists); 50 aliases is far above that. */
    public static final int MAX_ALIASES = 50;

    /** All aliases together may stand for at most this many values once expanded; an alias bomb needs far more. */
    public static final int MAX_ALIAS_VALUES = 100_000;

    /** CloudFormation intrinsic functions that have a YAML short form {@code !Name}, written {@code Fn::Name} in long form. */
    private static final java.util.Set<String> CFN_FUNCTIONS = java.util.Set.of("Base64", "Cidr", "FindInMap", "GetAtt",
            "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "If", "Equals", "Not", "And", "Or",
            "Length", "ToJsonString", "ForEach");

    /** The largest text any reader hands to this parser (the biggest reader cap, the DAG file's 20 MB, fits). */
    public static final int MAX_CHARS = 32 * 1024 * 1024;

    /** Numbers longer than this are a typo or an attack, never a count or a rate. */
    static final int MAX_NUMBER_DIGITS = 100;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_CHARS)
            .maxNumberLength(MAX_NUMBER_DIGITS)
            .maxDocumentLength(MAX_CHARS * 2L)
            .build();

    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    private static final YAMLFactory YAML;

    static {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS);
        options.setAllowDuplicateKeys(true);
        YAML = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(CONSTRAINTS).build();
    }

    /**
     * What a reader asks of the parser.
     *
     * @param document           what the file holds, in the user's words ("definition", "workload file")
     * @param expected           what an empty file should have held ("a state machine definition object")
     * @param cloudFormationTags read {@code !Ref}, {@code !Sub}, ... as CloudFormation intrinsics
     * @param yaml11Booleans     read YAML 1.1's yes/no/on/off as booleans (as PyYAML does), not only true/false
     * @param firstDocumentOnly  stop after the first document instead of refusing a second one
     */
    public record Options(String document, String expected, boolean cloudFormationTags, boolean yaml11Booleans,
                          boolean firstDocumentOnly) {
        public Options(String document, String expected, boolean cloudFormationTags, boolean yaml11Booleans) {
            this(document, expected, cloudFormationTags, yaml11Booleans, false);
        }

        /** These options, reading only the first document of a stream (to tell what a file is, never to read it). */
        public Options firstDocument() {
            return new Options(document, expected, cloudFormationTags, yaml11Booleans, true);
        }
    }

    private final String file;
    private final List<Diagnostic> diagnostics;
    private final boolean keepLines;
    private final Options options;
    private final Map<String, SourceLocation> locations = new HashMap<>();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<JsonNode, Integer> anchorSizes = new java.util.IdentityHashMap<>();
    private int lineOffset;
    private int columnOffset;
    private int aliases;
    private long aliasValues;

    private LocatedParser(String file, List<Diagnostic> diagnostics, boolean keepLines, Options options) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.keepLines = keepLines;
        this.options = options;
    }

    /** Thrown inside the parser when aliases pass a limit (or name no anchor); turned into a diagnostic before leaving this class. */
    private static final class AliasProblem extends RuntimeException {
        private final transient JsonLocation where;

        AliasProblem(JsonLocation where, String message) {
            super(message, null, false, false);
            this.where = where;
        }
    }

    /**
     * Parses {@code text}; returns null (after adding an ERROR) when it is not well formed.
     *
     * @param keepLines false for a definition embedded in a string, whose lines are not the file's lines
     */
    public static LocatedDocument parse(String file, String text, boolean yaml, boolean keepLines, Options options,
                                        List<Diagnostic> diagnostics) {
        return new LocatedParser(file, diagnostics, keepLines, options).run(text, yaml);
    }

    /**
     * Parses {@code text} that was written inside the file starting {@code lineOffset} lines down and indented by
     * {@code columnOffset} columns (a definition in a YAML block scalar), so that findings name the file's own lines.
     */
    public static LocatedDocument parseEmbedded(String file, String text, int lineOffset, int columnOffset, Options options,
                                                List<Diagnostic> diagnostics) {
        LocatedParser p = new LocatedParser(file, diagnostics, true, options);
        p.lineOffset = lineOffset;
        p.columnOffset = columnOffset;
        return p.run(text, false);
    }

    private LocatedDocument run(String text, boolean yaml) {
        String kind = yaml ? "YAML" : "JSON";
        try (JsonParser p = yaml ? YAML.createParser(text) : JSON.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                diagnostics.add(new Diagnostic(dev.flowcost.core.Severity.ERROR, DiagnosticCode.INPUT_EMPTY, file, "", 0, 0,
                        "the file holds no " + kind + " document; expected " + options.expected()));
                return null;
            }
            JsonNode root = value(p, first, "");
            JsonToken extra = options.firstDocumentOnly() ? null : p.nextToken();
            if (extra != null) {
                SourceLocation at = loc(p.currentTokenLocation(), "");
                diagnostics.add(error(DiagnosticCode.INPUT_SYNTAX, at, yaml
                        ? "a second YAML document starts here (after a '---' line); a " + options.document()
                                + " holds one document: merge them or split them into files"
                        : "unexpected content after the end of the JSON document; a " + options.document()
                                + " holds one JSON value"));
                return null;
            }
            return new LocatedDocument(root, locations);
        } catch (AliasProblem a) {
            diagnostics.add(error(DiagnosticCode.INPUT_TOO_LARGE, loc(a.where, ""), a.getMessage()));
        } catch (StreamConstraintsException e) {
            JsonLocation where = e.getLocation();
            String msg = e.getOriginalMessage();
            msg = constraintProblem(msg == null ? "" : msg.toLowerCase(java.util.Locale.ROOT));
            diagnostics.add(error(DiagnosticCode.INPUT_TOO_LARGE, loc(where, ""), msg));
        } catch (JsonProcessingException e) {
            diagnostics.add(error(DiagnosticCode.INPUT_SYNTAX, loc(e.getLocation(), ""), "malformed " + kind + ": "
                    + (yaml ? yamlProblem(e) : firstLine(e.getOriginalMessage()))));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports its own limits (nesting, aliases, size) as runtime exceptions with a message.
            diagnostics.add(error(DiagnosticCode.INPUT_SYNTAX, yamlLocation(e), "malformed " + kind + ": " + yamlProblem(e)));
        } catch (StackOverflowError e) {
            diagnostics.add(error(DiagnosticCode.INPUT_TOO_LARGE, SourceLocation.UNKNOWN,
                    "the " + options.document() + " is nested too deeply to read"));
        }
        return null;
    }

    /**
     * A Jackson parse problem in the user's words, for readers that parse with Jackson directly: its stream limits
     * are named as limits of the {@code document}, never by Jackson's setting names; other problems keep Jackson's
     * first line.
     */
    public static String problem(JsonProcessingException e, String document) {
        if (e instanceof StreamConstraintsException) {
            String m = e.getOriginalMessage();
            return new LocatedParser("", new java.util.ArrayList<>(), false, new Options(document, "", false, false))
                    .constraintProblem(m == null ? "" : m.toLowerCase(java.util.Locale.ROOT));
        }
        return firstLine(e.getOriginalMessage());
    }

    /** A Jackson stream limit in the user's words (Jackson's own names the setting that tripped, which helps nobody). */
    private String constraintProblem(String jackson) {
        String doc = options.document();
        if (jackson.contains("nesting depth")) {
            return "the " + doc + " is nested more than " + MAX_DEPTH + " levels deep; no real " + doc + " needs this";
        }
        if (jackson.contains("number value length") || jackson.contains("number length")) {
            return "a number in the " + doc + " has more than " + MAX_NUMBER_DIGITS + " digits";
        }
        if (jackson.contains("string value length") || jackson.contains("string length")) {
            return "a text value in the " + doc + " is longer than " + MAX_CHARS + " characters";
        }
        if (jackson.contains("document length")) {
            return "the " + doc + " is longer than " + MAX_CHARS + " characters";
        }
        return "the " + doc + " is too large to read";
    }

    private JsonNode value(JsonParser p, JsonToken t, String pointer) throws IOException {
        if (p instanceof YAMLParser y) {
            if (y.isCurrentAlias()) {
                return alias(y);
            }
            Object anchor = y.getObjectId();
            String tag = y.getTypeId();
            JsonNode v = plainValue(p, t, pointer);
            if (tag != null && options.cloudFormationTags()) {
                v = intrinsic(tag, v);
            }
            if (anchor != null) {
                anchors.put(anchor.toString(), v);
                anchorSizes.put(v, size(v));
            }
            return v;
        }
        return plainValue(p, t, pointer);
    }

    /** The value an alias stands for, counted against the alias limits so that a bomb stops early. */
    private JsonNode alias(YAMLParser y) throws IOException {
        String name = y.getText();
        JsonLocation where = y.currentTokenLocation();
        JsonNode target = anchors.get(name);
        if (target == null) {
            throw new AliasProblem(where, "YAML alias *" + name + " names no anchor &" + name + " defined before it");
        }
        if (++aliases > MAX_ALIASES) {
            throw new AliasProblem(where, "the file uses more than " + MAX_ALIASES + " YAML aliases (*" + name
                    + "); flowcost stops there so that an alias bomb cannot expand; write some values out in full");
        }
        aliasValues += anchorSizes.getOrDefault(target, 1);
        if (aliasValues > MAX_ALIAS_VALUES) {
            throw new AliasProblem(where, "YAML aliases expand to more than " + MAX_ALIAS_VALUES + " values (at *" + name
                    + "); this looks like an alias bomb, so flowcost does not read it");
        }
        return target.deepCopy();
    }

    /** Counts the values in {@code v}, stopping once past the alias budget. */
    private static int size(JsonNode v) {
        int n = 1;
        for (JsonNode c : v) {
            n += size(c);
            if (n > MAX_ALIAS_VALUES) {
                return n;
            }
        }
        return n;
    }

    /** A CloudFormation short-form tag becomes its long form: {@code !Ref X} is {@code {"Ref": "X"}}, {@code !Sub s} is {@code {"Fn::Sub": s}}. */
    private JsonNode intrinsic(String tag, JsonNode v) {
        String name = tag;
        while (name.startsWith("!")) {
            name = name.substring(1);
        }
        String key;
        if (name.equals("Ref") || name.equals("Condition")) {
            key = name;
        } else if (CFN_FUNCTIONS.contains(name)) {
            key = "Fn::" + name;
        } else {
            return v; // standard YAML tags (!!str, !!int) and unknown ones: the value as written
        }
        ObjectNode o = nodes.objectNode();
        o.set(key, v);
        return o;
    }

    private JsonNode plainValue(JsonParser p, JsonToken t, String pointer) throws IOException {
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = nodes.objectNode();
                List<JsonNode> merges = new java.util.ArrayList<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + SourceLocation.escapeToken(name);
                    SourceLocation at = loc(p.currentTokenLocation(), child);
                    JsonToken v = p.nextToken();
                    JsonNode n = value(p, v, child);
                    if (name.equals("<<") && p instanceof YAMLParser && (n.isObject() || n.isArray())) {
                        merges.add(n); // YAML merge key: applied below, keys written in this mapping win
                        continue;
                    }
                    if (o.has(name)) {
                        diagnostics.add(Diagnostic.warning(DiagnosticCode.INPUT_DUPLICATE_KEY, file, at,
                                "key \"" + name + "\" appears more than once; the last one is used"));
                    }
                    o.set(name, n);
                    locations.put(child, at);
                }
                for (JsonNode m : merges) {
                    for (JsonNode source : m.isArray() ? m : List.of(m)) {
                        if (source.isObject()) {
                            source.fields().forEachRemaining(f -> {
                                if (!o.has(f.getKey())) {
                                    o.set(f.getKey(), f.getValue());
                                }
                            });
                        }
                    }
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = nodes.arrayNode();
                JsonToken v;
                int i = 0;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY && v != null) {
                    String child = pointer + "/" + i;
                    locations.put(child, loc(p.currentTokenLocation(), child));
                    a.add(value(p, v, child));
                    i++;
                }
                return a;
            }
            case VALUE_STRING:
                return nodes.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? nodes.numberNode(p.getBigIntegerValue()) : nodes.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
            case VALUE_FALSE:
                // YAML 1.1 also reads yes/no/on/off (any case) as booleans; a state named "Yes" or "No" is far more
                // likely in a definition, so only YAML 1.2's true/false spellings are booleans here.
                if (p instanceof YAMLParser && !options.yaml11Booleans() && !isYaml12Boolean(p.getText())) {
                    return nodes.textNode(p.getText());
                }
                return nodes.booleanNode(t == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                // Embedded objects (YAML binary) and anything exotic: keep the text, ASL has no use for them.
                return nodes.textNode(String.valueOf(p.getText()));
        }
    }

    private static boolean isYaml12Boolean(String text) {
        if (text == null) {
            return true;
        }
        return switch (text) {
            case "true", "True", "TRUE", "false", "False", "FALSE" -> true;
            default -> false;
        };
    }

    private SourceLocation loc(JsonLocation l, String pointer) {
        if (l == null || !keepLines || l.getLineNr() <= 0) {
            return new SourceLocation(pointer, 0, 0);
        }
        return new SourceLocation(pointer, l.getLineNr() + lineOffset, Math.max(l.getColumnNr(), 0) + columnOffset);
    }

    private Diagnostic error(DiagnosticCode code, SourceLocation at, String message) {
        return Diagnostic.error(code, file, at, message);
    }

    private SourceLocation yamlLocation(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null && keepLines) {
                return new SourceLocation("", m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
            }
            if (c instanceof JsonProcessingException j) {
                return loc(j.getLocation(), "");
            }
        }
        return SourceLocation.UNKNOWN;
    }

    /** SnakeYAML's own words for the problem ("expected ',' or '}', but got ..."), without its multi-line excerpt. */
    private static String yamlProblem(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null) {
                return firstLine(m.getProblem()) + (m.getContext() == null ? "" : " (" + firstLine(m.getContext()) + ")");
            }
        }
        return firstLine(String.valueOf(e.getMessage()));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable input";
        }
        int nl = s.indexOf('\n');
        String line = nl >= 0 ? s.substring(0, nl) : s;
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
