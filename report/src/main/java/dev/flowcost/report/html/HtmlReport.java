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
 * The analysis as one self-contained HTML page a person reads or prints: inline CSS and SVG, no script and nothing
 * fetched from the network. Every user string is escaped: by Thymeleaf's {@code th:text} in the page, and by
 * {@link Svg} in the pictures. It formats recorded numbers; it computes none.
 */
public final class HtmlReport {

    private static final TemplateEngine ENGINE = engine();

    private HtmlReport() {
    }

    /** Writes the page to {@code out} (not closed) in UTF-8. */
    public static void write(Analysis analysis, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ENGINE.process("report", context(analysis), writer);
        writer.flush();
    }

    /** The page as a string. */
    public static String render(Analysis analysis) {
        return ENGINE.process("report", context(analysis));
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

    private static Context context(Analysis a) {
        Context c = new Context(Locale.ROOT);
        c.setVariable("region", a.region());
        c.setVariable("inputs", a.inputs());
        c.setVariable("now", Money.usd(a.totals().monthlyCostNow()));
        c.setVariable("after", Money.usd(a.totals().monthlyCostAfter()));
        c.setVariable("saving", Money.usd(a.totals().monthlySaving()));
        c.setVariable("findings", findings(a));
        c.setVariable("workflows", workflows(a));
        c.setVariable("environments", environments(a));
        c.setVariable("environmentPlans", EnvironmentPlanViews.of(a));
        c.setVariable("credits", credits(a));
        c.setVariable("counts", counts(a));
        c.setVariable("curves", curves(a));
        c.setVariable("graphs", graphs(a));
        c.setVariable("assumptions", assumptions(a));
        c.setVariable("prices", prices(a));
        c.setVariable("diagnostics", a.diagnostics());
        return c;
    }

    /** Findings ranked by saving, biggest first (the analysis already ranks them; this keeps the page honest). */
    private static List<Map<String, Object>> findings(Analysis a) {
        List<Finding> ranked = new ArrayList<>(a.findings());
        ranked.sort(Finding.BIGGEST_SAVING_FIRST);
        List<Map<String, Object>> views = new ArrayList<>();
        int rank = 1;
        for (Finding f : ranked) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("rank", rank++);
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
            views.add(v);
        }
        return views;
    }

    private static List<Map<String, Object>> workflows(Analysis a) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (WorkflowAnalysis w : a.workflows()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", w.name());
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
            views.add(v);
        }
        return views;
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

    private static List<Map<String, Object>> counts(Analysis a) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (WorkflowAnalysis w : a.workflows()) {
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

    private static List<Map<String, Object>> curves(Analysis a) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Finding f : a.findings()) {
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

    private static List<Map<String, Object>> graphs(Analysis a) {
        List<Map<String, Object>> views = new ArrayList<>();
        int n = 0;
        for (WorkflowAnalysis w : a.workflows()) {
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
        List<Map<String, Object>> views = new ArrayList<>();
        for (Assumption x : a.assumptions()) {
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
