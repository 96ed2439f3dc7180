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

    /** Renders an analysis into a folder of files (report.html's {@code workflows/} pages). */
    @FunctionalInterface
    public interface FolderRenderer {
        void render(Analysis analysis, Path folder) throws IOException;
    }

    private static final String STAGING_PREFIX = ".flowcost-report.";
    /** The file that marks a folder as one flowcost wrote, so a later run may replace or remove it. */
    static final String FOLDER_MARK = ".flowcost-pages";
    private static final Pattern STAGING = Pattern.compile("\\.flowcost-report\\.(\\d+)\\.[0-9a-f-]+\\.tmp");
    /** What version 0.1 left behind when killed: {@code .report.html.<uuid>.tmp} and the like. */
    private static final Pattern LEGACY_TEMP = Pattern.compile(
            "\\.(report\\.html|report\\.xlsx|findings\\.csv|costs\\.csv|analysis\\.json)\\.[0-9a-f-]{36}\\.tmp");

    private ReportWriter() {
    }

    /** The standard renderers by file name: report.html, report.xlsx, findings.csv, costs.csv, analysis.json. */
    public static Map<String, FileRenderer> standardRenderers() {
        return standardRenderers(HtmlReport.Options.DEFAULT);
    }

    /** As {@link #standardRenderers()}, report.html laid out by {@code html}. */
    public static Map<String, FileRenderer> standardRenderers(HtmlReport.Options html) {
        Map<String, FileRenderer> r = new LinkedHashMap<>();
        r.put("report.html", (a, out) -> HtmlReport.write(a, out, html));
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
        return write(analysis, outDir, formats, renderers, extraFiles,
                formats.contains(ReportFormat.HTML) ? pagesFolder(HtmlReport.Options.DEFAULT) : Map.of());
    }

    /** The {@code workflows/} folder of report.html's pages, laid out by {@code html}. */
    public static Map<String, FolderRenderer> pagesFolder(HtmlReport.Options html) {
        return Map.of(HtmlReport.PAGES_FOLDER, (a, folder) -> HtmlReport.writePages(a, folder, html));
    }

    /**
     * As above, with {@code folders} (folder name to renderer; report.html's {@code workflows/} pages) staged and
     * committed with the files: a folder from an earlier run is replaced whole, or removed when the new one has no
     * file, and a failure leaves the earlier files and folders as they were.
     */
    public static List<Path> write(Analysis analysis, Path outDir, Set<ReportFormat> formats,
                                   Map<String, FileRenderer> renderers, Map<String, FileRenderer> extraFiles,
                                   Map<String, FolderRenderer> folders) throws IOException {
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
        for (String name : folders.keySet()) {
            if (Files.exists(outDir.resolve(name), LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(outDir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(outDir.resolve(name).toString(), null,
                        "a file is in the way of the report's folder");
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
            Map<Path, FolderRenderer> folderJobs = new LinkedHashMap<>();
            for (Map.Entry<String, FolderRenderer> f : folders.entrySet()) {
                Path dir = Files.createDirectory(staging.resolve(f.getKey()));
                folderJobs.put(dir, f.getValue());
            }
            renderAll(analysis, jobs, folderJobs);
            List<Path> moved;
            synchronized (lock) {
                moved = commit(staging, outDir, names, folders.keySet());
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
    private static List<Path> commit(Path staging, Path outDir, List<String> names, Set<String> folders)
            throws IOException {
        List<String> all = new ArrayList<>(names);
        for (String name : folders) {
            Path target = outDir.resolve(name);
            boolean pages = !isEmptyFolder(staging.resolve(name));
            if (pages) {
                Files.writeString(staging.resolve(name).resolve(FOLDER_MARK), "written by flowcost report\n");
            }
            boolean ours = Files.isRegularFile(target.resolve(FOLDER_MARK), LinkOption.NOFOLLOW_LINKS);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !ours) {
                if (pages) {
                    throw new FileSystemException(target.toString(), null, "a folder flowcost did not write is in "
                            + "the way of report.html's pages; move it, or write the report elsewhere (--out)");
                }
                continue; // not ours and not needed: left alone
            }
            all.add(name);
        }
        List<String> replaced = new ArrayList<>();
        List<Boolean> placed = new ArrayList<>();
        List<Path> moved = new ArrayList<>();
        try {
            for (String name : all) {
                Path target = outDir.resolve(name);
                Path backup = staging.resolve(".previous." + name);
                boolean existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
                if (existed) {
                    Files.move(target, backup, StandardCopyOption.ATOMIC_MOVE);
                }
                replaced.add(existed ? name : null);
                placed.add(false);
                Path staged = staging.resolve(name);
                if (folders.contains(name)) {
                    if (!isEmptyFolder(staged)) {
                        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
                        placed.set(placed.size() - 1, true);
                        moved.add(target);
                    }
                } else {
                    AtomicFiles.move(staged, target);
                    placed.set(placed.size() - 1, true);
                    moved.add(target);
                }
            }
            return List.copyOf(moved);
        } catch (IOException | RuntimeException e) {
            for (int i = replaced.size() - 1; i >= 0; i--) {
                String name = all.get(i);
                Path target = outDir.resolve(name);
                try {
                    if (i < placed.size() && placed.get(i)) {
                        if (folders.contains(name)) {
                            deleteTree(target);
                        } else {
                            Files.deleteIfExists(target);
                        }
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

    private static boolean isEmptyFolder(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
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
     * Renders every file, side by side when there are several (longest first, {@link ReportFormat#renderingRank}),
     * and waits for all of them before reporting the first failure, so no renderer is still writing a temporary
     * file when the caller deletes it.
     */
    private static void renderAll(Analysis analysis, Map<Path, FileRenderer> jobs, Map<Path, FolderRenderer> folderJobs)
            throws IOException {
        if (jobs.size() + folderJobs.size() <= 1) {
            for (Map.Entry<Path, FileRenderer> job : jobs.entrySet()) {
                render(analysis, job.getKey(), job.getValue());
            }
            for (Map.Entry<Path, FolderRenderer> job : folderJobs.entrySet()) {
                job.getValue().render(analysis, job.getKey());
            }
            return;
        }
        int threads = Math.min(jobs.size() + folderJobs.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "flowcost-report");
            t.setDaemon(true);
            return t;
        });
        try {
            // the longest first, so the short files fill in beside them instead of one thread finishing alone
            List<Path> order = new ArrayList<>(folderJobs.keySet());
            List<Path> files = new ArrayList<>(jobs.keySet());
            files.sort(Comparator.comparingInt(f -> ReportFormat.renderingRank(f.getFileName().toString())));
            order.addAll(files);
            Map<Path, Future<?>> started = new java.util.HashMap<>();
            for (Path target : order) {
                FolderRenderer folder = folderJobs.get(target);
                started.put(target, pool.submit(() -> {
                    if (folder != null) {
                        folder.render(analysis, target);
                    } else {
                        render(analysis, target, jobs.get(target));
                    }
                    return null;
                }));
            }
            List<Future<?>> futures = new ArrayList<>(); // the first failure is the first job's, as they were given
            jobs.keySet().forEach(target -> futures.add(started.get(target)));
            folderJobs.keySet().forEach(target -> futures.add(started.get(target)));
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
