package dev.flowcost.core.dag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.formats.AirflowRestTasksReader;
import dev.flowcost.core.dag.formats.DagFactoryYamlReader;
import dev.flowcost.core.dag.formats.DotDagReader;
import dev.flowcost.core.dag.formats.SerializedDagReader;
import dev.flowcost.core.dag.python.PythonDagReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Airflow DAGs from files and directories in whatever format they come (Python source, REST API task lists,
 * serialized DAG JSON, DOT, DAG Factory YAML), choosing the reader by extension and content, so the rest of
 * flowcost gets one list of DAGs. A directory is read recursively, skipping hidden directories, {@code __pycache__}
 * and files with other extensions. A file that is not a DAG (a state machine, a workload file, a helper module)
 * gives an INFO and is skipped; a file that cannot be read (over 20 MB, binary, not UTF-8) gives an ERROR for that
 * file alone. Never throws on bad input.
 */
public final class DagInputReader {

    /** Files larger than this are not read. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    private static final Set<String> EXTENSIONS = Set.of("py", "json", "yaml", "yml", "dot", "gv");
    private static final Set<String> SKIPPED_DIRS = Set.of("__pycache__", "node_modules", "venv", "site-packages");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads one file or directory. */
    public DagInputResult read(Path fileOrDir) {
        return read(List.of(fileOrDir));
    }

    /** Reads files and directories in the order given (each directory in sorted path order). */
    public DagInputResult read(List<Path> inputs) {
        List<Dag> dags = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        List<Path> read = new ArrayList<>();
        Map<String, String> fileByDagId = new LinkedHashMap<>();
        for (Path input : inputs) {
            for (Path file : expand(input, diags)) {
                readFile(file, dags, diags, read, fileByDagId);
            }
        }
        return new DagInputResult(dags, diags, read);
    }

    private static List<Path> expand(Path input, List<Diagnostic> diags) {
        List<Path> out = new ArrayList<>();
        if (!Files.exists(input)) {
            diags.add(Diagnostic.error(input.toString(), SourceLocation.UNKNOWN, "no such file or directory"));
            return out;
        }
        if (!Files.isDirectory(input)) {
            if (EXTENSIONS.contains(extension(input))) {
                out.add(input);
            } else {
                diags.add(Diagnostic.info(input.toString(), SourceLocation.UNKNOWN, "not a DAG file extension "
                        + "(.py, .json, .yaml, .yml, .dot, .gv); skipped"));
            }
            return out;
        }
        try {
            Files.walkFileTree(input, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(input) && (name.startsWith(".") || SKIPPED_DIRS.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && !name.startsWith(".") && EXTENSIONS.contains(extension(file))) {
                        out.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    diags.add(Diagnostic.error(file.toString(), SourceLocation.UNKNOWN, "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            diags.add(Diagnostic.error(input.toString(), SourceLocation.UNKNOWN, "cannot list directory: " + e.getMessage()));
        }
        out.sort(null);
        return out;
    }

    private static String extension(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private void readFile(Path path, List<Dag> dags, List<Diagnostic> diags, List<Path> read, Map<String, String> fileByDagId) {
        String file = path.toString();
        String content;
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                diags.add(Diagnostic.error(file, SourceLocation.UNKNOWN, "file is " + (size / (1024 * 1024))
                        + " MB, over the 20 MB limit for a DAG file; skipped"));
                return;
            }
            byte[] bytes = Files.readAllBytes(path);
            if (extension(path).equals("py")) {
                // Python files carry their own encoding (PEP 263)
                content = PythonDagReader.decodeSource(file, bytes, diags);
                if (content == null) {
                    return;
                }
            } else {
                content = decode(bytes);
            }
            if (content == null) {
                diags.add(Diagnostic.error(file, SourceLocation.UNKNOWN, "not UTF-8 text (binary file?); skipped"));
                return;
            }
        } catch (IOException | RuntimeException e) {
            diags.add(Diagnostic.error(file, SourceLocation.UNKNOWN, "cannot read: " + e.getMessage()));
            return;
        }
        read.add(path);
        DagReadResult result = dispatch(file, extension(path), content, diags);
        if (result == null) {
            return;
        }
        diags.addAll(result.diagnostics());
        boolean saidSo = result.diagnostics().stream().anyMatch(d -> d.message().contains("no DAG found"));
        if (result.dags().isEmpty() && !result.hasErrors() && !saidSo) {
            diags.add(Diagnostic.info(file, SourceLocation.UNKNOWN, "no DAG found"));
        }
        for (Dag d : result.dags()) {
            String first = fileByDagId.putIfAbsent(d.dagId(), file);
            if (first != null) {
                diags.add(Diagnostic.warning(file, SourceLocation.ofLine(d.line()), "dag_id '" + d.dagId()
                        + "' is also defined in " + first + "; this one is ignored (Airflow would reject the duplicate)"));
            } else {
                dags.add(d);
            }
        }
    }

    /** UTF-8 text without NUL bytes (BOM stripped), or null. */
    private static String decode(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The reader's result, or null when the file is not a DAG input (an INFO has been added). */
    private DagReadResult dispatch(String file, String ext, String content, List<Diagnostic> diags) {
        switch (ext) {
            case "py":
                return new PythonDagReader().read(file, content);
            case "dot":
            case "gv":
                return new DotDagReader().read(file, content);
            case "yaml":
            case "yml": {
                List<Diagnostic> parse = new ArrayList<>();
                JsonNode root = DagFactoryYamlReader.parseYaml(file, content, parse);
                if (root == null && !parse.isEmpty()) {
                    diags.add(Diagnostic.warning(file, SourceLocation.UNKNOWN, "not valid YAML, so not read as a DAG: "
                            + parse.get(0).message()));
                    return null;
                }
                if (!DagFactoryYamlReader.looksLikeDagFactory(root)) {
                    diags.add(Diagnostic.info(file, SourceLocation.UNKNOWN, "YAML file is not a DAG Factory definition "
                            + "(no top-level DAG with 'tasks'); skipped"));
                    return null;
                }
                return new DagFactoryYamlReader().read(file, content);
            }
            case "json":
                return dispatchJson(file, content, diags);
            default:
                return null;
        }
    }

    private DagReadResult dispatchJson(String file, String content, List<Diagnostic> diags) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (IOException | RuntimeException e) {
            diags.add(Diagnostic.warning(file, SourceLocation.UNKNOWN, "not valid JSON, so not read as a DAG"));
            return null;
        }
        JsonNode first = root != null && root.isArray() && root.size() > 0 ? root.get(0) : root;
        if (first != null && first.isObject() && (first.has("__version") || first.path("dag").isObject())) {
            return new SerializedDagReader().read(file, content);
        }
        if (first != null && first.isObject() && first.path("tasks").isArray() && isTaskList(first.get("tasks"))) {
            return new AirflowRestTasksReader().read(file, content);
        }
        diags.add(Diagnostic.info(file, SourceLocation.UNKNOWN, "JSON file is not an Airflow DAG export (REST task list "
                + "or serialized DAG); skipped"));
        return null;
    }

    private static boolean isTaskList(JsonNode tasks) {
        if (tasks.isEmpty()) {
            return false;
        }
        for (JsonNode t : tasks) {
            if (!t.isObject() || !t.has("task_id") || !t.has("downstream_task_ids")) {
                return false;
            }
        }
        return true;
    }
}
