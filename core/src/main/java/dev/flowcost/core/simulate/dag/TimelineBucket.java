package dev.flowcost.core.simulate.dag;

/**
 * The environment's load over one slice of the month, for charts and for seeing when it queues.
 *
 * @param startSeconds     start of the slice from the month's start
 * @param meanRunningTasks time-averaged tasks holding worker slots
 * @param peakRunningTasks most tasks holding slots at once
 * @param meanQueuedTasks  time-averaged task attempts ready but not running (slots, pools or limits)
 * @param peakQueuedTasks  most attempts queued at once
 * @param meanWorkers      time-averaged workers
 */
public record TimelineBucket(double startSeconds, double meanRunningTasks, int peakRunningTasks,
                             double meanQueuedTasks, int peakQueuedTasks, double meanWorkers) {
}
