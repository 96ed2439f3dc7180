package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.dag.TriggerRule;

/**
 * Airflow's trigger-rule evaluation as a pure function of how many upstreams ended in each terminal state, so the
 * simulator and its tests share one table. Like Airflow's scheduler, it decides as early as the counts allow: an
 * all_success task is marked upstream_failed as soon as one upstream fails, not when all are done.
 */
public final class TriggerRules {

    /** What the scheduler does with a task given its upstreams so far. */
    public enum Decision { WAIT, RUN, SKIP, UPSTREAM_FAILED }

    private TriggerRules() {
    }

    /**
     * Decides a task's fate.
     *
     * @param rule           its trigger rule
     * @param upstreams      number of direct upstreams
     * @param success        upstreams that succeeded
     * @param failed         upstreams that failed
     * @param upstreamFailed upstreams that ended upstream_failed
     * @param skipped        upstreams that were skipped
     */
    public static Decision decide(TriggerRule rule, int upstreams, int success, int failed, int upstreamFailed,
                                  int skipped) {
        if (upstreams == 0 || rule == TriggerRule.ALWAYS) {
            return Decision.RUN;
        }
        int done = success + failed + upstreamFailed + skipped;
        boolean allDone = done >= upstreams;
        int anyFailed = failed + upstreamFailed;
        switch (rule) {
            case ALL_SUCCESS:
                if (anyFailed > 0) {
                    return Decision.UPSTREAM_FAILED;
                }
                if (skipped > 0) {
                    return Decision.SKIP;
                }
                return allDone ? Decision.RUN : Decision.WAIT;
            case ALL_FAILED:
                if (success + skipped > 0) {
                    return Decision.SKIP;
                }
                return allDone ? Decision.RUN : Decision.WAIT;
            case ALL_DONE:
            case ALL_DONE_SETUP_SUCCESS:
                return allDone ? Decision.RUN : Decision.WAIT;
            case ALL_DONE_MIN_ONE_SUCCESS:
                if (!allDone) {
                    return Decision.WAIT;
                }
                return success > 0 ? Decision.RUN : Decision.SKIP;
            case ALL_SKIPPED:
                if (success + anyFailed > 0) {
                    return Decision.SKIP;
                }
                return allDone ? Decision.RUN : Decision.WAIT;
            case ONE_SUCCESS:
                if (success > 0) {
                    return Decision.RUN;
                }
                if (!allDone) {
                    return Decision.WAIT;
                }
                return skipped == upstreams ? Decision.SKIP : Decision.UPSTREAM_FAILED;
            case ONE_FAILED:
                if (anyFailed > 0) {
                    return Decision.RUN;
                }
                return allDone ? Decision.SKIP : Decision.WAIT;
            case ONE_DONE:
                if (success + failed > 0) {
                    return Decision.RUN;
                }
                return allDone ? Decision.SKIP : Decision.WAIT;
            case NONE_FAILED:
                if (anyFailed > 0) {
                    return Decision.UPSTREAM_FAILED;
                }
                return allDone ? Decision.RUN : Decision.WAIT;
            case NONE_FAILED_MIN_ONE_SUCCESS:
                if (anyFailed > 0) {
                    return Decision.UPSTREAM_FAILED;
                }
                if (!allDone) {
                    return Decision.WAIT;
                }
                return success > 0 ? Decision.RUN : Decision.SKIP;
            case NONE_SKIPPED:
                if (skipped > 0) {
                    return Decision.SKIP;
                }
                return allDone ? Decision.RUN : Decision.WAIT;
            default:
                return allDone ? Decision.RUN : Decision.WAIT;
        }
    }
}
