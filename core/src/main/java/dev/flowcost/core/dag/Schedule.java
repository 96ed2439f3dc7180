package dev.flowcost.core.dag;

/**
 * A DAG's schedule as written: a cron string, a preset such as {@code @daily}, a timedelta, dataset/asset
 * triggers, a named timetable, or none. Runs per month are derived elsewhere.
 *
 * @param kind       what sort of schedule it is
 * @param expression the text as written ("0 * * * *", "@daily", "timedelta(hours=1)", "Dataset(...)", ...)
 */
public record Schedule(Kind kind, String expression) {

    public enum Kind { CRON, PRESET, TIMEDELTA, DATASET, TIMETABLE, NONE, UNKNOWN }

    public Schedule {
        expression = expression == null ? "" : expression;
    }

    public static Schedule none() {
        return new Schedule(Kind.NONE, "None");
    }
}
