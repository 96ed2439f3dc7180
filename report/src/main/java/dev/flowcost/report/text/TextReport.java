package dev.flowcost.report.text;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.PlanOption;
import dev.flowcost.advisor.analysis.WorkItem;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.report.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * The terminal summary of an analysis: a table per workflow and environment with its components, the findings with
 * the biggest saving first and what to change, and the totals. Plain text; ANSI colours only when asked.
 */
public final class TextReport {

    private static final String BOLD = "\u001b[1m";
    private static final String GREEN = "\u001b[32m";
    private static final String RESET = "\u001b[0m";

    private final boolean colour;
    private final int shown;
    private final StringBuilder out = new StringBuilder(4096);

    private TextReport(boolean colour, int shown) {
        this.colour = colour;
        this.shown = shown;
    }

    /**
     * The summary of a large estate for a terminal: the {@code shown} costliest workflows, the {@code shown} biggest
     * findings and the first {@code shown} diagnostics, each list ending with how many more there are and where
     * they are; everything else (environments, free tiers, totals) whole. An estate within {@code shown} gets
     * {@link #render(Analysis)}'s text.
     */
    public static String summary(Analysis analysis, int shown) {
        if (shown < 1) {
            throw new IllegalArgumentException("shown must be at least 1: " + shown);
        }
        TextReport r = new TextReport(false, shown);
        r.write(analysis);
        return r.out.toString();
    }

    /** The summary without colours. */
    public static String render(Analysis analysis) {
        return render(analysis, false);
    }

    /** The summary, with ANSI colours when {@code colour} is true (a terminal that asked for them). */
    public static String render(Analysis analysis, boolean colour) {
        TextReport r = new TextReport(colour, Integer.MAX_VALUE);
        r.write(analysis);
        return r.out.toString();
    }

    private void write(Analysis a) {
        heading("flowcost — " + a.region());
        List<WorkflowAnalysis> workflows = a.workflows();
        if (workflows.size() > shown) {
            List<WorkflowAnalysis> costliest = new ArrayList<>(workflows);
            costliest.sort(java.util.Comparator.comparing(WorkflowAnalysis::monthlyCost).reversed());
            workflows = costliest.subList(0, shown);
            line("");
            line("the " + shown + " costliest of " + Money.count(java.math.BigDecimal.valueOf(a.workflows().size()))
                    + " workflows (every workflow is in report.html, costs.csv and analysis.json):");
        }
        for (WorkflowAnalysis w : workflows) {
            line("");
            line(bold(clean(w.name())) + "  (" + w.kind().label() + ", " + clean(w.workflowType()) + ", "
                    + Money.count(w.executionsPerMonth()) + " executions/month)");
            table(w.costItems(), Money.usd(w.monthlyCost()));
            w.verdict().ifPresent(v -> line("  verdict: " + clean(v)));
            for (String reason : w.verdictReasons()) {
                line("    why: " + clean(reason));
            }
            if (w.kind() == WorkflowAnalysis.Kind.STATE_MACHINE && !w.defaultsUsed().isEmpty()) {
                // the README promises that every command lists the defaults it used: a number resting on one
                // should say so where it is shown (give the value in the workload to replace it)
                line("  defaults used (set them in the workload file):");
                for (String d : w.defaultsUsed()) {
                    line("    " + clean(d));
                }
            }
        }
        for (EnvironmentAnalysis e : a.environments()) {
            line("");
            line(bold(clean(e.name())) + "  (MWAA environment " + clean(e.environmentClass()) + ", verdict: "
                    + clean(e.verdict()) + ")");
            table(e.costItems(), Money.usd(e.monthlyCost()));
            plans(e);
        }
        if (!a.credits().isEmpty()) {
            line("");
            line(bold("Free tiers"));
            for (FreeTierCredit c : a.credits()) {
                line(String.format("  %-44s %14s", clean(c.component()), Money.usd(c.amount())));
            }
        }
        line("");
        heading("Findings");
        List<Finding> ranked = new ArrayList<>(a.findings());
        ranked.sort(Finding.BIGGEST_SAVING_FIRST);
        if (ranked.isEmpty()) {
            line("  none");
        }
        if (ranked.size() > shown) {
            line("  the " + shown + " biggest of " + ranked.size() + " findings (all are in report.html, findings.csv and "
                    + "analysis.json):");
        }
        int n = 1;
        for (Finding f : ranked.subList(0, Math.min(shown, ranked.size()))) {
            String saving = f.isSaving() ? green("saves " + Money.usd(f.monthlySaving()) + "/month")
                    : "note (no saving)";
            line(String.format("%2d. %s — %s", n++, clean(f.title()), saving));
            line("    " + clean(f.workflow()) + ": " + Money.usd(f.monthlyCostNow()) + " → "
                    + Money.usd(f.monthlyCostAfter()) + " [" + clean(f.rule()) + ", confidence "
                    + f.confidence().name().toLowerCase(java.util.Locale.ROOT) + "]");
            line("    change: " + clean(f.change().summary()));
            for (String blocker : f.blockers()) {
                line("    blocker: " + clean(blocker));
            }
        }
        line("");
        heading("Totals");
        line(String.format("  %-30s %14s", "monthly cost now", Money.usd(a.totals().monthlyCostNow())));
        line(String.format("  %-30s %14s", "after the changes", Money.usd(a.totals().monthlyCostAfter())));
        line(String.format("  %-30s %14s", "monthly saving", green(Money.usd(a.totals().monthlySaving()))));
        if (!a.diagnostics().isEmpty()) {
            line("");
            heading("Diagnostics");
            a.diagnostics().stream().limit(shown).forEach(d -> line("  " + clean(d.render())));
            if (a.diagnostics().size() > shown) {
                line("  ... and " + (a.diagnostics().size() - shown) + " more (all are on stderr above and in "
                        + "analysis.json)");
            }
        }
    }

