package dev.flowcost.core.simulate.dag;

/**
 * One attempt of one task instance as the simulation scheduled it, kept so tests and debug output can check the
 * schedule (no task starts before its upstreams end).
 *
 * @param taskId      the task
 * @param mapIndex    the mapped instance (0 for unmapped tasks)
 * @param tryNumber   1 for the first attempt, 2 for the first retry, ...
 * @param startSeconds when it first took a worker slot, from the run's start
 * @param endSeconds  when it ended
 * @param slotSeconds worker-slot seconds it held
 * @param succeeded   whether the attempt succeeded
 */
public record TaskAttempt(String taskId, int mapIndex, int tryNumber, double startSeconds, double endSeconds,
                          double slotSeconds, boolean succeeded) {
}
