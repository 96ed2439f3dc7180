package dev.flowcost.core.simulate;

/**
 * The EXPRESS child executions one Distributed Map starts, per parent execution: Express children are billed as
 * requests and GB-seconds, not as transitions, so the advisor needs their count and duration.
 *
 * @param path                  the Distributed Map's path
 * @param executions            expected child executions per parent execution
 * @param durationSecondsPerChild expected billed duration of one child execution, in seconds
 */
public record ExpressChildGroup(String path, double executions, double durationSecondsPerChild) {
}
