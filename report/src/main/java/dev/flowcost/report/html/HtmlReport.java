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
            c.setVariable("region", analysis.region());
            c.setVariable("w", workflow(w));
            c.setVariable("counts", w.steps().isEmpty() ? null : CountBars.draw(w));
            c.setVariable("graph", w.graph().nodes().isEmpty() ? null : GraphPicture.draw(w.graph(), w.name(), "arrow-0"));
            List<Map<String, Object>> findings = new ArrayList<>();
            int rank = 1;
            for (int f : scan.findingsOf(w.name())) {
                findings.add(finding(analysis.findings().get(f), rank++));
            }
            c.setVariable("findings", findings);
            c.setVariable("assumptions", assumptions(assumptionsOf.getOrDefault(w.name(), List.of())));
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
    record Scan(List<Map<String, Object>> rows, List<String> names, List<BigDecimal> costs,
                Map<String, List<Integer>> findingsByWorkflow, Map<String, BigDecimal> bestSaving,
                List<Integer> rankedFindings) {
        static Scan of(Analysis a) {
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<BigDecimal> costs = new ArrayList<>();
            for (WorkflowAnalysis w : a.workflows()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("name", w.name());
                v.put("kind", w.kind().label());
                v.put("type", w.workflowType());
                v.put("executions", Money.count(w.executionsPerMonth()));
                v.put("executionsValue", w.executionsPerMonth().toPlainString());
                v.put("cost", Money.usd(w.monthlyCost()));
                v.put("costValue", w.monthlyCost().toPlainString());
                rows.add(v);
                names.add(w.name());
                costs.add(w.monthlyCost());
            }
            Map<String, List<Integer>> by = new java.util.HashMap<>();
            Map<String, BigDecimal> best = new java.util.HashMap<>();
            List<BigDecimal> savings = new ArrayList<>();
            int i = 0;
            for (Finding f : a.findings()) {
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
        c.setVariable("script", SCRIPT);
        c.setVariable("contentSecurityPolicy", CONTENT_SECURITY_POLICY);
        c.setVariable("region", a.region());
        c.setVariable("inputs", a.inputs());
        c.setVariable("now", Money.usd(a.totals().monthlyCostNow()));
        c.setVariable("after", Money.usd(a.totals().monthlyCostAfter()));
        c.setVariable("saving", Money.usd(a.totals().monthlySaving()));
        c.setVariable("workflowCount", a.workflows().size());
        c.setVariable("environmentCount", a.environments().size());
        c.setVariable("findingCount", a.findings().size());
        c.setVariable("findings", findings(shown));
        c.setVariable("moreFindings", scan.rankedFindings().size() - shown.size());
        c.setVariable("table", table(scan, layout));
        c.setVariable("workflows", workflows(inline));
        c.setVariable("pagedWorkflows", a.workflows().size() - inline.size());
        c.setVariable("environments", environments(a));
        c.setVariable("environmentPlans", EnvironmentPlanViews.of(a));
        c.setVariable("credits", credits(a));
        c.setVariable("counts", counts(inline));
        c.setVariable("curves", curves(shown));
        c.setVariable("graphs", graphs(inline));
        List<Assumption> pageAssumptions = pageAssumptions(a, scan, layout);
        c.setVariable("assumptions", assumptions(pageAssumptions));
        c.setVariable("pagedAssumptions", a.assumptions().size() - pageAssumptions.size());
        c.setVariable("prices", prices(a));
        c.setVariable("diagnostics", a.diagnostics().subList(0, Math.min(a.diagnostics().size(), DIAGNOSTICS_SHOWN)));
        c.setVariable("moreDiagnostics", Math.max(0, a.diagnostics().size() - DIAGNOSTICS_SHOWN));
        return c;
    }

    /** One row per workflow, in input order, linked to its details (inline, or its page in workflows/). */
    private static List<Map<String, Object>> table(Scan scan, Layout layout) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < scan.size(); i++) {
            String name = scan.names().get(i);
            Map<String, Object> v = new LinkedHashMap<>(scan.rows().get(i));
            v.put("href", layout.pages().get(i) == null ? "#" + anchor(name) : PAGES_FOLDER + "/" + layout.pages().get(i));
            int count = scan.findingsOf(name).size();
            BigDecimal best = scan.bestSaving().getOrDefault(name, BigDecimal.ZERO);
            v.put("findings", count);
            v.put("saving", count == 0 ? "" : Money.usd(best));
            v.put("savingValue", best.toPlainString());
            rows.add(v);
        }
        return rows;
    }

    /** The anchor of a workflow's inline details. */
    static String anchor(String name) {
        return "wf-" + Layout.pageStem(name);
    }

    /** Findings in the order given (ranked by saving, biggest first), numbered from 1. */
    private static List<Map<String, Object>> findings(List<Finding> ranked) {
        List<Map<String, Object>> views = new ArrayList<>();
        int rank = 1;
        for (Finding f : ranked) {
            views.add(finding(f, rank++));
        }
        return views;
    }

    private static Map<String, Object> finding(Finding f, int rank) {
        {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("rank", rank);
            v.put("rule", f.rule());
            v.put("workflow", f.workflow());
            v.put("targets", String.join(", ", f.targets()));
            v.put("title", f.title());
            v.put("now", Money.usd(f.monthlyCostNow()));
            v.put("after", Money.usd(f.monthlyCostAfter()));
            v.put("saving", Money.usd(f.monthlySaving()));
            v.put("isSaving", f.isSaving());
            v.put("confidence", f.confidence().name().toLowerCase(Locale.ROOT));
            v.put("assumptions", f.assumptions());
            v.put("blockers", f.blockers());
            v.put("changeSummary", f.change().summary());
            v.put("changeContent", f.change().content());
            v.put("changeIsCode", f.change().kind() == Change.Kind.ASL);
            v.put("changeKind", f.change().kind().name());
            return v;
        }
    }

    private static List<Map<String, Object>> workflows(List<WorkflowAnalysis> shown) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (WorkflowAnalysis w : shown) {
            views.add(workflow(w));
        }
        return views;
    }

    private static Map<String, Object> workflow(WorkflowAnalysis w) {
        {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", w.name());
            v.put("anchor", anchor(w.name()));
            v.put("kind", w.kind().label());
            v.put("type", w.workflowType());
            v.put("file", w.file());
            v.put("executions", Money.count(w.executionsPerMonth()));
            v.put("total", Money.usd(w.monthlyCost()));
            v.put("items", items(w.costItems()));
            v.put("verdict", w.verdict().orElse(""));
            v.put("blockers", w.blockers());
            v.put("verdictReasons", w.verdictReasons());
            v.put("defaultsUsed", w.defaultsUsed());
            List<Map<String, Object>> alternatives = new ArrayList<>();
            for (Alternative alt : w.alternatives()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("platform", alt.platform());
                x.put("cost", Money.usd(alt.monthlyCost()));
                x.put("notes", String.join("; ", alt.notes()));
                alternatives.add(x);
            }
            v.put("alternatives", alternatives);
            return v;
        }
    }

    private static List<Map<String, Object>> environments(Analysis a) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (EnvironmentAnalysis e : a.environments()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", e.name());
            v.put("environmentClass", e.environmentClass());
            v.put("dags", String.join(", ", e.dags()));
            v.put("cost", Money.usd(e.monthlyCost()));
            v.put("after", Money.usd(e.monthlyCostAfter()));
            v.put("verdict", e.verdict());
            v.put("items", items(e.costItems()));
            v.put("notes", e.notes());
            views.add(v);
        }
        return views;
    }

    private static List<Map<String, Object>> items(List<CostItem> items) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (CostItem i : items) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("component", i.component());
            v.put("quantity", Money.count(i.billedQuantity()) + " " + i.unit());
            v.put("tier", i.tierEnd().map(end -> Money.count(i.tierStart()) + "–" + Money.count(end))
                    .orElse(i.tierStart().signum() == 0 ? "" : "from " + Money.count(i.tierStart())));
            v.put("unitPrice", price(i.unitPrice()));
            v.put("amount", Money.usd(i.monthlyAmount()));
            views.add(v);
        }
        return views;
    }

    private static List<Map<String, Object>> credits(Analysis a) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (FreeTierCredit c : a.credits()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("component", c.component());
            v.put("used", Money.count(c.usedQuantity()) + " of " + Money.count(c.freeQuantity()));
            v.put("amount", Money.usd(c.amount()));
            views.add(v);
        }
        return views;
    }

    private static List<Map<String, Object>> counts(List<WorkflowAnalysis> shown) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (WorkflowAnalysis w : shown) {
            if (w.steps().isEmpty()) {
                continue;
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", w.name());
            v.put("svg", CountBars.draw(w));
            views.add(v);
        }
        return views;
    }

    private static List<Map<String, Object>> curves(List<Finding> shown) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Finding f : shown) {
            f.curve().ifPresent(curve -> {
                Map<String, Object> v = new LinkedHashMap<>();
                String title = f.workflow() + ": " + curve.optionA() + " vs " + curve.optionB();
                v.put("title", title);
                v.put("breakEven", curve.breakEvenVolume().map(b -> "break-even at " + Money.count(b) + " "
                        + curve.volumeUnit()).orElse("no break-even in range"));
                v.put("svg", CurveChart.draw(curve, title));
                views.add(v);
            });
        }
        return views;
    }

    private static List<Map<String, Object>> graphs(List<WorkflowAnalysis> shown) {
        List<Map<String, Object>> views = new ArrayList<>();
        int n = 0;
        for (WorkflowAnalysis w : shown) {
            if (w.graph().nodes().isEmpty()) {
                continue;
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", w.name());
            v.put("svg", GraphPicture.draw(w.graph(), w.name(), "arrow-" + n++));
            views.add(v);
        }
        return views;
    }

    private static List<Map<String, Object>> assumptions(Analysis a) {
        return assumptions(a.assumptions());
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

    private static List<Map<String, Object>> assumptions(List<Assumption> assumptions) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Assumption x : assumptions) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("key", x.key());
            v.put("description", x.description());
            v.put("value", Money.count(x.value()));
            v.put("unit", x.unit());
            v.put("source", x.source());
            views.add(v);
        }
        return views;
    }

    private static List<Map<String, Object>> prices(Analysis a) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (PriceUsed p : a.prices()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("key", p.key());
            v.put("service", p.service());
            v.put("dimension", p.dimension());
            v.put("unit", p.unit());
            v.put("price", price(p.price()));
            v.put("effective", p.effective());
            v.put("source", p.source());
            v.put("overridden", p.overridden());
            views.add(v);
        }
        return views;
    }

    /** A unit price in full ($0.000025): prices are too small for cents. */
    private static String price(BigDecimal price) {
        return (price.signum() < 0 ? "-$" : "$") + price.abs().stripTrailingZeros().toPlainString();
    }
}
