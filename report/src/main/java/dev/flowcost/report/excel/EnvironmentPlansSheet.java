package dev.flowcost.report.excel;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.PlanOption;
import org.apache.poi.ss.usermodel.CellStyle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Environment plans" sheet: one row per plan weighed for each environment, every cost a live formula. The plan
 * rows sum the plan's cost items (listed below them, quantity × unit price each), the saving is the environment now
 * minus the plan's cost after, the effort cost is hours × the hourly rate, and the payback and the pays-back test are
 * formulas too, so changing a quantity, a price, the hours, the rate or the horizon re-decides the plan. Each
 * formula also stores the value it computes (for viewers that do not recalculate).
 */
final class EnvironmentPlansSheet {

    static final String[] HEADERS = {"Environment", "Plan", "DAGs moving", "Environment now", "Environment after",
        "Moved DAGs", "Cost after", "Monthly saving", "Effort hours", "Hourly rate", "Effort cost", "Payback months",
        "Horizon months", "Pays back", "Chosen"};

    private EnvironmentPlansSheet() {
    }

    /** A plan's part of the items block: its environment items and its moved-DAG items, as row ranges. */
    private record Part(int firstEnv, int lastEnv, int firstMoved, int lastMoved) {
    }

    static void write(SheetWriter s, Analysis a, CellStyle header, CellStyle money, CellStyle price, CellStyle decimal,
                      double hourlyRate, double horizonMonths) {
        List<EnvironmentAnalysis> envs = a.environments().stream().filter(e -> !e.plans().isEmpty()).toList();
        int plans = envs.stream().mapToInt(e -> e.plans().size()).sum();
        s.header(header, HEADERS);
        // the items block starts after the plan rows, a blank row and its own header
        int next = 1 + plans + 2 + 1;
        List<Part> parts = new ArrayList<>();
        for (EnvironmentAnalysis e : envs) {
            for (PlanOption p : e.plans()) {
                int firstEnv = next;
                next += p.environmentItemsAfter().size();
                int firstMoved = next;
                next += p.itemsAfter().size() - p.environmentItemsAfter().size();
                parts.add(new Part(firstEnv, firstMoved - 1, firstMoved, next - 1));
            }
        }
        int k = 0;
        for (EnvironmentAnalysis e : envs) {
            for (PlanOption p : e.plans()) {
                Part part = parts.get(k++);
                s.newRow();
                s.text(0, e.name());
                s.text(1, p.name());
                s.text(2, String.join(", ", p.dagsMoving()));
                s.number(3, e.monthlyCost(), money);
                s.formula(4, sum(part.firstEnv, part.lastEnv), money, p.environmentCostAfter());
                s.formula(5, sum(part.firstMoved, part.lastMoved), money, p.movedDagsCost());
                s.formula(6, s.here(4) + "+" + s.here(5), money, p.monthlyCostAfter());
                s.formula(7, s.here(3) + "-" + s.here(6), money, p.monthlySaving());
                s.number(8, p.effortHours(), decimal);
                s.number(9, hourlyRate, money);
                s.formula(10, s.here(8) + "*" + s.here(9), money, p.effortCost());
                double payback = p.paybackMonths().map(BigDecimal::doubleValue).orElse(-1.0);
                s.formula(11, "IF(" + s.here(7) + ">0," + s.here(10) + "/" + s.here(7) + ",-1)", decimal, payback);
                s.number(12, horizonMonths, decimal);
                String pays = "IF(OR(" + s.here(1) + "=\"" + PlanOption.KEEP + "\",AND(" + s.here(7) + ">0,"
                        + s.here(11) + "<=" + s.here(12) + ")),\"yes\",\"no\")";
                s.formula(13, pays, null, 0).setCellValue(p.paysBack() ? "yes" : "no");
                s.text(14, p.chosen() ? "chosen" : "");
            }
        }
        s.skipRow();
        s.header(header, "Environment", "Plan", "Part", "Component", "Monthly quantity", "Unit price", "Monthly amount");
        for (EnvironmentAnalysis e : envs) {
            for (PlanOption p : e.plans()) {
                List<CostItem> env = p.environmentItemsAfter();
                List<CostItem> moved = p.itemsAfter().subList(env.size(), p.itemsAfter().size());
                items(s, e.name(), p.name(), "environment", env, money, price, decimal);
                items(s, e.name(), p.name(), "moved DAGs", moved, money, price, decimal);
            }
        }
        s.finish(1, HEADERS.length);
    }

    private static void items(SheetWriter s, String env, String plan, String part, List<CostItem> items,
                              CellStyle money, CellStyle price, CellStyle decimal) {
        for (CostItem i : items) {
            s.newRow();
            s.text(0, env);
            s.text(1, plan);
            s.text(2, part);
            s.text(3, i.component());
            s.number(4, i.billedQuantity(), decimal);
            s.number(5, i.unitPrice(), price);
            s.formula(6, s.here(4) + "*" + s.here(5), money, i.billedQuantity().multiply(i.unitPrice()));
        }
    }

    private static String sum(int first, int last) {
        if (last < first) {
            return "0";
        }
        return "SUM(" + SheetWriter.local(6, first) + ":" + SheetWriter.local(6, last) + ")";
    }
}
