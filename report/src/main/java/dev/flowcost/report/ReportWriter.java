package dev.flowcost.report;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.report.csv.CsvReport;
import dev.flowcost.report.excel.ExcelReport;
import dev.flowcost.report.html.HtmlReport;
import dev.flowcost.report.json.AnalysisJson;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the formats asked for into one directory, all or nothing: every file is rendered into a staging folder
 * beside the targets ({@code .flowcost-report.<pid>.<id>.tmp} in the output directory), and only when all are
 * complete are they moved into place, each file a rename on the same file system. Should a move fail, the files
 * already moved are put back as they were (the previous report, or nothing), so a report is never half replaced.
 * The staging folder is removed on every exit, on SIGTERM (a CI cancel) by a shutdown hook, and, after a kill -9,
 * by the next run's start-up clean-up.
 */
public final class ReportWriter {

    /** Renders an analysis into one file's bytes. */
    @FunctionalInterface
    public interface FileRenderer {
        void render(Analysis analysis, OutputStream out) throws IOException;
    }

    private static final String STAGING_PREFIX = ".flowcost-report.";
    private static final Pattern STAGING = Pattern.compile("\\.flowcost-report\\.(\\d+)\\.[0-9a-f-]+\\.tmp");
    /** What version 0.1 left behind when killed: {@code .report.html.<uuid>.tmp} and the like. */
    private static final Pattern LEGACY_TEMP = Pattern.compile(
            "\\.(report\\.html|report\\.xlsx|findings\\.csv|costs\\.csv|analysis\\.json)\\.[0-9a-f-]{36}\\.tmp");

    private ReportWriter() {
    }

    /** The standard renderers by file name: report.html, report.xlsx, findings.csv, costs.csv, analysis.json. */
    public static Map<String, FileRenderer> standardRenderers() {
        Map<String, FileRenderer> r = new LinkedHashMap<>();
        r.put("report.html", HtmlReport::write);
        r.put("report.xlsx", ExcelReport::write);
        r.put("findings.csv", CsvReport::writeFindings);
        r.put("costs.csv", CsvReport::writeCosts);
        r.put("analysis.json", AnalysisJson::write);
        return r;
    }

    /** Writes the formats asked for with the standard renderers; see {@link #write(Analysis, Path, Set, Map)}. */
    public static List<Path> write(Analysis analysis, Path outDir, Set<ReportFormat> formats) throws IOException {
        return write(analysis, outDir, formats, standardRenderers());
    }

    /**
     * Writes the files of {@code formats} into {@code outDir} (created when missing) with the given renderers by
     * file name (tests inject failing ones) and returns their paths, in format order.
     *
     * @throws IOException when a file can not be rendered or moved into place; then {@code outDir} holds what it
     *                     held before (and is removed again when this call created it)
     */
    public static List<Path> write(Analysis analysis, Path outDir, Set<ReportFormat> formats,
                                   Map<String, FileRenderer> renderers) throws IOException {
        return write(analysis, outDir, formats, renderers, Map.of());
    }

