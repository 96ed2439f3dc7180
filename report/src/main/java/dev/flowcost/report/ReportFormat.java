package dev.flowcost.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The files a report can be written as, with the names {@link ReportWriter} gives them. */
public enum ReportFormat {
    HTML(List.of("report.html"), 2),
    XLSX(List.of("report.xlsx"), 0),
    CSV(List.of("findings.csv", "costs.csv"), 3),
    JSON(List.of("analysis.json"), 1);

    private final List<String> fileNames;
    /**
     * Where this format's files come when several render side by side, longest first: measured on a 10,000-workflow
     * estate, the workbook takes about as long as report.html's workflows/ pages (which go before every file), then
     * analysis.json, the page and the CSVs.
     */
    private final int renderingRank;

    ReportFormat(List<String> fileNames, int renderingRank) {
        this.fileNames = fileNames;
        this.renderingRank = renderingRank;
    }

    /** The rendering rank of the format writing {@code fileName}; a file no format writes (an extra file) comes last. */
    public static int renderingRank(String fileName) {
        for (ReportFormat f : values()) {
            if (f.fileNames.contains(fileName)) {
                return f.renderingRank;
            }
        }
        return values().length;
    }

    /** The file names this format writes in the output directory. */
    public List<String> fileNames() {
        return fileNames;
    }

    /** The format named {@code name} ("html", "xlsx", "excel", "csv", "json"), ignoring case. */
    public static Optional<ReportFormat> parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("excel")) {
            return Optional.of(XLSX);
        }
        for (ReportFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
