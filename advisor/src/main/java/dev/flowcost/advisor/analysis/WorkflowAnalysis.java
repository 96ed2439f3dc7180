package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One state machine or DAG: what one execution does, what a month of them costs, and where the money goes.
 *
 * @param name               workflow name (state machine file stem, or dag_id)
 * @param kind               state machine or DAG
 * @param file               input file
 * @param workflowType       "STANDARD" or "EXPRESS" for state machines, "MWAA" for DAGs
 * @param executionsPerMonth executions (runs) a month
 * @param executionsKey      the {@link Assumption} key holding executionsPerMonth
 * @param costItems          the billed quantities of its current platform
 * @param monthlyCost        sum of the items' amounts (before account-wide free tiers)
 * @param steps              per state (by path) or task: expected entries/instances and transitions per execution
 * @param graph              nodes and edges, for a picture of the workflow
 * @param alternatives       what it would cost elsewhere (for DAGs: Step Functions, MWAA Serverless)
 * @param verdict            keep/move/hybrid verdict for DAGs, when one was reached
 * @param blockers           what stands in the way of moving it
 * @param defaultsUsed       defaults the engines used for lack of workload values
 * @param verdictReasons     why the verdict is what it is, in numbers a reviewer can check
 */
public record WorkflowAnalysis(String name, Kind kind, String file, String workflowType, BigDecimal executionsPerMonth,
                               String executionsKey, List<CostItem> costItems, BigDecimal monthlyCost,
                               List<StepCount> steps, Graph graph, List<Alternative> alternatives,
                               Optional<String> verdict, List<String> blockers, List<String> defaultsUsed,
                               List<String> verdictReasons) {

    public enum Kind {
        STATE_MACHINE("state-machine"), DAG("dag");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name used in JSON and reports ("state-machine", "dag"). */
        public String label() {
            return label;
        }
    }

    public WorkflowAnalysis {
        costItems = List.copyOf(costItems);
        steps = List.copyOf(steps);
        alternatives = List.copyOf(alternatives);
        blockers = List.copyOf(blockers);
        defaultsUsed = List.copyOf(defaultsUsed);
        verdictReasons = List.copyOf(verdictReasons);
    }

    /** A workflow with no verdict to explain. */
    public WorkflowAnalysis(String name, Kind kind, String file, String workflowType, BigDecimal executionsPerMonth,
                            String executionsKey, List<CostItem> costItems, BigDecimal monthlyCost, List<StepCount> steps,
                            Graph graph, List<Alternative> alternatives, Optional<String> verdict, List<String> blockers,
                            List<String> defaultsUsed) {
        this(name, kind, file, workflowType, executionsPerMonth, executionsKey, costItems, monthlyCost, steps, graph,
                alternatives, verdict, blockers, defaultsUsed, List.of());
    }
}
