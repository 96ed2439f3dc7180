package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code flowcost laws} through the command line. The pricing laws ({@code --pricing}) isolate the price book from the
 * advice rules, so a planted bad row is what fails, whatever the rules do.
 */
class LawsCommandTest {

    private static final String PLANTED = CliRun.fixture("laws/arm-tier-2-dearer-than-tier-1.csv");

    @Test
    void thePricingLawsHoldOnTheBundledBook() {
        CliRun r = CliRun.of("laws", "--pricing", "--seed", "7", "--region", "eu-west-3");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("seed 7").contains("PASS  cost-never-negative").contains("PASS  tiered-prices-never-rise")
                .doesNotContain("FAIL").contains("0 failed");
    }

    @Test
    void everyLawHoldsOnTheBundledBookAtAFixedSeed() {
        CliRun r = CliRun.of("laws", "--seed", "7", "--examples", "5");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS  express-within-its-limit").contains("PASS  chosen-plan-never-costs-more-than-keeping")
                .doesNotContain("FAIL");
    }

    @Test
    void aPlantedTierInvertingRowFailsWithItsCounterexampleAndReplaySeed() {
        CliRun r = CliRun.of("laws", "--pricing", "--prices", PLANTED, "--seed", "7");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  tiered-prices-never-rise")
                .contains("smallest counterexample: {lambda/duration-arm")
                .contains("replay: flowcost laws --law tiered-prices-never-rise --seed 7 --region us-east-1 --prices " + PLANTED)
                .contains("1 failed");
        String counterexample = r.out().lines().filter(l -> l.contains("smallest counterexample")).findFirst().orElseThrow();
        CliRun replay = CliRun.of("laws", "--law", "tiered-prices-never-rise", "--seed", "7", "--region", "us-east-1",
                "--prices", PLANTED);
        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(replay.out()).contains(counterexample);
    }

    @Test
    void jsonNamesEachLawsOutcomeAndSeed() {
        CliRun r = CliRun.of("laws", "--law", "tiered-prices-never-rise", "--law", "cost-never-negative", "--prices", PLANTED,
                "--seed", "11", "--format", "json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().get("seed").asLong()).isEqualTo(11);
        assertThat(r.json().get("laws").get(0).get("outcome").asText()).isEqualTo("failed");
        assertThat(r.json().get("laws").get(0).get("replay").asText()).contains("--seed 11");
        assertThat(r.json().get("laws").get(1).get("outcome").asText()).isEqualTo("passed");
        assertThat(r.json().get("failed").asInt()).isEqualTo(1);
    }

    @Test
    void aNegativePriceIsAnInputErrorNamingFileAndLine() {
        CliRun r = CliRun.of("laws", "--pricing", "--prices", CliRun.fixture("laws/negative-transition-price.csv"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("negative-transition-price.csv:2").contains("negative");
    }

    @Test
    void badNamesAreUsageOrInputErrors() {
        CliRun unknownLaw = CliRun.of("laws", "--law", "no-such-law");
        assertThat(unknownLaw.exitCode()).isEqualTo(2);
        assertThat(unknownLaw.err()).contains("unknown law 'no-such-law'").contains("cost-never-negative");
        CliRun unknownRegion = CliRun.of("laws", "--region", "mars-north-1");
        assertThat(unknownRegion.exitCode()).isEqualTo(3);
        assertThat(unknownRegion.err()).contains("mars-north-1");
        CliRun noJar = CliRun.of("laws", "--law-jar", "no-such.jar", "--list");
        assertThat(noJar.exitCode()).isEqualTo(3);
    }

    @Test
    void listShowsEveryLawWithWhatItSays() {
        CliRun r = CliRun.of("laws", "--list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("cost-never-negative").contains("saving-is-now-minus-after")
                .contains("express-within-its-limit").contains("volume discounts");
    }

    @Test
    void pricesOfARegionShowTheAuditedRows() {
        CliRun eu = CliRun.of("prices", "--region", "eu-west-3", "--format", "csv");
        assertThat(eu.out()).contains("eu-west-3,mwaa,mw1.small-environment,hour,0.588291,");
        CliRun arm = CliRun.of("prices", "--region", "us-east-1");
        assertThat(arm.out()).containsPattern("duration-arm +GB-second +0\\.0000120001 +7500000000–18750000000");
        CliRun west = CliRun.of("prices", "--region", "us-west-1");
        assertThat(west.exitCode()).isZero();
        assertThat(west.out()).doesNotContain("mwaa-serverless");
    }

    @Test
    void aPriceRowThatOverridesNothingIsAWarning() throws java.io.IOException {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("typo", ".csv");
        java.nio.file.Files.writeString(csv, "region,service,dimension,unit,price,tier_start,tier_end,effective_date,source\n"
                + "us-east-1,states-standard,transiton,transition,0.00002,0,,2026-11-01,typo\n");
        CliRun r = CliRun.of("prices", "--region", "us-east-1", "--prices", csv.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains(csv + ":2").contains("overrides nothing");
        java.nio.file.Files.delete(csv);
    }
}
