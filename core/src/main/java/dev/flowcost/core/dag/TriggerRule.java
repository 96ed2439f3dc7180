package dev.flowcost.core.dag;

import java.util.Locale;
import java.util.Optional;

/** Airflow trigger rules: when a task runs given the states of its upstream tasks. */
public enum TriggerRule {
    ALL_SUCCESS, ALL_FAILED, ALL_DONE, ALL_SKIPPED, ONE_SUCCESS, ONE_FAILED, ONE_DONE, NONE_FAILED,
    NONE_FAILED_MIN_ONE_SUCCESS, NONE_SKIPPED, ALWAYS, ALL_DONE_SETUP_SUCCESS, ALL_DONE_MIN_ONE_SUCCESS;

    /** Airflow's spelling ("all_success"). */
    public String airflowName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "all_success", "TriggerRule.ALL_SUCCESS" or "ALL_SUCCESS"; also the old name "none_failed_or_skipped". */
    public static Optional<TriggerRule> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim();
        int dot = t.lastIndexOf('.');
        if (dot >= 0) {
            t = t.substring(dot + 1);
        }
        t = t.replace("\"", "").replace("'", "").toUpperCase(Locale.ROOT);
        if (t.equals("NONE_FAILED_OR_SKIPPED")) {
            return Optional.of(NONE_FAILED_MIN_ONE_SUCCESS);
        }
        if (t.equals("DUMMY")) {
            return Optional.of(ALWAYS);
        }
        try {
            return Optional.of(valueOf(t));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