    /** The environment's plans: each weighed plan on one line, the chosen one's work and the conditions. */
    private void plans(EnvironmentAnalysis e) {
        if (e.plans().isEmpty()) {
            return;
        }
        line("  plans weighed (monthly cost after · saving · work · payback):");
        for (PlanOption p : e.plans()) {
            line(String.format("  %s %-34s %12s %12s %8s h  %s", p.chosen() ? "→" : " ", clean(p.name()),
                    Money.usd(p.monthlyCostAfter()), Money.usd(p.monthlySaving()), WorkItem.trim(p.effortHours()),
                    p.name().equals(PlanOption.KEEP) ? "no work"
                            : p.paybackMonths().map(m -> m.toPlainString() + " months" + (p.paysBack() ? ""
                            : " (beyond the horizon)")).orElse("never pays back")));
        }
        e.chosenPlan().ifPresent(c -> {
            line("  chosen: " + clean(c.description()));
            for (WorkItem w : c.workItems()) {
                line("    work: " + clean(w.sentence()));
            }
        });
        e.conditions().ifPresent(c -> {
            line("  when: " + clean(c.summary()));
            for (String f : c.decidingFeatures()) {
                line("    deciding: " + clean(f));
            }
        });
    }

    private void table(List<CostItem> items, String total) {
        for (CostItem i : items) {
            if (i.isUnreachedTier()) {
                continue;
            }
            line(String.format("  %-44s %22s %14s", clean(i.component()),
                    Money.count(i.billedQuantity()) + " " + clean(i.unit()), Money.usd(i.monthlyAmount())));
        }
        line(String.format("  %-44s %22s %14s", "total", "", total));
    }

    private void heading(String text) {
        line(bold(text));
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private String bold(String s) {
        return colour ? BOLD + s + RESET : s;
    }

    private String green(String s) {
        return colour ? GREEN + s + RESET : s;
    }

    /** Escapes control characters in user strings ({@link dev.flowcost.core.input.TerminalText}, the one sanitiser). */
    static String clean(String s) {
        return dev.flowcost.core.input.TerminalText.escapeLine(s);
    }
}
