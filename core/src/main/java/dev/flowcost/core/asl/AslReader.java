package dev.flowcost.core.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.Severity;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.input.InputText;
import dev.flowcost.core.input.ReferencedFiles;
import dev.flowcost.core.input.TextDecoding;
import dev.flowcost.core.workload.WorkflowType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an Amazon States Language definition (JSON or YAML, bare or wrapped in a {@code describe-state-machine}
 * output, a {@code Definition} object, a CloudFormation/SAM template or a Serverless Framework file; see
 * {@link TemplateLocator}), builds the {@link StateMachine} model and validates it.
 * It never throws for bad input: every problem comes back as a {@link Diagnostic} in the {@link AslReadResult}.
 * One reader may be shared between threads.
 */
public final class AslReader {

    /**
     * Files above this size are refused before parsing. Step Functions itself accepts definitions up to 1 MB;
     * the margin leaves room for YAML, indentation and wrappers.
     */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    /** What the size cap message calls these files. */
    private static final String DEFINITIONS = "state machine definitions (Step Functions itself accepts at most 1 MB per definition)";

    /** How a reader bug (never the user's input) starts its diagnostic, so callers and tests can tell the two apart. */
    static final String INTERNAL_ERROR = "flowcost could not read this definition (internal error";

    private final ReferencedFiles.Allowed allowed;

    /** A reader that reads files named inside a template (DefinitionUri) only at or below the template's folder. */
    public AslReader() {
        this(ReferencedFiles.Allowed.REFERRING_FOLDER_ONLY);
    }

    /** A reader that also reads files named inside a template below {@code allowed}'s {@code --base} folder. */
    public AslReader(ReferencedFiles.Allowed allowed) {
        this.allowed = allowed == null ? ReferencedFiles.Allowed.REFERRING_FOLDER_ONLY : allowed;
    }

