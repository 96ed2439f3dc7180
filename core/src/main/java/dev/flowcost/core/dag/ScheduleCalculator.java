package dev.flowcost.core.dag;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a DAG's schedule into runs per month, the number every DAG cost starts from, and classifies raw schedule
 * text read from any DAG format into a {@link Schedule}.
 *
 * <p>Method for cron strings (UNIX 5-field, evaluated in UTC with cron-utils): a cron match is "the minute and hour
 * fields match" AND "the day fields match", and the two are independent, so the count is (matching minutes per
 * day) × (matching days). When day-of-month and month are both {@code *} the pattern repeats every week, so
 * matching days are counted over one week and the rate is scaled by {@code hoursPerMonth / 168}; this makes
 * {@code 0 * * * *} exactly {@code hoursPerMonth} (730) and {@code 0 0 * * 1} exactly 730/168. Otherwise the
 * pattern is calendar-bound (day of month, month): matching days are counted over the 28 years 2001–2028 (a whole
 * number of weeks and years) and divided by its 336 months, scaled by {@code hoursPerMonth / 730}; so a monthly cron
 * is exactly 1 per 730-hour month and {@code 0 0 1 1 *} is 1/12.
 *
 * <p>Presets: {@code @once} runs once in total, so 0 per month after the first; {@code @continuous} has no fixed
 * rate (empty). Dataset/asset triggers and custom timetables have no rate of their own: the caller takes runs per
 * month from the workload file ({@link #explain(Schedule)} says so). Timedeltas run every fixed interval:
 * {@code hoursPerMonth × 3600 / seconds}; {@code relativedelta(months=n)} runs once every n 730-hour months.
 */
public final class ScheduleCalculator {

    /** Hours in the month flowcost prices by (365 × 24 / 12), the unit AWS pricing pages use. */
    public static final double HOURS_PER_MONTH = 730.0;

    private static final CronParser UNIX_CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final ZonedDateTime WEEK_START = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, ZoneOffset.UTC); // a Monday
    private static final ZonedDateTime CYCLE_START = ZonedDateTime.of(2001, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final ZonedDateTime CYCLE_END = ZonedDateTime.of(2029, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final int CYCLE_MONTHS = 28 * 12;
    private static final Pattern DELTA_ARG = Pattern.compile("(weeks|days|hours|minutes|seconds|milliseconds|microseconds)\\s*=\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)");
    private static final Pattern CALENDAR_ARG = Pattern.compile("\\b(months|years)\\s*=\\s*([0-9]*\\.?[0-9]+)");
    private static final Pattern DELTA_POSITIONAL = Pattern.compile("^\\s*([0-9]*\\.?[0-9]+)\\s*(?:[,)]|$)");

    private ScheduleCalculator() {
    }

    /** Runs per month at the default 730-hour month. */
    public static OptionalDouble runsPerMonth(Schedule schedule) {
        return runsPerMonth(schedule, HOURS_PER_MONTH);
    }

    /**
     * Runs per month implied by {@code schedule}; empty when the schedule alone cannot say (dataset triggers,
     * timetables, {@code @continuous}, invalid cron, unknown text).
     */
    public static OptionalDouble runsPerMonth(Schedule schedule, double hoursPerMonth) {
        if (schedule == null) {
            return OptionalDouble.empty();
        }
        String expr = schedule.expression().trim();
        switch (schedule.kind()) {
            case NONE:
                return OptionalDouble.of(0);
            case CRON:
                return cronRunsPerMonth(expr, hoursPerMonth);
            case PRESET:
                return presetRunsPerMonth(expr, hoursPerMonth);
            case TIMEDELTA:
            {
                OptionalDouble seconds = intervalSeconds(expr);
                if (seconds.isPresent()) {
                    return OptionalDouble.of(hoursPerMonth * 3600.0 / seconds.getAsDouble());
                }
                OptionalDouble months = calendarMonths(expr);
                return months.isPresent() ? OptionalDouble.of(hoursPerMonth / HOURS_PER_MONTH / months.getAsDouble()) : months;
            }
            case UNKNOWN: {
                Schedule again = parse(expr);
                return again.kind() == Schedule.Kind.UNKNOWN ? OptionalDouble.empty() : runsPerMonth(again, hoursPerMonth);
            }
            default:
                return OptionalDouble.empty();
        }
    }

    /** A human note on how runs per month follow from the schedule, at the default 730-hour month. */
    public static String explain(Schedule schedule) {
        return explain(schedule, HOURS_PER_MONTH);
    }

    /** A human note on how runs per month follow from the schedule, e.g. "cron '0 * * * *': 730 runs/month". */
    public static String explain(Schedule schedule, double hoursPerMonth) {
        if (schedule == null) {
            return "no schedule: runs per month come from the workload file";
        }
        String expr = schedule.expression().trim();
        OptionalDouble runs = runsPerMonth(schedule, hoursPerMonth);
        switch (schedule.kind()) {
            case NONE:
                return "schedule None: runs only when triggered manually or by another DAG; 0 scheduled runs/month";
            case DATASET:
                return "dataset-triggered ('" + expr + "'): runs per month come from the workload file";
            case TIMETABLE:
                return "custom timetable ('" + expr + "'): runs per month come from the workload file";
            case CRON:
                if (runs.isEmpty()) {
                    return "cron '" + expr + "' is not a valid 5-field UNIX cron expression: " + cronError(expr)
                            + "; give runs per month in the workload file";
                }
                return "cron '" + expr + "': " + format(runs.getAsDouble()) + " runs/month";
            case PRESET:
                if (expr.equalsIgnoreCase("@once")) {
                    return "@once: one run in total, 0 runs/month after the first";
                }
                if (runs.isEmpty()) {
                    return "preset '" + expr + "' has no fixed rate: runs per month come from the workload file";
                }
                return "preset " + expr + ": " + format(runs.getAsDouble()) + " runs/month";
            case TIMEDELTA:
                if (runs.isEmpty()) {
                    return "interval '" + expr + "' could not be read as a positive duration: runs per month come from the workload file";
                }
                return "every " + expr + ": " + format(runs.getAsDouble()) + " runs/month";
            default:
                if (runs.isPresent()) {
                    return "schedule '" + expr + "': " + format(runs.getAsDouble()) + " runs/month";
                }
                return "schedule '" + expr + "' not understood: runs per month come from the workload file";
        }
    }

    /** Classifies schedule text as written in any DAG format ("0 * * * *", "@daily", "timedelta(hours=1)", ...). */
    public static Schedule parse(String expression) {
        if (expression == null) {
            return Schedule.none();
        }
        String e = expression.trim();
        String l = e.toLowerCase(Locale.ROOT);
        if (e.isEmpty() || l.equals("none") || l.equals("null") || l.equals("~")) {
            return Schedule.none();
        }
        if (l.startsWith("@")) {
            return isPreset(l) ? new Schedule(Schedule.Kind.PRESET, e) : new Schedule(Schedule.Kind.UNKNOWN, e);
        }
        if (l.startsWith("timedelta(") || l.startsWith("datetime.timedelta(") || l.startsWith("duration(")
                || l.startsWith("pendulum.duration(") || l.startsWith("relativedelta(")
                || l.startsWith("dateutil.relativedelta.relativedelta(") || l.matches("p(\\d+d)?(t[0-9.hms]+)?")) {
            return new Schedule(Schedule.Kind.TIMEDELTA, e);
        }
        if (l.contains("dataset") || l.contains("asset") || l.startsWith("[")) {
            return new Schedule(Schedule.Kind.DATASET, e);
        }
        if (l.contains("timetable") || l.matches("[a-z_][\\w.]*\\(.*\\)")) {
            return new Schedule(Schedule.Kind.TIMETABLE, e);
        }
        if (e.split("\\s+").length == 5 && e.matches("[0-9A-Za-z*/,\\-\\s?LW#]+")) {
            return new Schedule(Schedule.Kind.CRON, e);
        }
        return new Schedule(Schedule.Kind.UNKNOWN, e);
    }

    /** The interval in seconds of a timedelta-like expression, when it is a positive duration in fixed units. */
    public static OptionalDouble intervalSeconds(String expression) {
        String e = expression.trim();
        String l = e.toLowerCase(Locale.ROOT);
        if (l.matches("p[0-9t].*")) {
            try {
                Duration d = Duration.parse(e.toUpperCase(Locale.ROOT));
                double s = d.toMillis() / 1000.0;
                return s > 0 ? OptionalDouble.of(s) : OptionalDouble.empty();
            } catch (RuntimeException ex) {
                return OptionalDouble.empty();
            }
        }
        if (l.contains("months") || l.contains("years") || l.contains("month=") || l.contains("year=")) {
            return OptionalDouble.empty(); // calendar units have no fixed length
        }
        int open = e.indexOf('(');
        if (open < 0) {
            return OptionalDouble.empty();
        }
        String args = e.substring(open + 1);
        double seconds = 0;
        boolean any = false;
        Matcher m = DELTA_ARG.matcher(args);
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            seconds += v * unitSeconds(m.group(1));
            any = true;
        }
        if (!any && l.startsWith("timedelta(") || !any && l.startsWith("datetime.timedelta(")) {
            Matcher p = DELTA_POSITIONAL.matcher(args);
            if (p.find()) {
                seconds = Double.parseDouble(p.group(1)) * 86400.0; // timedelta's first positional argument is days
                any = true;
            }
        }
        return any && seconds > 0 && Double.isFinite(seconds) ? OptionalDouble.of(seconds) : OptionalDouble.empty();
    }

    /** Months between runs of {@code relativedelta(months=3)} / {@code relativedelta(years=1)}, with nothing finer. */
    private static OptionalDouble calendarMonths(String expression) {
        Matcher m = CALENDAR_ARG.matcher(expression);
        double months = 0;
        while (m.find()) {
            months += Double.parseDouble(m.group(2)) * (m.group(1).equals("years") ? 12 : 1);
        }
        if (months <= 0 || !Double.isFinite(months) || DELTA_ARG.matcher(expression).find()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(months);
    }

    private static double unitSeconds(String unit) {
        switch (unit) {
            case "weeks":
                return 7 * 86400.0;
            case "days":
                return 86400.0;
            case "hours":
                return 3600.0;
            case "minutes":
                return 60.0;
            case "milliseconds":
                return 0.001;
            case "microseconds":
                return 0.000001;
            default:
                return 1.0;
        }
    }

    private static boolean isPreset(String l) {
        switch (l) {
            case "@once":
            case "@hourly":
            case "@daily":
            case "@midnight":
            case "@weekly":
            case "@monthly":
            case "@quarterly":
            case "@yearly":
            case "@annually":
            case "@continuous":
                return true;
            default:
                return false;
        }
    }

    private static OptionalDouble presetRunsPerMonth(String expr, double hoursPerMonth) {
        switch (expr.toLowerCase(Locale.ROOT)) {
            case "@once":
                return OptionalDouble.of(0);
            case "@hourly":
                return OptionalDouble.of(hoursPerMonth);
            case "@daily":
            case "@midnight":
                return OptionalDouble.of(hoursPerMonth / 24.0);
            case "@weekly":
                return OptionalDouble.of(hoursPerMonth / 168.0);
            case "@monthly":
                return OptionalDouble.of(hoursPerMonth / HOURS_PER_MONTH);
            case "@quarterly":
                return OptionalDouble.of(hoursPerMonth / (3 * HOURS_PER_MONTH));
            case "@yearly":
            case "@annually":
                return OptionalDouble.of(hoursPerMonth / (12 * HOURS_PER_MONTH));
            default:
                return OptionalDouble.empty();
        }
    }

    private static OptionalDouble cronRunsPerMonth(String expr, double hoursPerMonth) {
        String[] f = expr.trim().split("\\s+");
        if (f.length != 5 || cronError(expr) != null) {
            return OptionalDouble.empty();
        }
        try {
            long perDay = count(f[0] + " " + f[1] + " * * *", WEEK_START, WEEK_START.plusDays(1));
            boolean weekly = f[2].equals("*") && f[3].equals("*");
            String dayCron = "0 0 " + f[2] + " " + f[3] + " " + f[4];
            if (weekly) {
                long days = count(dayCron, WEEK_START, WEEK_START.plusWeeks(1));
                return OptionalDouble.of(perDay * days * hoursPerMonth / 168.0);
            }
            long days = count(dayCron, CYCLE_START, CYCLE_END);
            return OptionalDouble.of(perDay * (double) days / CYCLE_MONTHS * hoursPerMonth / HOURS_PER_MONTH);
        } catch (RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** Why a cron string is invalid, or null when it parses. */
    private static String cronError(String expr) {
        try {
            Cron cron = UNIX_CRON.parse(expr.trim());
            cron.validate();
            return null;
        } catch (RuntimeException e) {
            return Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        }
    }

    /** Executions of {@code cron} in [from, to). */
    private static long count(String cron, ZonedDateTime from, ZonedDateTime to) {
        ExecutionTime et = ExecutionTime.forCron(UNIX_CRON.parse(cron));
        long n = 0;
        ZonedDateTime t = from.minusSeconds(1);
        while (true) {
            Optional<ZonedDateTime> next = et.nextExecution(t);
            if (next.isEmpty() || !next.get().isBefore(to)) {
                return n;
            }
            n++;
            t = next.get();
        }
    }

    private static String format(double v) {
        if (v == Math.rint(v)) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    }
}
