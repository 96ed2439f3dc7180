package dev.flowcost.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.report.html.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html's workflows/ folder is staged and committed with the files: replaced whole, or not at all. */
class ReportPagesFolderTest {

    private final Analysis many = SampleAnalyses.many(12);
    private final HtmlReport.Options fewInline = new HtmlReport.Options(2);

    @TempDir
    Path dir;

    private List<Path> write(Analysis a, Map<String, ReportWriter.FileRenderer> renderers, HtmlReport.Options html)
            throws IOException {
        return ReportWriter.write(a, dir, EnumSet.allOf(ReportFormat.class), renderers, Map.of(),
                ReportWriter.pagesFolder(html));
    }

    private List<String> pages() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("workflows"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void theFolderHoldsAPageForEveryWorkflowNotInlineAndTheTableLinksThem() throws IOException {
        List<Path> written = write(many, ReportWriter.standardRenderers(fewInline), fewInline);
        assertThat(written).contains(dir.resolve("workflows"));
        assertThat(pages()).hasSize(many.workflows().size() - 2);
        String html = Files.readString(dir.resolve("report.html"));
        for (String page : pages()) {
            assertThat(html).contains("href=\"workflows/" + page + "\"");
            assertThat(Files.readString(dir.resolve("workflows").resolve(page))).doesNotContain("<script");
        }
    }

    @Test
    void aLaterRunReplacesTheFolderWholeOrRemovesItWhenNoPageIsLeft() throws IOException {
        write(many, ReportWriter.standardRenderers(fewInline), fewInline);
        Path stray = Files.writeString(dir.resolve("workflows").resolve("gone.html"), "from an older run");
        write(many, ReportWriter.standardRenderers(fewInline), fewInline);
        assertThat(stray).doesNotExist();
        assertThat(pages()).hasSize(many.workflows().size() - 2);
        HtmlReport.Options allInline = new HtmlReport.Options(1000);
        write(many, ReportWriter.standardRenderers(allInline), allInline);
        assertThat(dir.resolve("workflows")).doesNotExist();
    }

    @Test
    void aFailureLeavesThePreviousFilesAndFolderWhole() throws IOException {
        write(many, ReportWriter.standardRenderers(fewInline), fewInline);
        List<String> before = pages();
        String html = Files.readString(dir.resolve("report.html"));
        Map<String, ReportWriter.FileRenderer> failing = new LinkedHashMap<>(ReportWriter.standardRenderers(fewInline));
        failing.put("analysis.json", (a, out) -> {
            throw new IOException("disk full");
        });
        assertThatThrownBy(() -> write(SampleAnalyses.many(20), failing, new HtmlReport.Options(1)))
                .hasMessage("disk full");
        assertThat(pages()).isEqualTo(before);
        assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo(html);
    }

    @Test
    void aFolderFlowcostDidNotWriteIsNeverReplacedOrRemoved() throws IOException {
        Path theirs = Files.createDirectories(dir.resolve("workflows"));
        Files.writeString(theirs.resolve("notes.md"), "a team's own folder");
        // no page needed: the folder is left alone
        HtmlReport.Options allInline = new HtmlReport.Options(1000);
        write(many, ReportWriter.standardRenderers(allInline), allInline);
        assertThat(theirs.resolve("notes.md")).hasContent("a team's own folder");
        // pages needed: the run fails naming the folder, and writes nothing
        Files.delete(dir.resolve("report.html"));
        assertThatThrownBy(() -> write(many, ReportWriter.standardRenderers(fewInline), fewInline))
                .isInstanceOf(java.nio.file.FileSystemException.class).hasMessageContaining("workflows")
                .hasMessageContaining("did not write");
        assertThat(theirs.resolve("notes.md")).hasContent("a team's own folder");
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    @Test
    void aPagedWorkflowsAssumptionsAreOnItsPageAndTheMainPageKeepsTheRest() throws IOException {
        List<dev.flowcost.advisor.analysis.Assumption> assumptions = new java.util.ArrayList<>(many.assumptions());
        for (dev.flowcost.advisor.analysis.WorkflowAnalysis w : many.workflows()) {
            assumptions.add(new dev.flowcost.advisor.analysis.Assumption(w.name() + ".Fan.items", "items of " + w.name(),
                    java.math.BigDecimal.TEN, "item", "workload w.yaml:3"));
        }
        Analysis a = new Analysis(many.schemaVersion(), many.region(), many.inputs(), many.workflows(),
                many.environments(), many.credits(), many.findings(), assumptions, many.prices(), many.diagnostics(),
                many.totals());
        write(a, ReportWriter.standardRenderers(fewInline), fewInline);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(Files.readString(dir.resolve("report.html")));
        String shown = page.getElementById("assumptions").text();
        int onPage = 0;
        for (dev.flowcost.advisor.analysis.WorkflowAnalysis w : a.workflows()) {
            boolean paged = page.select("#workflow-table a[href=workflows/" + w.name() + ".html]").size() == 1;
            assertThat(shown.contains(w.name() + ".Fan.items")).as(w.name()).isEqualTo(!paged);
            if (paged) {
                assertThat(Files.readString(dir.resolve("workflows").resolve(w.name() + ".html")))
                        .contains(w.name() + ".Fan.items");
            } else {
                onPage++;
            }
        }
        assertThat(onPage).isEqualTo(2);
        assertThat(shown).contains("orders.executionsPerMonth"); // the seed's own stay on the page
    }
}