    /** Reads and validates the file at {@code file}. */
    public AslReadResult read(Path file) {
        String name = file.toString();
        List<Diagnostic> diagnostics = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = InputText.bytes(file, MAX_BYTES, DEFINITIONS);
        } catch (InputText.Refused e) {
            diagnostics.add(new Diagnostic(Severity.ERROR, e.code(), name, "", 0, 0, "cannot read the file: " + e.getMessage()));
            return new AslReadResult(name, Optional.empty(), diagnostics);
        }
        return read(name, bytes, file);
    }

    /** Reads and validates {@code content}; {@code fileName} names it in diagnostics and its extension picks JSON or YAML. */
    public AslReadResult read(String fileName, byte[] content) {
        return read(fileName, content, null);
    }

    /** As {@link #read(String, byte[])}; a SAM template's local DefinitionUri is read relative to {@code referring} when given. */
    private AslReadResult read(String fileName, byte[] content, Path referring) {
        String file = fileName == null ? "" : fileName;
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            return readChecked(file, content == null ? new byte[0] : content, diagnostics, referring);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in the reader, not the user's fault; still report it as data rather than crash the caller.
            diagnostics.add(new Diagnostic(Severity.ERROR, DiagnosticCode.INPUT_INTERNAL, file, "", 0, 0,
                    INTERNAL_ERROR + ": " + e + ")"));
            return new AslReadResult(file, Optional.empty(), diagnostics);
        }
    }

    private AslReadResult readChecked(String file, byte[] content, List<Diagnostic> diagnostics, Path referring) {
        if (content.length > MAX_BYTES) {
            diagnostics.add(tooLarge(file, content.length));
            return new AslReadResult(file, Optional.empty(), diagnostics);
        }
        String text = decode(file, content, diagnostics);
        if (text == null) {
            return new AslReadResult(file, Optional.empty(), diagnostics);
        }
        if (text.isBlank()) {
            diagnostics.add(new Diagnostic(Severity.ERROR, DiagnosticCode.INPUT_EMPTY, file, "", 0, 0,
                    "the file is empty; expected a state machine definition"));
            return new AslReadResult(file, Optional.empty(), diagnostics);
        }
        boolean yaml = isYaml(file, text);
        LocatedTree tree = yaml ? SourceParser.parse(file, text, true, true, diagnostics)
                : parseJson(file, text, (t, ds) -> SourceParser.parse(file, t, false, true, ds), diagnostics);
        if (tree == null) {
            return new AslReadResult(file, Optional.empty(), diagnostics);
        }
        Optional<WorkflowType> declared = Optional.empty();
        JsonNode root = tree.root();
        if (root.isObject() && !root.has("States") && !root.has("StartAt")) {
            List<TemplateLocator.Found> found = TemplateLocator.find(root);
            if (found.isEmpty() && root.has("Resources")) {
                diagnostics.add(Diagnostic.error(DiagnosticCode.IAC_NO_STATE_MACHINE, file, tree.at("/Resources"),
                        "this template has no " + TemplateLocator.CFN_TYPE
                        + " or " + TemplateLocator.SAM_TYPE + " resource; there is no state machine to read"));
                return new AslReadResult(file, Optional.empty(), diagnostics);
            }
            if (!found.isEmpty()) {
                TemplateLocator.Found f = found.get(0);
                if (found.size() > 1) {
                    List<String> names = found.stream().map(TemplateLocator.Found::name).toList();
                    diagnostics.add(Diagnostic.info(DiagnosticCode.IAC_SEVERAL_STATE_MACHINES, file,
                            tree.at(f.pointer()), "the file defines " + found.size()
                            + " state machines (" + String.join(", ", names) + "); flowcost reads the first, " + f.name()));
                }
                if (f.settings() != null) {
                    declared = declaredType(f.settings(), f.settingsPointer(), file, tree, diagnostics);
                }
                String which = f.name().isEmpty() ? "the definition" : "state machine " + f.name();
                JsonNode def = f.definition();
                if (def == null) {
                    if (f.uri().isPresent() && referring != null) {
                        return readDefinitionUri(file, f, referring, declared, tree, diagnostics);
                    }
                    diagnostics.add(Diagnostic.error(DiagnosticCode.IAC_DEFINITION_UNRESOLVED, file,
                            tree.at(f.pointer()), f.uri().isPresent()
                            ? which + " keeps its definition in the file \"" + f.uri().get() + "\" (" + f.uriField() + "); run flowcost on that file"
                            : which + " has no inline Definition or DefinitionString (it may be in S3); run flowcost on the definition file"));
                    return new AslReadResult(file, Optional.empty(), diagnostics, declared);
                }
                if (Intrinsics.name(def).equals("Fn::ToJsonString") && def.get("Fn::ToJsonString").isObject()) {
                    // AWS::LanguageExtensions: the definition is written as an object and serialised at deployment.
                    tree = rebase(tree, f.pointer() + "/Fn::ToJsonString");
                } else if (def.isTextual() || Intrinsics.isIntrinsic(def)) {
                    Optional<String> definitionText = Intrinsics.definitionText(def);
                    if (definitionText.isEmpty()) {
                        diagnostics.add(Diagnostic.error(DiagnosticCode.IAC_DEFINITION_UNRESOLVED, file,
                                tree.at(f.pointer()), which + " is built with " + Intrinsics.name(def)
                                + ", which flowcost cannot evaluate; give it as a string, a Fn::Sub of a string or a Fn::Join of strings and values"));
                        return new AslReadResult(file, Optional.empty(), diagnostics, declared);
                    }
                    if (Intrinsics.name(def).equals("Fn::Join")) {
                        diagnostics.add(Diagnostic.info(DiagnosticCode.ASL_PLACEHOLDER, file, tree.at(f.pointer()),
                                which + " is a Fn::Join; the values it inserts are read as ${...} placeholders"));
                    }
                    int[] offsets = def.isTextual() || Intrinsics.name(def).equals("Fn::Sub")
                            ? blockOffsets(text, definitionText.get(), tree.at(f.pointer()).line()) : null;
                    String dt = definitionText.get();
                    tree = offsets == null
                            ? (isYaml("", dt) ? SourceParser.parse(file, dt, true, false, diagnostics)
                                    : parseJson(file, dt, (t, ds) -> SourceParser.parse(file, t, false, false, ds), diagnostics))
                            : parseJson(file, dt, (t, ds) -> SourceParser.parseEmbedded(file, t, offsets[0], offsets[1], ds), diagnostics);
                    if (tree == null) {
                        return new AslReadResult(file, Optional.empty(), diagnostics, declared);
                    }
                } else if (def.isObject()) {
                    tree = rebase(tree, f.pointer());
                } else {
                    diagnostics.add(Diagnostic.error(DiagnosticCode.ASL_FIELD_TYPE, file, tree.at(f.pointer()),
                            which + " must be an object with StartAt and States, or a string holding one, not "
                            + DefinitionBuilder.describe(def)));
                    return new AslReadResult(file, Optional.empty(), diagnostics, declared);
                }
                root = tree.root();
            }
        }
        root = Intrinsics.flatten(root);
        if (!root.isObject()) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.ASL_FIELD_TYPE, file, tree.at(""),
                    "the definition must be an object with StartAt and States, not "
                    + DefinitionBuilder.describe(root)));
            return new AslReadResult(file, Optional.empty(), diagnostics, declared);
        }
        StateMachine machine = new DefinitionBuilder(file, tree, diagnostics).machine(root, "", QueryLanguage.JSONPATH);
        diagnostics.addAll(AslValidator.validate(file, machine, root, tree::at));
        return new AslReadResult(file, Optional.of(machine), diagnostics, declared, Optional.of(root.deepCopy()), Optional.empty());
    }

    /**
     * Parses JSON text with {@code parser}; when that fails and the text has {@code ${...}} placeholders outside strings
     * (Terraform templatefile, {@code "TimeoutSeconds": ${Timeout}} in a {@code Fn::Sub}), reads them as placeholder strings.
     */
    private static LocatedTree parseJson(String file, String text, java.util.function.BiFunction<String, List<Diagnostic>, LocatedTree> parser,
                                         List<Diagnostic> diagnostics) {
        if (!text.contains("${")) {
            return parser.apply(text, diagnostics);
        }
        List<Diagnostic> firstTry = new ArrayList<>();
        LocatedTree tree = parser.apply(text, firstTry);
        String quoted = tree == null ? quoteBarePlaceholders(text) : null;
        if (quoted != null) {
            List<Diagnostic> secondTry = new ArrayList<>();
            LocatedTree retried = parser.apply(quoted, secondTry);
            if (retried != null) {
                diagnostics.add(new Diagnostic(Severity.INFO, DiagnosticCode.ASL_PLACEHOLDER, file, "", 0, 0,
                        "the definition has ${...} placeholders outside"
                        + " strings (a template); flowcost read each as a placeholder string"));
                diagnostics.addAll(secondTry);
                return retried;
            }
        }
        diagnostics.addAll(firstTry);
        return tree;
    }

    /**
     * {@code text} with every {@code ${...}} written outside a JSON string wrapped in quotes, keeping every line and
     * column before it; null when there is none.
     */
    static String quoteBarePlaceholders(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        boolean inString = false;
        boolean changed = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\' && i + 1 < text.length()) {
                    b.append(c).append(text.charAt(++i));
                    continue;
                }
                inString = c != '"';
                b.append(c);
            } else if (c == '"') {
                inString = true;
                b.append(c);
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = text.indexOf('}', i);
                if (end < 0 || text.substring(i, end).indexOf('"') >= 0 || text.substring(i, end).indexOf('\n') >= 0) {
                    return null;
                }
                b.append('"').append(text, i, end + 1).append('"');
                i = end;
                changed = true;
            } else {
                b.append(c);
            }
        }
        return changed ? b.toString() : null;
    }

    /**
     * Reads the file a template names in DefinitionUri (SAM) or DefinitionS3Location (a local path for
     * {@code aws cloudformation package}), only at or below the template's folder or {@code --base}
     * ({@link ReferencedFiles}); a refusal never reads, let alone quotes, the file.
     */
    private AslReadResult readDefinitionUri(String file, TemplateLocator.Found f, Path referring, Optional<WorkflowType> declared,
                                            LocatedTree tree, List<Diagnostic> diagnostics) {
        String where = f.pointer() + "/" + f.uriField();
        String written = f.uri().orElseThrow();
        Path target;
        byte[] bytes;
        try {
            target = ReferencedFiles.resolve(referring, written, allowed);
            bytes = InputText.bytes(target, MAX_BYTES, DEFINITIONS);
        } catch (InputText.Refused e) {
            diagnostics.add(Diagnostic.error(e.code(), file, tree.at(where), "state machine " + f.name() + ": the " + f.uriField()
                    + " \"" + written + "\" " + e.getMessage()));
            return new AslReadResult(file, Optional.empty(), diagnostics, declared);
        }
        diagnostics.add(Diagnostic.info(DiagnosticCode.IAC_DEFINITION_FILE, file, tree.at(where), "state machine " + f.name()
                + " is read from its " + f.uriField() + " " + written));
        AslReadResult inner = read(referring.toAbsolutePath().getParent().resolve(written).normalize().toString(), bytes, null);
        diagnostics.addAll(inner.diagnostics());
        return new AslReadResult(file, inner.machine(), diagnostics, declared.isPresent() ? declared : inner.declaredType(),
                inner.definition(), Optional.of(target));
    }

    /**
     * Where a definition string written as a YAML block scalar ({@code DefinitionString: !Sub |}) sits in the file:
     * {line offset, column offset} so that its findings name the file's lines, or null when its lines cannot be matched.
     */
    static int[] blockOffsets(String fileText, String definition, int keyLine) {
        if (keyLine <= 0) {
            return null;
        }
        String[] fl = fileText.split("\n", -1);
        String[] dl = definition.split("\n", -1);
        int first = 0;
        while (first < dl.length && dl[first].isBlank()) {
            first++;
        }
        if (first == dl.length) {
            return null;
        }
        for (int at = keyLine - 1; at < Math.min(fl.length, keyLine + 4); at++) { // "!Sub" and "- |" may sit between
            String line = stripCr(fl[at]);
            String want = stripCr(dl[first]);
            if (!line.endsWith(want) || !line.substring(0, line.length() - want.length()).isBlank()) {
                continue;
            }
            String indent = line.substring(0, line.length() - want.length());
            boolean all = true;
            for (int i = first; i < dl.length && all; i++) {
                int li = at + i - first;
                String d = stripCr(dl[i]);
                if (li >= fl.length) {
                    all = d.isBlank();
                } else {
                    String l = stripCr(fl[li]);
                    all = d.isEmpty() ? l.isBlank() : l.equals(indent + d);
                }
            }
            if (all) {
                return new int[] {at - first, indent.length()};
            }
        }
        return null;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Makes pointers relative to the embedded definition at {@code prefix}, keeping the file's lines and columns. */
    private static LocatedTree rebase(LocatedTree tree, String prefix) {
        java.util.Map<String, SourceLocation> moved = new java.util.HashMap<>();
        for (var e : tree.locations().entrySet()) {
            String k = e.getKey();
            if (k.equals(prefix) || k.startsWith(prefix + "/")) {
                String p = k.substring(prefix.length());
                moved.put(p, new SourceLocation(p, e.getValue().line(), e.getValue().column()));
            }
        }
        return new LocatedTree(tree.root().at(prefix), moved);
    }

    private static Optional<WorkflowType> declaredType(JsonNode root, String at, String file, LocatedTree tree, List<Diagnostic> diagnostics) {
        for (String f : new String[] {"type", "Type", "StateMachineType"}) {
            JsonNode t = root.get(f);
            if (t != null && t.isTextual()) {
                switch (t.textValue().toUpperCase(Locale.ROOT)) {
                    case "STANDARD":
                        return Optional.of(WorkflowType.STANDARD);
                    case "EXPRESS":
                        return Optional.of(WorkflowType.EXPRESS);
                    default:
                        if (!f.equals("Type")) { // "Type" may be a CloudFormation resource type
                            diagnostics.add(Diagnostic.warning(DiagnosticCode.IAC_WORKFLOW_TYPE, file, tree.at(at + "/" + f),
                                    "unknown workflow type \"" + t.textValue() + "\"; expected STANDARD or EXPRESS"));
                        }
                }
            }
        }
        return Optional.empty();
    }

    /** YAML by extension; for other names, whatever does not start like JSON is read as YAML. */
    static boolean isYaml(String file, String text) {
        String f = file.toLowerCase(Locale.ROOT);
        if (f.endsWith(".json")) {
            return false;
        }
        if (f.endsWith(".yaml") || f.endsWith(".yml")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c != '{' && c != '[';
            }
        }
        return false;
    }

    private static String decode(String file, byte[] content, List<Diagnostic> diagnostics) {
        try {
            return TextDecoding.decode(content);
        } catch (TextDecoding.NotText e) {
            long offset = e.offset();
            int start = TextDecoding.byteOrderMark(content).isPresent() ? 3 : 0;
            int line = 1;
            int column = 1;
            for (int i = start; i < offset && i < content.length; i++) {
                if (content[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((content[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            diagnostics.add(new Diagnostic(Severity.ERROR, DiagnosticCode.INPUT_UNREADABLE, file, "", line, column, e.getMessage()));
            return null;
        }
    }

    private static Diagnostic tooLarge(String file, long size) {
        return new Diagnostic(Severity.ERROR, DiagnosticCode.INPUT_TOO_LARGE, file, "", 0, 0,
                "the file is " + InputText.sizeOf(size) + "; flowcost reads "
                + DEFINITIONS + " up to " + InputText.size(MAX_BYTES));
    }
}
