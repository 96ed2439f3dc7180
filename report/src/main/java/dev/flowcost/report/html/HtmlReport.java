package dev.flowcost.report.html;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Assumption;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.PriceUsed;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.report.KeptCopies;
import dev.flowcost.report.Money;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The analysis as one self-contained HTML page a person reads or prints: inline CSS and SVG, one small inline script
 * of our own (sorting and filtering the table of workflows; it holds no user data) and nothing fetched from the
 * network. Every user string is escaped: by Thymeleaf's {@code th:text} in the page, and by {@link Svg} in the
 * pictures. It formats recorded numbers; it computes none.
 *
 * <p>A large estate stays a page a browser opens: the summary, the environment cards, the top findings and a table
 * of every workflow are always there, the details (costs, counts, graph) of the {@link Options#inlineDetails()}
 * costliest workflows inline, and every other workflow's details on a small page of its own in {@code workflows/}
 * beside it ({@link #writePages}), linked from the table.
 */
public final class HtmlReport {

    private static final TemplateEngine ENGINE = engine();
    /** The page's only script (sorting and filtering the table of workflows): ours, constant, no user data in it. */
    public static final String SCRIPT = resource("templates/workflow-table.js");
    /**
     * What the page may load and run: nothing from anywhere, inline styles and SVG, and the one script above by its
     * hash, so a browser runs no other script even if one got in.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "script-src '" + sha256(SCRIPT) + "'";

    private HtmlReport() {
    }

    /** Workflows and findings shown whole on the page when nothing else is said. */
    public static final int DEFAULT_INLINE_DETAILS = 50;
    /** Diagnostics listed on the page; the rest are counted (analysis.json holds them all). */
    static final int DIAGNOSTICS_SHOWN = 500;
    /** The folder beside report.html that holds the pages of the workflows not shown inline. */
    public static final String PAGES_FOLDER = "workflows";

    /**
     * How the page is laid out.
     *
     * @param inlineDetails how many workflows (the costliest) have their details on the page, and how many findings
     *                      (the biggest savings) are shown whole; the others are in {@code workflows/} and the table
     */
    public record Options(int inlineDetails) {
        public static final Options DEFAULT = new Options(DEFAULT_INLINE_DETAILS);

        public Options {
            if (inlineDetails < 0) {
                throw new IllegalArgumentException("inlineDetails must not be negative: " + inlineDetails);
            }
        }
    }

    /** Writes the page to {@code out} (not closed) in UTF-8. */
    public static void write(Analysis analysis, OutputStream out) throws IOException {
        write(analysis, out, Options.DEFAULT);
    }

    /** Writes the page laid out by {@code options} to {@code out} (not closed) in UTF-8. */
    public static void write(Analysis analysis, OutputStream out, Options options) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ENGINE.process("report", context(analysis, options), writer);
        writer.flush();
    }

    /** The page as a string. */
    public static String render(Analysis analysis) {
        return render(analysis, Options.DEFAULT);
    }

    /** The page laid out by {@code options} as a string. */
    public static String render(Analysis analysis, Options options) {
        return ENGINE.process("report", context(analysis, options));
    }

    /**
     * Writes into {@code folder} (which exists) one page for every workflow not shown inline, named as the table
     * links it; nothing when every workflow is inline. One workflow is read and written at a time.
     */
    public static void writePages(Analysis analysis, java.nio.file.Path folder, Options options) throws IOException {
        Scan scan = Scan.of(analysis);
        Layout layout = Layout.of(scan, options.inlineDetails());
        Map<String, List<Assumption>> assumptionsOf = new java.util.HashMap<>();
        if (layout.paged()) {
            java.util.Set<String> names = new java.util.HashSet<>(scan.names());
            for (Assumption x : analysis.assumptions()) {
                workflowOf(x.key(), names).ifPresent(n -> assumptionsOf.computeIfAbsent(n, k -> new ArrayList<>()).add(x));
            }
        }
        for (int i = 0; i < scan.size(); i++) {
            String page = layout.pages().get(i);
            if (page == null) {
                continue;
            }
            WorkflowAnalysis w = analysis.workflows().get(i);
            Context c = new Context(Locale.ROOT);
            c.setVariable("fmt", HtmlFormat.INSTANCE);
            c.setVariable("region", analysis.region());
            c.setVariable("w", w);
            c.setVariable("counts", w.steps().isEmpty() ? null : CountBars.draw(w));
            c.setVariable("graph", w.graph().nodes().isEmpty() ? null : GraphPicture.draw(w.graph(), w.name(), "arrow-0"));
            List<Finding> findings = new ArrayList<>();
            for (int f : scan.findingsOf(w.name())) {
                findings.add(analysis.findings().get(f));
            }
            c.setVariable("findings", findings);
            c.setVariable("assumptions", assumptionsOf.getOrDefault(w.name(), List.of()));
            try (Writer writer = java.nio.file.Files.newBufferedWriter(folder.resolve(page), StandardCharsets.UTF_8)) {
                ENGINE.process("workflow", c, writer);
            }
        }
    }

    /**
     * What the page needs of every workflow and finding, read in one pass over each list (a large estate's lists are
     * read from disk as they are walked): each workflow's table row, name and cost, each finding's workflow, and
     * the findings ranked by saving, biggest first (stable: the analysis's order on a tie).
     */
    record Scan(List<TableRow> rows, List<String> names, List<BigDecimal> costs,
                Map<String, List<Integer>> findingsByWorkflow, Map<String, BigDecimal> bestSaving,
                List<Integer> rankedFindings) {
        static Scan of(Analysis a) {
            List<TableRow> rows = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<BigDecimal> costs = new ArrayList<>();
            for (WorkflowAnalysis w : KeptCopies.workflows(a)) {
                rows.add(TableRow.of(w));
                names.add(w.name());
                costs.add(w.monthlyCost());
            }
            Map<String, List<Integer>> by = new java.util.HashMap<>();
            Map<String, BigDecimal> best = new java.util.HashMap<>();
            List<BigDecimal> savings = new ArrayList<>();
            int i = 0;
            for (Finding f : KeptCopies.findings(a)) {
                by.computeIfAbsent(f.workflow(), k -> new ArrayList<>()).add(i++);
                best.merge(f.workflow(), f.monthlySaving(), BigDecimal::max);
                savings.add(f.monthlySaving());
            }
            List<Integer> ranked = new ArrayList<>();
            for (int k = 0; k < savings.size(); k++) {
                ranked.add(k);
            }
            ranked.sort((x, y) -> savings.get(y).compareTo(savings.get(x)));
            return new Scan(rows, names, costs, by, best, ranked);
        }

        int size() {
            return names.size();
        }

        List<Integer> findingsOf(String workflow) {
            return findingsByWorkflow.getOrDefault(workflow, List.of());
        }
    }

    /**
     * Which workflows the page shows whole (the {@code inline} costliest, all of them in a small estate) and the page
     * name in {@code workflows/} of each other one (null for the inline ones).
     */
    record Layout(java.util.Set<Integer> inline, List<String> pages) {
        static Layout of(Scan scan, int inlineDetails) {
            int n = scan.size();
            java.util.Set<Integer> inline = new java.util.HashSet<>();
            if (n <= inlineDetails) {
                for (int i = 0; i < n; i++) {
                    inline.add(i);
                }
            } else {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    order.add(i);
                }
                order.sort((x, y) -> scan.costs().get(y).compareTo(scan.costs().get(x))); // stable
                inline.addAll(order.subList(0, inlineDetails));
            }
            List<String> pages = new ArrayList<>();
            java.util.Set<String> used = new java.util.HashSet<>();
            for (int i = 0; i < n; i++) {
                if (inline.contains(i)) {
                    pages.add(null);
                    continue;
                }
                String stem = pageStem(scan.names().get(i));
                String name = stem + ".html";
                for (int k = 2; !used.add(name.toLowerCase(Locale.ROOT)); k++) {
                    name = stem + "-" + k + ".html";
                }
                pages.add(name);
            }
            return new Layout(java.util.Set.copyOf(inline), java.util.Collections.unmodifiableList(pages));
        }

        /** Whether any workflow has a page of its own. */
        boolean paged() {
            return pages.stream().anyMatch(java.util.Objects::nonNull);
        }

        /** A file name any file system takes: letters, digits, dot, dash and underscore, at most 80 of them. */
        static String pageStem(String name) {
            String stem = name.replaceAll("[^A-Za-z0-9._-]", "_");
            if (stem.startsWith(".") || stem.isEmpty()) {
                stem = "_" + stem;
            }
            return stem.length() > 80 ? stem.substring(0, 80) : stem;
        }
    }

    private static String resource(String name) {
        try (java.io.InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The CSP source of a script: 'sha256-' and the Base64 of its UTF-8 text's SHA-256. */
    static String sha256(String script) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + java.util.Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static Context context(Analysis a, Options options) {
        Scan scan = Scan.of(a);
        Layout layout = Layout.of(scan, options.inlineDetails());
        List<Finding> shown = new ArrayList<>();
        for (int i : scan.rankedFindings().subList(0, Math.min(scan.rankedFindings().size(), options.inlineDetails()))) {
            shown.add(a.findings().get(i));
        }
        List<WorkflowAnalysis> inline = new ArrayList<>();
        for (int i = 0; i < scan.size(); i++) {
            if (layout.inline().contains(i)) {
                inline.add(a.workflows().get(i));
            }
        }
        Context c = new Context(Locale.ROOT);
        c.setVariable("fmt", HtmlFormat.INSTANCE);
        c.setVariable("script", SCRIPT);
        c.setVariable("contentSecurityPolicy", CONTENT_SECURITY_POLICY);
        c.setVariable("region", a.region());
        c.setVariable("inputs", a.inputs());
        c.setVariable("totals", a.totals());
        c.setVariable("workflowCount", a.workflows().size());
        c.setVariable("environmentCount", a.environments().size());
        c.setVariable("findingCount", a.findings().size());
        c.setVariable("findings", shown);
        c.setVariable("moreFindings", scan.rankedFindings().size() - shown.size());
        c.setVariable("table", table(scan, layout));
        c.setVariable("workflows", inline);
        c.setVariable("pagedWorkflows", a.workflows().size() - inline.size());
        c.setVariable("environments", a.environments());
        c.setVariable("environmentPlans", a.environments().stream().filter(e -> !e.plans().isEmpty()).toList());
        c.setVariable("credits", a.credits());
        c.setVariable("counts", counts(inline));
        c.setVariable("curves", curves(shown));
        c.setVariable("graphs", graphs(inline));
        List<Assumption> pageAssumptions = pageAssumptions(a, scan, layout);
        c.setVariable("assumptions", pageAssumptions);
        c.setVariable("pagedAssumptions", a.assumptions().size() - pageAssumptions.size());
        c.setVariable("prices", a.prices());
        c.setVariable("diagnostics", a.diagnostics().subList(0, Math.min(a.diagnostics().size(), DIAGNOSTICS_SHOWN)));
        c.setVariable("moreDiagnostics", Math.max(0, a.diagnostics().size() - DIAGNOSTICS_SHOWN));
        return c;
    }

    /**
     * A row of the table of every workflow, as its cells show it (the numbers also as plain values to sort by) and
     * linked to the workflow's details (inline, or its page in workflows/): formatted here, once, because the table
     * has a row for every workflow of the estate.
     */
    public record TableRow(String name, String kind, String type, String executions, String executionsValue,
                           String cost, String costValue, String href, int findings, String saving,
                           String savingValue) {

        static TableRow of(WorkflowAnalysis w) {
            return new TableRow(w.name(), w.kind().label(), w.workflowType(), Money.count(w.executionsPerMonth()),
                    w.executionsPerMonth().toPlainString(), Money.usd(w.monthlyCost()),
                    w.monthlyCost().toPlainString(), "", 0, "", "0");
        }

        TableRow linked(String link, int count, BigDecimal best) {
            return new TableRow(name, kind, type, executions, executionsValue, cost, costValue, link, count,
                    count == 0 ? "" : Money.usd(best), best.toPlainString());
        }
    }

    /** One row per workflow, in input order, linked to its details (inline, or its page in workflows/). */
    private static List<TableRow> table(Scan scan, Layout layout) {
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < scan.size(); i++) {
            String name = scan.names().get(i);
            String href = layout.pages().get(i) == null ? "#" + anchor(name) : PAGES_FOLDER + "/" + layout.pages().get(i);
            rows.add(scan.rows().get(i).linked(href, scan.findingsOf(name).size(),
                    scan.bestSaving().getOrDefault(name, BigDecimal.ZERO)));
        }
        return rows;
    }

    /** The anchor of a workflow's inline details. */
    static String anchor(String name) {
        return "wf-" + Layout.pageStem(name);
    }

    /** A drawing on the page (an SVG the report drew, not a record of the analysis) with its caption and a note. */
    public record Figure(String caption, String note, String svg) {
    }

    private static List<Figure> counts(List<WorkflowAnalysis> shown) {
        List<Figure> figures = new ArrayList<>();
        for (WorkflowAnalysis w : shown) {
            if (!w.steps().isEmpty()) {
                figures.add(new Figure(w.name(), "", CountBars.draw(w)));
            }
        }
        return figures;
    }

    private static List<Figure> curves(List<Finding> shown) {
        List<Figure> figures = new ArrayList<>();
        for (Finding f : shown) {
            f.curve().ifPresent(curve -> {
                String title = f.workflow() + ": " + curve.optionA() + " vs " + curve.optionB();
                figures.add(new Figure(title, curve.breakEvenVolume().map(b -> "break-even at " + Money.count(b) + " "
                        + curve.volumeUnit()).orElse("no break-even in range"), CurveChart.draw(curve, title)));
            });
        }
        return figures;
    }

    private static List<Figure> graphs(List<WorkflowAnalysis> shown) {
        List<Figure> figures = new ArrayList<>();
        int n = 0;
        for (WorkflowAnalysis w : shown) {
            if (!w.graph().nodes().isEmpty()) {
                figures.add(new Figure(w.name(), "", GraphPicture.draw(w.graph(), w.name(), "arrow-" + n++)));
            }
        }
        return figures;
    }

    /**
     * The workflow an assumption is about, when its key starts with one of {@code names} and a dot
     * ({@code orders.Fan.items}); empty for the estate's own ({@code hoursPerMonth}).
     */
    static java.util.Optional<String> workflowOf(String key, java.util.Set<String> names) {
        for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
            if (names.contains(key.substring(0, dot))) {
                return java.util.Optional.of(key.substring(0, dot));
            }
        }
        return java.util.Optional.empty();
    }

    /** The page's assumptions: the estate's and those of the workflows shown inline (a paged one's are on its page). */
    private static List<Assumption> pageAssumptions(Analysis a, Scan scan, Layout layout) {
        if (!layout.paged()) {
            return a.assumptions();
        }
        java.util.Set<String> paged = new java.util.HashSet<>();
        java.util.Set<String> inline = new java.util.HashSet<>();
        for (int i = 0; i < scan.size(); i++) {
            (layout.pages().get(i) == null ? inline : paged).add(scan.names().get(i));
        }
        paged.removeAll(inline); // a name shared by an inline workflow keeps its assumptions on the page
        List<Assumption> shown = new ArrayList<>();
        for (Assumption x : a.assumptions()) {
            if (workflowOf(x.key(), paged).isEmpty()) {
                shown.add(x);
            }
        }
        return shown;
    }
}
