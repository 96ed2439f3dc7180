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
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

    private final Map<String, FileRenderer> renderers;

    /** The standard renderers: report.html, report.xlsx, findings.csv, costs.csv, analysis.json. */
    public ReportWriter() {
        this(standardRenderers());
    }

    /** Renderers by file name, for tests and for callers adding a format. */
    public ReportWriter(Map<String, FileRenderer> renderersByFileName) {
        this.renderers = Map.copyOf(renderersByFileName);
    }

    public static Map<String, FileRenderer> standardRenderers() {
        Map<String, FileRenderer> r = new LinkedHashMap<>();
        r.put("report.html", HtmlReport::write);
        r.put("report.xlsx", ExcelReport::write);
        r.put("findings.csv", CsvReport::writeFindings);
        r.put("costs.csv", CsvReport::writeCosts);
        r.put("analysis.json", (a, out) -> out.write(AnalysisJson.write(a).getBytes(StandardCharsets.UTF_8)));
        return r;
    }

    /** Writes with the standard renderers. */
    public static List<Path> writeAll(Analysis analysis, Path outDir, Set<ReportFormat> formats) throws IOException {
        return new ReportWriter().write(analysis, outDir, formats);
    }

    /**
     * Writes the files of {@code formats} into {@code outDir} (created when missing) and returns their paths, in
     * format order.
     *
     * @throws IOException when a file can not be rendered or written; then no file of this call is left in
     *                     {@code outDir} (should a move itself fail, the files already moved are whole, never partial)
     */
    public List<Path> write(Analysis analysis, Path outDir, Set<ReportFormat> formats) throws IOException {
        Files.createDirectories(outDir);
        List<String> names = new ArrayList<>();
        EnumSet<ReportFormat> ordered = EnumSet.noneOf(ReportFormat.class);
        ordered.addAll(formats);
        for (ReportFormat format : ordered) {
            names.addAll(format.fileNames());
        }
        Map<Path, Path> temps = new LinkedHashMap<>();
        List<Path> moved = new ArrayList<>();
        boolean done = false;
        try {
            for (String name : names) {
                FileRenderer renderer = renderers.get(name);
                if (renderer == null) {
                    throw new IllegalStateException("no renderer for " + name);
                }
                // not createTempFile: its owner-only permissions would stay on the report once moved
                Path temp = outDir.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
                temps.put(temp, outDir.resolve(name));
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                    renderer.render(analysis, out);
                }
            }
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                move(e.getKey(), e.getValue());
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

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
