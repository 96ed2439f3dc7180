package dev.flowcost.core.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.workload.WorkflowType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an Amazon States Language definition (JSON or YAML, bare or wrapped in a {@code describe-state-machine}
 * output or a {@code Definition} object), builds the {@link StateMachine} model and validates it.
 * It never throws for bad input: every problem comes back as a {@link Diagnostic} in the {@link AslReadResult}.
 * One reader may be shared between threads.
 */
public final class AslReader {

    /**
     * Files above this size are refused before parsing. Step Functions itself accepts definitions up to 1 MB;
     * the margin leaves room for YAML, indentation and wrappers.
     */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    /** How a reader bug (never the user's input) starts its diagnostic, so callers and tests can tell the two apart. */
    static final String INTERNAL_ERROR = "flowcost could not read this definition (internal error";

    /** Reads and validates the file at {@code file}. */
    public AslReadResult read(Path file) {
        String name = file.toString();
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                diagnostics.add(tooLarge(name, size));
                return new AslReadResult(name, Optional.empty(), diagnostics);
            }
            return read(name, Files.readAllBytes(file));
        } catch (IOException | SecurityException e) {
            diagnostics.add(new Diagnostic(Severity.ERROR, name, "", 0, 0, "cannot read the file: " + e.getMessage()));
            return new AslReadResult(name, Optional.empty(), diagnostics);
        }
    }

    /** Reads and validates {@code content}; {@code fileName} names it in diagnostics and its extension picks JSON or YAML. */
    public AslReadResult read(String fileName, byte[] content) {
        String file = fileName == null ? "" : fileName;
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            return readChecked(file, content == null ? new byte[0] : content, diagnostics);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in the reader, not the user's fault; still report it as data rather than crash the caller.
            diagnostics.add(new Diagnostic(Severity.ERROR, file, "", 0, 0,
                    INTERNAL_ERROR + ": " + e + ")"));
            return new AslReadResult(file, Optional.empty(), diagnostics);
        }
    }

    private AslReadResult readChecked(String file, byte[] content, List<Diagnostic> diagnostics) {
        if (content.length > MAX_BYTES) {
            diagnostics.add(tooLarge(file, content.length));
            return new AslReadResult(file, Optional.empty(), diagnostics);
        }
        String text = decode(file, content, diagnostics);
        if (text == null) {
            return new AslReadResult(file, Optional.empty(), diagnostics);
        }
        if (text.isBlank()) {
            diagnostics.add(new Diagnostic(Severity.ERROR, file, "", 0, 0, "the file is empty; expected a state machine definition"));
            return new AslReadResult(file, Optional.empty(), diagnostics);
        }
        LocatedTree tree = SourceParser.parse(file, text, isYaml(file, text), true, diagnostics);
        if (tree == null) {
            return new AslReadResult(file, Optional.empty(), diagnostics);
        }
        Optional<WorkflowType> declared = Optional.empty();
        JsonNode root = tree.root();
        if (root.isObject() && !root.has("States") && !root.has("StartAt")) {
            declared = declaredType(root, file, tree, diagnostics);
            JsonNode def = definitionOf(root);
            if (def != null && def.isTextual()) {
                tree = SourceParser.parse(file, def.textValue(), false, false, diagnostics);
                if (tree == null) {
                    return new AslReadResult(file, Optional.empty(), diagnostics, declared);
                }
            } else if (def != null && def.isObject()) {
                tree = rebase(tree, fieldName(root, def));
            }
            root = tree.root();
        }
        if (!root.isObject()) {
            diagnostics.add(Diagnostic.error(file, tree.at(""), "the definition must be an object with StartAt and States, not "
                    + DefinitionBuilder.describe(root)));
            return new AslReadResult(file, Optional.empty(), diagnostics, declared);
        }
        StateMachine machine = new DefinitionBuilder(file, tree, diagnostics).machine(root, "", QueryLanguage.JSONPATH);
        diagnostics.addAll(AslValidator.validate(file, machine, tree::at));
        return new AslReadResult(file, Optional.of(machine), diagnostics, declared);
    }

    private static JsonNode definitionOf(JsonNode root) {
        for (String f : new String[] {"definition", "Definition", "DefinitionString"}) {
            JsonNode d = root.get(f);
            if (d != null && (d.isTextual() || d.isObject())) {
                return d;
            }
        }
        return null;
    }

    private static String fieldName(JsonNode root, JsonNode value) {
        for (String f : new String[] {"definition", "Definition", "DefinitionString"}) {
            if (root.get(f) == value) {
                return f;
            }
        }
        return "";
    }

    /** Makes pointers relative to the embedded definition object, keeping the file's lines and columns. */
    private static LocatedTree rebase(LocatedTree tree, String field) {
        String prefix = "/" + SourceLocation.escapeToken(field);
        java.util.Map<String, SourceLocation> moved = new java.util.HashMap<>();
        for (var e : tree.locations().entrySet()) {
            String k = e.getKey();
            if (k.equals(prefix) || k.startsWith(prefix + "/")) {
                String p = k.substring(prefix.length());
                moved.put(p, new SourceLocation(p, e.getValue().line(), e.getValue().column()));
            }
        }
        return new LocatedTree(tree.root().get(field), moved);
    }

    private static Optional<WorkflowType> declaredType(JsonNode root, String file, LocatedTree tree, List<Diagnostic> diagnostics) {
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
                            diagnostics.add(Diagnostic.warning(file, tree.at("/" + f),
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
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int offset = e instanceof MalformedInputException ? in.position() : 0;
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
            diagnostics.add(new Diagnostic(Severity.ERROR, file, "", line, column,
                    "the file is not valid UTF-8 (bad byte at offset " + offset + "); save it as UTF-8"));
            return null;
        }
    }

    private static Diagnostic tooLarge(String file, long size) {
        return new Diagnostic(Severity.ERROR, file, "", 0, 0, "the file is " + size + " bytes; flowcost reads definitions up to "
                + MAX_BYTES + " bytes (Step Functions itself accepts at most 1 MB per definition)");
    }
}
