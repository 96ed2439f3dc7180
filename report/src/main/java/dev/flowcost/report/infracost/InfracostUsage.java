package dev.flowcost.report.infracost;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.report.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The counts flowcost derived for each Terraform {@code aws_sfn_state_machine}, as an Infracost usage file
 * ({@code infracost-usage.yml}, https://www.infracost.io/docs/features/usage_based_resources/): {@code version: 0.1}
 * and {@code resource_usage} keyed by Terraform address. Infracost's Step Functions resource reads
 * {@code monthly_transitions} (Standard) and {@code monthly_requests}, {@code workflow_duration_ms},
 * {@code memory_mb} (Express), so Infracost users stop typing transitions by hand. Only state machines read from
 * Terraform (named by their address) are written; each value carries a comment saying where it came from.
 */
public final class InfracostUsage {

    /** A Terraform address of a state machine, in the root module or any module (with for_each/count keys). */
    private static final Pattern ADDRESS = Pattern.compile(
            "^(module\\.[A-Za-z0-9_-]+(\\[[^\\]]*\\])?\\.)*aws_sfn_state_machine\\.[A-Za-z0-9_-]+(\\[[^\\]]*\\])?$");
    private static final Pattern PLAIN_KEY = Pattern.compile("^[A-Za-z0-9_.\\-\\[\\]]+$");
    /** Express GB-seconds are billed in 64 MB steps; writing them at 64 MB keeps Infracost's product the same. */
    private static final int EXPRESS_MEMORY_MB = 64;

    private InfracostUsage() {
    }

    /** Whether a workflow name is a Terraform state machine address. */
    public static boolean isTerraformAddress(String name) {
        return ADDRESS.matcher(name).matches();
    }

    /** The usage file for the analysis's Terraform state machines (an empty {@code resource_usage} when none). */
    public static String render(Analysis analysis) {
        List<String> blocks = new ArrayList<>();
        for (WorkflowAnalysis w : analysis.workflows()) {
            if (w.kind() == WorkflowAnalysis.Kind.STATE_MACHINE && isTerraformAddress(w.name())) {
                blocks.add(block(w));
            }
        }
        StringBuilder y = new StringBuilder();
        y.append("# Infracost usage file written by flowcost from its simulation of each state machine.\n")
                .append("# infracost breakdown --path plan.json --usage-file infracost-usage.yml\n")
                .append("version: 0.1\n");
        if (blocks.isEmpty()) {
            y.append("resource_usage: {}  # no aws_sfn_state_machine read from Terraform\n");
            return y.toString();
        }
        y.append("resource_usage:\n");
        blocks.forEach(y::append);
        return y.toString();
    }

    private static String block(WorkflowAnalysis w) {
        StringBuilder y = new StringBuilder();
        y.append("  ").append(key(w.name())).append(":\n");
        BigDecimal executions = w.executionsPerMonth();
        String runs = Money.count(executions) + " executions a month";
        if ("EXPRESS".equals(w.workflowType())) {
            BigDecimal gbSeconds = firstTier(w, "GB-hour").multiply(BigDecimal.valueOf(3600));
            BigDecimal perExecution = executions.signum() == 0 ? BigDecimal.ZERO
                    : gbSeconds.divide(executions, MathContext.DECIMAL64);
            // GB-seconds = duration × memory: at 64 MB the duration is GB-seconds × 16 (× 1,000 for milliseconds)
            long durationMs = perExecution.multiply(BigDecimal.valueOf(1024L * 1000 / EXPRESS_MEMORY_MB))
                    .setScale(0, RoundingMode.CEILING).longValueExact();
            y.append("    monthly_requests: ").append(whole(executions)).append("  # ").append(runs).append('\n');
            y.append("    workflow_duration_ms: ").append(durationMs).append("  # billed duration an execution, as ")
                    .append("flowcost bills it (rounded up to 100 ms), stated at ").append(EXPRESS_MEMORY_MB)
                    .append(" MB\n");
            y.append("    memory_mb: ").append(EXPRESS_MEMORY_MB).append("  # with workflow_duration_ms gives the ")
                    .append(perExecution.round(new MathContext(4)).stripTrailingZeros().toPlainString())
                    .append(" GB-seconds an execution flowcost estimates\n");
        } else {
            BigDecimal transitions = sum(w, "transition");
            BigDecimal perExecution = executions.signum() == 0 ? BigDecimal.ZERO
                    : transitions.divide(executions, MathContext.DECIMAL64);
            y.append("    monthly_transitions: ").append(whole(transitions)).append("  # ")
                    .append(Money.count(perExecution)).append(" transitions an execution (retries and Map ")
                    .append("iterations included) × ").append(runs).append('\n');
        }
        return y.toString();
    }

    /** The monthly quantity of the items in {@code unit}: tiers of one price repeat the quantity, so once each. */
    private static BigDecimal sum(WorkflowAnalysis w, String unit) {
        BigDecimal total = BigDecimal.ZERO;
        for (CostItem item : w.costItems()) {
            if (item.unit().equals(unit) && item.tierStart().signum() == 0) {
                total = total.add(item.monthlyQuantity());
            }
        }
        return total;
    }

    private static BigDecimal firstTier(WorkflowAnalysis w, String unit) {
        return w.costItems().stream().filter(i -> i.unit().equals(unit) && i.tierStart().signum() == 0
                && i.component().startsWith("Express")).map(CostItem::monthlyQuantity).findFirst()
                .orElse(BigDecimal.ZERO);
    }

    private static String whole(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    /** A plain YAML key when it is one, else a double-quoted one with JSON-style escapes. */
    static String key(String address) {
        if (PLAIN_KEY.matcher(address).matches()) {
            return address;
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : address.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
