package dev.flowcost.advisor.analysis;

import dev.flowcost.core.Diagnostic;
import java.util.List;

/**
 * The whole, immutable result of one flowcost run: what was read, what was assumed, what every workflow and
 * environment costs, and what to change. Reports render it and never compute a cost themselves; a spreadsheet can
 * recompute every amount from its {@link CostItem}s, {@link Assumption}s and {@link PriceUsed} rows.
 *
 * @param schemaVersion  version of this structure as JSON ({@link #SCHEMA_VERSION})
 * @param region         AWS region the prices are for
 * @param inputs         the input files read
 * @param workflows      every state machine and DAG analysed, in input order
 * @param environments   MWAA environments from the workload
 * @param credits        account-wide free tiers, applied once per region across all workflows
 * @param findings       recommendations, biggest monthly saving first
 * @param assumptions    every value the numbers depend on that a user may change (executions, items, hours)
 * @param prices         the price rows used, with sources and dates, and whether a user file overrode them
 * @param diagnostics    what the readers and engines reported, as data: each with its severity, stable code and place
 * @param totals         the estate's monthly cost now, after the recommendations, and the saving
 */
public record Analysis(int schemaVersion, String region, List<String> inputs, List<WorkflowAnalysis> workflows,
                       List<EnvironmentAnalysis> environments, List<FreeTierCredit> credits, List<Finding> findings,
                       List<Assumption> assumptions, List<PriceUsed> prices, List<Diagnostic> diagnostics, Totals totals) {

    public static final int SCHEMA_VERSION = 1;

    public Analysis {
        inputs = List.copyOf(inputs);
        workflows = dev.flowcost.core.LazyList.copyOf(workflows);
        environments = List.copyOf(environments);
        credits = List.copyOf(credits);
        findings = dev.flowcost.core.LazyList.copyOf(findings);
        assumptions = List.copyOf(assumptions);
        prices = List.copyOf(prices);
        diagnostics = List.copyOf(diagnostics);
    }
}
