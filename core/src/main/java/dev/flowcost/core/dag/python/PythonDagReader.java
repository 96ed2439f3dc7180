package dev.flowcost.core.dag.python;

import dev.flowcost.core.dag.python.syntax.PySyntax;
import dev.flowcost.core.dag.python.syntax.PyParser;
import dev.flowcost.core.dag.python.syntax.PyToken;
import dev.flowcost.core.dag.python.syntax.PyTokenizer;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Airflow DAGs from Python source statically: it tokenizes, parses and abstractly interprets the file, and
 * never executes it. What it cannot resolve becomes a diagnostic with file and line; bad or hostile input (binary,
 * huge, deeply nested, endless loops) gives diagnostics, never an exception or a hang.
 */
public final class PythonDagReader {

    /** Files larger than this are not read. */
    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    /**
     * Decodes a Python file's bytes as PEP 263 says; the text, or null with the refusal (naming the byte offset)
     * added to {@code diags}.
     */
    public static String decodeSource(String file, byte[] bytes, List<Diagnostic> diags) {
        SourceEncoding.Decoded text = SourceEncoding.decode(bytes);
        if (!text.ok()) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, file, SourceLocation.UNKNOWN, text.refusal()));
            return null;
        }
        return text.text();
    }

    /** Reads every DAG defined in {@code source}; {@code file} names it in diagnostics. Never throws on bad input. */
    public DagReadResult read(String file, String source) {
        String name = file == null ? "" : file;
        List<Diagnostic> diags = new ArrayList<>();
        if (source == null) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_EMPTY, name, SourceLocation.UNKNOWN, "no source given"));
            return new DagReadResult(List.of(), diags);
        }
        if (source.length() > MAX_FILE_BYTES) {
            diags.add(tooLarge(name, source.length()));
            return new DagReadResult(List.of(), diags);
        }
        int nul = source.indexOf('\0');
        if (nul >= 0) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, name, SourceLocation.UNKNOWN,
                    "binary file (NUL character at offset " + nul
                    + "); not a Python DAG file"));
            return new DagReadResult(List.of(), diags);
        }
        List<Dag> dags;
        try {
            dags = readSource(name, source, diags);
        } catch (RuntimeException | StackOverflowError e) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_INTERNAL, name, SourceLocation.UNKNOWN, "internal error reading the file (" + e
                    + "); please report it with the file"));
            return new DagReadResult(List.of(), diags);
        }
        if (dags.isEmpty()) {
            diags.add(Diagnostic.info(DiagnosticCode.DAG_NONE_FOUND, name, SourceLocation.UNKNOWN, "no DAG found in this file"));
        }
        return new DagReadResult(dags, diags);
    }

    /** Reads a DAG file from disk, decoded as its PEP 263 coding line says (UTF-8 by default). Never throws on bad input. */
    public DagReadResult read(Path file) {
        String name = String.valueOf(file);
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return new DagReadResult(List.of(), List.of(tooLarge(name, size)));
            }
            byte[] bytes = Files.readAllBytes(file);
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    return new DagReadResult(List.of(), List.of(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, name,
                            SourceLocation.UNKNOWN,
                            "binary file (NUL byte at offset " + i + "); not a Python DAG file")));
                }
            }
            SourceEncoding.Decoded text = SourceEncoding.decode(bytes);
            if (!text.ok()) {
                return new DagReadResult(List.of(), List.of(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, name, SourceLocation.UNKNOWN,
                        text.refusal())));
            }
            return read(name, text.text());
        } catch (IOException | RuntimeException e) {
            return new DagReadResult(List.of(), List.of(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, name, SourceLocation.UNKNOWN,
                    "could not read the file: " + e.getMessage())));
        }
    }

    /** Decodes UTF-8, replacing malformed input rather than failing (for callers that must never refuse). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Diagnostic tooLarge(String name, long size) {
        return Diagnostic.error(DiagnosticCode.INPUT_TOO_LARGE, name, SourceLocation.UNKNOWN,
                "file is " + size + " bytes, over the " + MAX_FILE_BYTES
                + "-byte limit for a DAG file; not read");
    }

    private static List<Dag> readSource(String file, String source, List<Diagnostic> diags) {
        String src = source.startsWith("\uFEFF") ? source.substring(1) : source;
        PyTokenizer tokenizer = new PyTokenizer(src);
        List<PyToken> tokens = tokenizer.tokenize();
        for (PyTokenizer.Problem p : tokenizer.problems()) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_SYNTAX, file, new SourceLocation("", p.line(), p.column()),
                    "syntax error at " + p.line()
                    + ":" + p.column() + ": " + p.message()));
        }
        List<PyParser.Problem> problems = new ArrayList<>();
        List<PySyntax.Stmt> module = new PyParser(tokens, problems).module();
        for (PyParser.Problem p : problems) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_SYNTAX, file, new SourceLocation("", p.line(), p.column()),
                    "syntax error at " + p.line()
                    + ":" + p.column() + ": " + p.message().replaceFirst("^syntax error: ", "")
                    + "; statement skipped"));
        }
        return DagInterpreter.read(file, stem(file), module, diags);
    }

    static String stem(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        String base = slash >= 0 ? file.substring(slash + 1) : file;
        return base.endsWith(".py") ? base.substring(0, base.length() - 3) : base;
    }
}
