package dev.flowcost.core.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleCalculatorTest {

    private static double runs(String expression) {
        OptionalDouble r = ScheduleCalculator.runsPerMonth(ScheduleCalculator.parse(expression), 730.0);
        assertThat(r).as(expression).isPresent();
        return r.getAsDouble();
    }

    @ParameterizedTest(name = "{0} -> {1}/month")
    @CsvSource(delimiter = '|', value = {
            "0 * * * *      | 730",
            "*/15 * * * *   | 2920",
            "* * * * *      | 43800",
            "0 0 * * *      | 30.416667",
            "30 2 * * *     | 30.416667",
            "0 */6 * * *    | 121.666667",
            "0 9,17 * * *   | 60.833333",
            "0 0 * * 1      | 4.345238",
            "0 9 * * 1-5    | 21.726190",
            "0 0 * * 0,6    | 8.690476",
            "0 0 * * MON    | 4.345238",
            "0 0 1 * *      | 1",
            "0 0 1,15 * *   | 2",
            "0 0 1 */3 *    | 0.333333",
            "0 0 1 1 *      | 0.083333",
            "0 * 1 * *      | 24",
            "0 0 29 2 *     | 0.020833",
            "0 0 30 2 *     | 0",
            "0 0 1 * 1      | 5.205357"
    })
    void cronRunsPerMonth(String cron, double expected) {
        assertThat(ScheduleCalculator.parse(cron).kind()).isEqualTo(Schedule.Kind.CRON);
        assertThat(runs(cron)).isCloseTo(expected, within(1e-5));
    }

    /** Cron's rule: when both day fields are restricted a day matches either (1st of month OR Monday). */
    @Test
    void restrictedDayOfMonthAndDayOfWeekMatchEither() {
        // 2001-2028: 336 firsts of a month, 1461 Mondays, 48 firsts that are Mondays (counted with Python's calendar)
        assertThat(runs("0 0 1 * 1")).isCloseTo((336 + 1461 - 48) / 336.0, within(1e-9));
    }

    @Test
    void hourlyCronIsExactlyTheHoursInTheMonth() {
        assertThat(runs("0 * * * *")).isEqualTo(730.0);
        assertThat(ScheduleCalculator.runsPerMonth(ScheduleCalculator.parse("0 * * * *"), 744.0).getAsDouble()).isEqualTo(744.0);
    }

    @ParameterizedTest(name = "{0} -> {1}/month")
    @CsvSource(delimiter = '|', value = {
            "@hourly    | 730",
            "@daily     | 30.416667",
            "@midnight  | 30.416667",
            "@weekly    | 4.345238",
            "@monthly   | 1",
            "@quarterly | 0.333333",
            "@yearly    | 0.083333",
            "@annually  | 0.083333",
            "@once      | 0"
    })
    void presetRunsPerMonth(String preset, double expected) {
        assertThat(ScheduleCalculator.parse(preset).kind()).isEqualTo(Schedule.Kind.PRESET);
        assertThat(runs(preset)).isCloseTo(expected, within(1e-5));
    }

    @Test
    void presetAndEquivalentCronAgree() {
        assertThat(runs("@daily")).isCloseTo(runs("0 0 * * *"), within(1e-9));
        assertThat(runs("@weekly")).isCloseTo(runs("0 0 * * 0"), within(1e-9));
        assertThat(runs("@monthly")).isCloseTo(runs("0 0 1 * *"), within(1e-9));
        assertThat(runs("@yearly")).isCloseTo(runs("0 0 1 1 *"), within(1e-9));
    }

    @ParameterizedTest(name = "{0} -> {1}/month")
    @CsvSource(delimiter = '|', value = {
            "timedelta(hours=1)                | 730",
            "timedelta(minutes=30)             | 1460",
            "datetime.timedelta(days=1)        | 30.416667",
            "timedelta(days=1, hours=12)       | 20.277778",
            "timedelta(1)                      | 30.416667",
            "timedelta(weeks=1)                | 4.345238",
            "duration(hours=2)                 | 365",
            "pendulum.duration(minutes=10)     | 4380",
            "timedelta(seconds=86400.0)        | 30.416667",
            "PT1H                              | 730",
            "relativedelta(months=3)           | 0.333333",
            "relativedelta(years=1)            | 0.083333"
    })
    void timedeltaRunsPerMonth(String delta, double expected) {
        assertThat(ScheduleCalculator.parse(delta).kind()).isEqualTo(Schedule.Kind.TIMEDELTA);
        assertThat(runs(delta)).isCloseTo(expected, within(1e-5));
    }

    @Test
    void noneIsZeroAndTriggerOnlyKindsAreEmpty() {
        assertThat(ScheduleCalculator.parse("None")).isEqualTo(Schedule.none());
        assertThat(ScheduleCalculator.parse(null)).isEqualTo(Schedule.none());
        assertThat(ScheduleCalculator.runsPerMonth(Schedule.none(), 730).getAsDouble()).isZero();
        assertThat(ScheduleCalculator.runsPerMonth(ScheduleCalculator.parse("@continuous"), 730)).isEmpty();
        Schedule dataset = ScheduleCalculator.parse("[Dataset(\"s3://bucket/orders\")]");
        assertThat(dataset.kind()).isEqualTo(Schedule.Kind.DATASET);
        assertThat(ScheduleCalculator.runsPerMonth(dataset, 730)).isEmpty();
        assertThat(ScheduleCalculator.parse("Asset(\"s3://x\") | Asset(\"s3://y\")").kind()).isEqualTo(Schedule.Kind.DATASET);
        Schedule timetable = ScheduleCalculator.parse("WorkdayTimetable()");
        assertThat(timetable.kind()).isEqualTo(Schedule.Kind.TIMETABLE);
        assertThat(ScheduleCalculator.runsPerMonth(timetable, 730)).isEmpty();
        assertThat(ScheduleCalculator.runsPerMonth(ScheduleCalculator.parse("relativedelta(months=1, days=2)"), 730)).isEmpty();
        assertThat(ScheduleCalculator.runsPerMonth(null, 730)).isEmpty();
    }

    @Test
    void invalidCronIsEmptyAndExplained() {
        Schedule bad = new Schedule(Schedule.Kind.CRON, "61 * * * *");
        assertThat(ScheduleCalculator.runsPerMonth(bad, 730)).isEmpty();
        assertThat(ScheduleCalculator.explain(bad)).contains("61 * * * *").contains("not a valid");
        assertThat(ScheduleCalculator.runsPerMonth(new Schedule(Schedule.Kind.CRON, "0 0 * *"), 730)).isEmpty();
        assertThat(ScheduleCalculator.parse("every day at noon").kind()).isEqualTo(Schedule.Kind.UNKNOWN);
        assertThat(ScheduleCalculator.parse("@fortnightly").kind()).isEqualTo(Schedule.Kind.UNKNOWN);
    }

    @Test
    void unknownKindIsReclassifiedFromItsText() {
        assertThat(ScheduleCalculator.runsPerMonth(new Schedule(Schedule.Kind.UNKNOWN, "@daily"), 730).getAsDouble())
                .isCloseTo(730.0 / 24, within(1e-9));
        assertThat(ScheduleCalculator.runsPerMonth(new Schedule(Schedule.Kind.UNKNOWN, "soon"), 730)).isEmpty();
    }

    @Test
    void explainSaysWhereRunsComeFrom() {
        assertThat(ScheduleCalculator.explain(ScheduleCalculator.parse("0 * * * *"))).isEqualTo("cron '0 * * * *': 730 runs/month");
        assertThat(ScheduleCalculator.explain(ScheduleCalculator.parse("@daily"))).isEqualTo("preset @daily: 30.4167 runs/month");
        assertThat(ScheduleCalculator.explain(ScheduleCalculator.parse("@once"))).contains("0 runs/month after the first");
        assertThat(ScheduleCalculator.explain(ScheduleCalculator.parse("[Dataset('s3://x')]")))
                .startsWith("dataset-triggered").contains("workload file");
        assertThat(ScheduleCalculator.explain(Schedule.none())).contains("0 scheduled runs/month");
        assertThat(ScheduleCalculator.explain(ScheduleCalculator.parse("timedelta(minutes=30)"))).contains("1460 runs/month");
    }
}
