package dev.flowcost.core.dag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.formats.AirflowRestTasksReader;
import dev.flowcost.core.dag.formats.DagFactoryYamlReader;
import dev.flowcost.core.dag.formats.DotDagReader;
import dev.flowcost.core.dag.formats.SerializedDagReader;
import dev.flowcost.core.dag.python.PythonDagReader;
import dev.flowcost.core.input.InputText;
import dev.flowcost.core.input.TextDecoding;
import java.io.IOException;
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
 * gives an INFO and is skipped; a file that cannot be read (over 20 MB, binary, not UTF-8 or marked UTF-16, not a
 * regular file) gives an ERROR for that file alone. Never throws on bad input.
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
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, input.toString(), SourceLocation.UNKNOWN,
                    "no such file or directory"));
            return out;
        }
        if (!Files.isDirectory(input)) {
            if (EXTENSIONS.contains(extension(input))) {
                out.add(input);
            } else {
                diags.add(Diagnostic.info(DiagnosticCode.INPUT_UNSUPPORTED, input.toString(), SourceLocation.UNKNOWN,
                        "not a DAG file extension "
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
                    diags.add(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, file.toString(),
                            SourceLocation.UNKNOWN, "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, input.toString(), SourceLocation.UNKNOWN,
                    "cannot list directory: " + e.getMessage()));
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
            byte[] bytes = InputText.bytes(path, MAX_FILE_BYTES, "DAG files");
            if (extension(path).equals("py")) {
                // Python files carry their own encoding (PEP 263)
                content = PythonDagReader.decodeSource(file, bytes, diags);
                if (content == null) {
                    return;
                }
            } else {
                content = TextDecoding.decode(bytes);
            }
        } catch (InputText.Refused e) {
            diags.add(Diagnostic.error(e.code(), file, SourceLocation.UNKNOWN, e.getMessage() + "; skipped"));
            return;
        } catch (TextDecoding.NotText e) {
            diags.add(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, file, SourceLocation.UNKNOWN, e.getMessage() + "; skipped"));
            return;
        }
        read.add(path);
        DagReadResult result = dispatch(file, extension(path), content, diags);
        if (result == null) {
            return;
        }
        diags.addAll(result.diagnostics());
        boolean saidSo = result.diagnostics().stream()
                .anyMatch(d -> d.code() == DiagnosticCode.DAG_NONE_FOUND || d.code() == DiagnosticCode.INPUT_EMPTY);
        if (result.dags().isEmpty() && !result.hasErrors() && !saidSo) {
            diags.add(Diagnostic.info(DiagnosticCode.DAG_NONE_FOUND, file, SourceLocation.UNKNOWN, "no DAG found"));
        }
        for (Dag d : result.dags()) {
            boolean saidCycle = result.diagnostics().stream().anyMatch(x -> x.isError() && x.code() == DiagnosticCode.DAG_CYCLE);
            if (!saidCycle) {
                cycle(d).ifPresent(tasks -> diags.add(Diagnostic.error(DiagnosticCode.DAG_CYCLE, file,
                        SourceLocation.ofLine(d.line()), "cycle in DAG '"
                        + d.dagId() + "': tasks " + String.join(", ", tasks) + " depend on each other; Airflow refuses such a DAG")));
            }
            String first = fileByDagId.putIfAbsent(d.dagId(), file);
            if (first != null) {
                diags.add(Diagnostic.warning(DiagnosticCode.DAG_ID_DUPLICATE, file, SourceLocation.ofLine(d.line()), "dag_id '" + d.dagId()
                        + "' is also defined in " + first + "; this one is ignored (Airflow would reject the duplicate)"));
            } else {
                dags.add(d);
            }
        }
    }

    /** The tasks left on a cycle (Kahn's algorithm: what cannot be ordered), for formats whose reader does not check. */
    static java.util.Optional<List<String>> cycle(Dag dag) {
        Map<String, Integer> indegree = new LinkedHashMap<>();
        Map<String, List<String>> next = new java.util.HashMap<>();
        dag.tasks().forEach(t -> indegree.put(t.taskId(), 0));
        for (Edge e : dag.edges()) {
            indegree.putIfAbsent(e.upstream(), 0);
            indegree.merge(e.downstream(), 1, Integer::sum);
            next.computeIfAbsent(e.upstream(), k -> new ArrayList<>()).add(e.downstream());
        }
        java.util.ArrayDeque<String> ready = new java.util.ArrayDeque<>();
        indegree.forEach((t, n) -> {
            if (n == 0) {
                ready.add(t);
            }
        });
        while (!ready.isEmpty()) {
            String t = ready.poll();
            for (String d : next.getOrDefault(t, List.of())) {
                if (indegree.merge(d, -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        List<String> left = indegree.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted()
                .limit(10).toList();
        return left.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(left);
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
                JsonNode root = DagFactoryYamlReader.parseFirstDocument(file, content, parse);
                if (root == null && !parse.isEmpty()) {
                    diags.add(Diagnostic.warning(DiagnosticCode.INPUT_SYNTAX, file, SourceLocation.UNKNOWN,
                            "not valid YAML, so not read as a DAG: "
                            + parse.get(0).message()));
                    return null;
                }
                if (!DagFactoryYamlReader.looksLikeDagFactory(root)) {
                    diags.add(Diagnostic.info(DiagnosticCode.INPUT_UNSUPPORTED, file, SourceLocation.UNKNOWN,
                            "YAML file is not a DAG Factory definition "
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
            diags.add(Diagnostic.warning(DiagnosticCode.INPUT_SYNTAX, file, SourceLocation.UNKNOWN,
                    "not valid JSON, so not read as a DAG"));
            return null;
        }
        JsonNode first = root != null && root.isArray() && root.size() > 0 ? root.get(0) : root;
        if (first != null && first.isObject() && (first.has("__version") || first.path("dag").isObject())) {
            return new SerializedDagReader().read(file, content);
        }
        if (first != null && first.isObject() && first.path("tasks").isArray() && isTaskList(first.get("tasks"))) {
            return new AirflowRestTasksReader().read(file, content);
        }
        diags.add(Diagnostic.info(DiagnosticCode.INPUT_UNSUPPORTED, file, SourceLocation.UNKNOWN,
                "JSON file is not an Airflow DAG export (REST task list "
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
