package dev.flowcost.advisor.rule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.simulate.ExactResult;
import dev.flowcost.core.simulate.StateCount;
import dev.flowcost.core.workload.LambdaArchitecture;
import dev.flowcost.core.usage.Resolved;
import dev.flowcost.core.usage.WorkflowUsage;
import dev.flowcost.core.workload.WorkflowType;
import dev.flowcost.core.workload.WorkflowWorkload;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a rule may look at for one state machine: its definition, type, workload, monthly executions, the exact
 * analyzer's counts and the prices of its region. Rules are pure functions of this.
 *
 * @param name               workflow name
 * @param machine            the definition
 * @param type               STANDARD or EXPRESS as it runs today
 * @param workload           its workload entry (defaults when none)
 * @param executionsPerMonth executions a month
 * @param exact              expected counts per execution
 * @param prices             the price book
 * @param region             the region to price in
 * @param definitionBytes    size of the definition (Express memory estimate)
 * @param executionsKey      the assumption key holding executionsPerMonth
 * @param definition         the definition as the user wrote it, which changes edit ({@link ChangeEdits}); not to be
 *                           modified
 * @param limits             the share of simulated executions over each time limit a rule checks ({@link TailLimits})
 * @param usage              the workflow's usage as resolved once in core ({@link WorkflowUsage}): each value the rules
 *                           read, with where it came from
 */
public record StateMachineContext(String name, StateMachine machine, WorkflowType type, WorkflowWorkload workload,
                                  BigDecimal executionsPerMonth, ExactResult exact, PriceBook prices, String region,
                                  long definitionBytes, String executionsKey, JsonNode definition, TailLimits limits,
                                  WorkflowUsage usage) {


    /** The per-execution volume of this workflow. */
    public CostItems.Volume volume() {
        return CostItems.Volume.of(executionsKey, executionsPerMonth);
    }

    /** The volume with a Map's item count as driver. */
    public CostItems.Volume volumeWithItems(String mapPath) {
        return volume().withItems(itemsKey(mapPath), items(mapPath));
    }

    /** Assumption key of a Map's items: {@code <name>.<path>.items}. */
    public String itemsKey(String mapPath) {
        return name + "." + mapPath + ".items";
    }

    /** Mean items of a Map per entry, as {@link WorkflowUsage#items} resolves them. */
    public BigDecimal items(String mapPath) {
        Resolved r = usage.items(mapPath);
        return r.isDefault() ? BigDecimal.valueOf(r.intValue()) : BigDecimal.valueOf(r.value());
    }

    /** Whether the workload gives the Map's items. */
    public boolean itemsGiven(String mapPath) {
        return !usage.items(mapPath).isDefault();
    }

    /** Mean seconds of one attempt of a state, as {@link WorkflowUsage#stateSeconds} resolves them. */
    public double durationSeconds(String path) {
        State s = statesByPath().get(path);
        return usage.stateSeconds(path, s == null ? "" : s.type()).value();
    }

    /** Lambda memory of a Task, as {@link WorkflowUsage#lambdaMemoryMb} resolves it. */
    public int memoryMb(String path) {
        return usage.lambdaMemoryMb(path).intValue();
    }

    /** Architecture of the Lambda a Task invokes: the state's, else the workflow's default, else x86_64. */
    public LambdaArchitecture architecture(String path) {
        return workload.architecture(path);
    }

    /** Whether the workload gives the Task's memory. */
    public boolean memoryGiven(String path) {
        return !usage.lambdaMemoryMb(path).isDefault();
    }

    /** Every state by path ("Fan/Charge" for nested states). */
    public Map<String, State> statesByPath() {
        return StatePaths.of(machine);
    }

    /** The exact counts of a state, or zeros. */
    public StateCount count(String path) {
        StateCount c = exact.states().get(path);
        return c != null ? c : new StateCount(path, 0, 0, 0, 0, StateCount.Billing.PARENT);
    }

    /** Expected transitions per execution of the states nested under {@code path} that the parent execution bills. */
    public double innerParentTransitions(String path) {
        String prefix = path + "/";
        return exact.states().values().stream()
                .filter(c -> c.path().startsWith(prefix) && c.billing() == StateCount.Billing.PARENT)
                .mapToDouble(StateCount::transitions).sum();
    }
}