    /**
     * As {@link #write(Analysis, Path, Set, Map)}, with {@code extraFiles} (file name to renderer; e.g. the
     * reconcile files of {@code report --bill}) staged and committed together with the report files, all or nothing.
     */
    public static List<Path> write(Analysis analysis, Path outDir, Set<ReportFormat> formats,
                                   Map<String, FileRenderer> renderers, Map<String, FileRenderer> extraFiles)
            throws IOException {
        boolean created = !Files.exists(outDir);
        Files.createDirectories(outDir);
        removeStale(outDir);
        EnumSet<ReportFormat> ordered = EnumSet.noneOf(ReportFormat.class);
        ordered.addAll(formats);
        List<String> names = new ArrayList<>();
        for (ReportFormat format : ordered) {
            for (String name : format.fileNames()) {
                if (renderers.get(name) == null) {
                    throw new IllegalStateException("no renderer for " + name);
                }
                if (Files.isDirectory(outDir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileSystemException(outDir.resolve(name).toString(), null,
                            "a directory is in the way of the report file");
                }
                names.add(name);
            }
        }
        for (String name : extraFiles.keySet()) {
            if (Files.isDirectory(outDir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(outDir.resolve(name).toString(), null,
                        "a directory is in the way of the report file");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        Path staging = outDir.resolve(STAGING_PREFIX + ProcessHandle.current().pid() + "." + UUID.randomUUID() + ".tmp");
        Files.createDirectory(staging);
        Object lock = new Object();
        Thread hook = new Thread(() -> {
            synchronized (lock) {
                deleteTree(staging);
            }
        }, "flowcost-report-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean done = false;
        try {
            Map<Path, FileRenderer> jobs = new LinkedHashMap<>();
            for (String name : names) {
                jobs.put(staging.resolve(name), extraFiles.containsKey(name) ? extraFiles.get(name) : renderers.get(name));
            }
            renderAll(analysis, jobs);
            List<Path> moved;
            synchronized (lock) {
                moved = commit(staging, outDir, names);
            }
            done = true;
            return moved;
        } finally {
            deleteTree(staging);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (and finds nothing left to delete)
            }
            if (!done && created) {
                try {
                    Files.deleteIfExists(outDir); // only when empty: this call made it
                } catch (IOException e) {
                    // not empty or not ours to remove
                }
            }
        }
    }

    /**
     * Moves every staged file onto its target; the target it replaces is first kept in the staging folder, so a
     * failed move puts back every file already moved and removes the new ones, leaving the previous report whole.
     */
    private static List<Path> commit(Path staging, Path outDir, List<String> names) throws IOException {
        List<String> replaced = new ArrayList<>();
        List<Path> moved = new ArrayList<>();
        try {
            for (String name : names) {
                Path target = outDir.resolve(name);
                Path backup = staging.resolve(".previous." + name);
                boolean existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
                if (existed) {
                    Files.move(target, backup, StandardCopyOption.ATOMIC_MOVE);
                }
                replaced.add(existed ? name : null);
                AtomicFiles.move(staging.resolve(name), target);
                moved.add(target);
            }
            return List.copyOf(moved);
        } catch (IOException | RuntimeException e) {
            for (int i = replaced.size() - 1; i >= 0; i--) {
                String name = names.get(i);
                Path target = outDir.resolve(name);
                try {
                    if (i < moved.size()) {
                        Files.deleteIfExists(target);
                    }
                    if (replaced.get(i) != null) {
                        Files.move(staging.resolve(".previous." + name), target, StandardCopyOption.ATOMIC_MOVE);
                    }
                } catch (IOException rollback) {
                    e.addSuppressed(rollback);
                }
            }
            throw e;
        }
    }

    /**
     * Removes what earlier runs killed before their clean-up left in {@code outDir}: staging folders of processes
     * that no longer run, and the temporary files version 0.1 used.
     */
    static void removeStale(Path outDir) {
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(outDir, ".*.tmp")) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                Matcher m = STAGING.matcher(name);
                if (m.matches()) {
                    long pid = Long.parseLong(m.group(1));
                    if (pid != self && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        deleteTree(p);
                    }
                } else if (LEGACY_TEMP.matcher(name).matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a stale file left is untidy, not wrong
        }
    }

    /** Deletes {@code dir} and everything in it, best effort, never following links. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }

    /**
     * Renders every file, side by side when there are several (the HTML page and the workbook take the longest),
     * and waits for all of them before reporting the first failure, so no renderer is still writing a temporary
     * file when the caller deletes it.
     */
    private static void renderAll(Analysis analysis, Map<Path, FileRenderer> jobs) throws IOException {
        if (jobs.size() <= 1) {
            for (Map.Entry<Path, FileRenderer> job : jobs.entrySet()) {
                render(analysis, job.getKey(), job.getValue());
            }
            return;
        }
        int threads = Math.min(jobs.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "flowcost-report");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Map.Entry<Path, FileRenderer> job : jobs.entrySet()) {
                futures.add(pool.submit(() -> {
                    render(analysis, job.getKey(), job.getValue());
                    return null;
                }));
            }
            Throwable first = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    first = first == null ? e : first;
                }
            }
            if (first instanceof IOException io) {
                throw io;
            }
            if (first instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (first instanceof Error error) {
                throw error;
            }
            if (first != null) {
                throw new IOException("rendering interrupted", first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void render(Analysis analysis, Path temp, FileRenderer renderer) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
            renderer.render(analysis, out);
        }
    }
}
