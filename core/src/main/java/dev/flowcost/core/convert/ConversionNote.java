package dev.flowcost.core.convert;

/**
 * Something a user must know about how one DAG task was converted: what was assumed, or what does not carry over.
 *
 * @param taskId   the task it concerns ("" for the DAG as a whole)
 * @param message  what to review or rewrite, in the user's terms
 * @param faithful whether the draft still behaves as the DAG did (false: it needs rewriting to match)
 */
public record ConversionNote(String taskId, String message, boolean faithful) {
    public ConversionNote {
        taskId = taskId == null ? "" : taskId;
    }
}
