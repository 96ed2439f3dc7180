package dev.flowcost.core.workload;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The workload's migration: section: rate, horizon and effort hours, with their lines, and bad keys named. */
class MigrationSettingsTest {

    private static WorkloadReadResult read(String text) {
        return new WorkloadReader().read("w.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenKeysWinAndCarryTheirLineTheRestAreDefaults() {
        WorkloadReadResult r = read("region: us-east-1\nmigration:\n  hourlyRate: 80\n  horizonMonths: 6\n"
                + "  effortHours:\n    lambdaTask: 4\n");
        MigrationSettings m = r.workload().orElseThrow().migration();
        assertThat(m.rate()).isEqualTo(80);
        assertThat(m.horizon()).isEqualTo(6);
        assertThat(m.hours("lambdaTask")).isEqualTo(4);
        assertThat(m.hours("cutover")).isEqualTo(MigrationSettings.DEFAULT_EFFORT_HOURS.get("cutover"));
        assertThat(m.source("hourlyRate")).isEqualTo("workload w.yaml:3:3");
        assertThat(m.source("effortHours.lambdaTask")).startsWith("workload w.yaml:6:");
        assertThat(m.source("effortHours.cutover")).isEqualTo("default");
    }

    @Test
    void noSectionMeansEveryDefault() {
        MigrationSettings m = read("region: us-east-1\n").workload().orElseThrow().migration();
        assertThat(m.rate()).isEqualTo(MigrationSettings.DEFAULT_HOURLY_RATE);
        assertThat(m.horizon()).isEqualTo(12);
        assertThat(m.source("horizonMonths")).isEqualTo("default");
    }

    @Test
    void anUnknownKindIsAWarningWithTheClosestNameAndABadValueAnError() {
        WorkloadReadResult r = read("migration:\n  effortHours:\n    lamdaTask: 4\n  horizonMonths: -1\n");
        assertThat(r.diagnostics()).anyMatch(d -> !d.isError() && d.render().contains("w.yaml:3:")
                && d.render().contains("lamdaTask") && d.render().contains("did you mean \"lambdaTask\""));
        assertThat(r.diagnostics()).anyMatch(d -> d.isError() && d.render().contains("horizonMonths"));
    }
}
