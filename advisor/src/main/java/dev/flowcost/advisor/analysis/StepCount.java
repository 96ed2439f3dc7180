package dev.flowcost.advisor.analysis;

/**
 * What one state (by path, e.g. {@code Fan/Charge}) or task does per execution: where the transitions go.
 *
 * @param path        state path or task id
 * @param type        ASL state type or operator name
 * @param entries     expected entries (state) or task instances (task) per execution
 * @param transitions expected billed transitions per execution (0 for DAG tasks and Express children)
 */
public record StepCount(String path, String type, double entries, double transitions) {
}
