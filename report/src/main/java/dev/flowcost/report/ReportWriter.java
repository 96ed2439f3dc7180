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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the formats asked for into one directory, all or nothing: every file is rendered to a temporary file in
 * the output directory first, and only when all rendered are they moved into place (atomically where the file
 * system can). On any failure the temporary files are deleted and no report file is left half written.
 */
public final class ReportWriter {

    /** Renders an analysis into one file's bytes. */
    @FunctionalInterface
    public interface FileRenderer {
        void render(Analysis analysis, OutputStream out) throws IOException;
    }

    private ReportWriter() {
    }

    /** The standard renderers by file name: report.html, report.xlsx, findings.csv, costs.csv, analysis.json. */
    public static Map<String, FileRenderer> standardRenderers() {
        Map<String, FileRenderer> r = new LinkedHashMap<>();
        r.put("report.html", HtmlReport::write);
        r.put("report.xlsx", ExcelReport::write);
        r.put("findings.csv", CsvReport::writeFindings);
        r.put("costs.csv", CsvReport::writeCosts);
        r.put("analysis.json", (a, out) -> out.write(AnalysisJson.write(a).getBytes(StandardCharsets.UTF_8)));
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
     * @throws IOException when a file can not be rendered or written; then no file of this call is left in
     *                     {@code outDir} (should a move itself fail, the files already moved are whole, never partial)
     */
    public static List<Path> write(Analysis analysis, Path outDir, Set<ReportFormat> formats,
                                   Map<String, FileRenderer> renderers) throws IOException {
        Files.createDirectories(outDir);
        EnumSet<ReportFormat> ordered = EnumSet.noneOf(ReportFormat.class);
        ordered.addAll(formats);
        Map<Path, Path> temps = new LinkedHashMap<>();
        Map<Path, FileRenderer> jobs = new LinkedHashMap<>();
        for (ReportFormat format : ordered) {
            for (String name : format.fileNames()) {
                FileRenderer renderer = renderers.get(name);
                if (renderer == null) {
                    throw new IllegalStateException("no renderer for " + name);
                }
                // not createTempFile: its owner-only permissions would stay on the report once moved
                Path temp = outDir.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
                temps.put(temp, outDir.resolve(name));
                jobs.put(temp, renderer);
            }
        }
        boolean done = false;
        try {
            renderAll(analysis, jobs);
            List<Path> moved = new ArrayList<>();
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                AtomicFiles.move(e.getKey(), e.getValue());
                moved.add(e.getValue());
            }
            done = true;
            return List.copyOf(moved);
        } finally {
            if (!done) {
                for (Path temp : temps.keySet()) {
                    Files.deleteIfExists(temp);
                }
            }
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
