package dev.flowcost.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The files a report can be written as, with the names {@link ReportWriter} gives them. */
public enum ReportFormat {
    HTML(List.of("report.html")),
    XLSX(List.of("report.xlsx")),
    CSV(List.of("findings.csv", "costs.csv")),
    JSON(List.of("analysis.json"));

    private final List<String> fileNames;

    ReportFormat(List<String> fileNames) {
        this.fileNames = fileNames;
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
