package dev.flowcost.advisor.price;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceBookTest {

    private static final PriceBook BOOK = PriceBook.bundled();
    private static final List<String> PRICING_MD_REGIONS = List.of("us-east-1", "us-east-2", "us-west-2",
            "ca-central-1", "eu-west-1", "eu-central-1", "eu-west-2", "eu-north-1", "ap-southeast-1", "ap-northeast-1",
            "ap-southeast-2", "us-west-1", "sa-east-1", "eu-west-3", "ap-northeast-2", "ap-south-1", "us-gov-west-1",
            "us-gov-east-1");

    @Test
    void bundledBookCoversEveryRegionPricingMdNames() {
        assertThat(BOOK.regions()).containsExactlyInAnyOrderElementsOf(PRICING_MD_REGIONS);
    }

    @Test
    void everyRegionHasEveryPriceTheFormulasAskFor() {
        for (String region : PRICING_MD_REGIONS) {
            for (String[] sd : new String[][] {{"states-standard", "transition"}, {"states-standard", "free-transitions"},
                    {"states-express", "request"}, {"lambda", "request"}, {"lambda", "free-requests"},
                    {"lambda", "free-gb-seconds"}, {"mwaa", "mw1.micro-environment"}, {"mwaa", "mw1.2xlarge-webserver"},
                    {"mwaa", "metadata-storage"}, {"fargate", "vcpu-hour-arm"},
                    {"fargate", "gb-hour-x86"}, {"glue", "dpu-hour"}, {"eventbridge-scheduler", "invocation"},
                    {"eventbridge-scheduler", "free-invocations"}, {"eventbridge", "custom-event"}}) {
                assertThat(BOOK.row(region, sd[0], sd[1]).source()).as(region + "/" + sd[0] + "/" + sd[1]).isNotBlank();
            }
            assertThat(BOOK.tiers(region, "states-express", "duration")).hasSize(3);
            assertThat(BOOK.tiers(region, "lambda", "duration-x86")).hasSize(3);
            assertThat(BOOK.tiers(region, "lambda", "duration-arm")).hasSize(3);
        }
    }

    @Test
    void transitionPricesPerRegionMatchPricingMd() {
        assertThat(BOOK.row("us-east-1", "states-standard", "transition").price()).isEqualByComparingTo("0.000025");
        assertThat(BOOK.row("eu-north-1", "states-standard", "transition").price()).isEqualByComparingTo("0.000025");
        assertThat(BOOK.row("us-west-1", "states-standard", "transition").price()).isEqualByComparingTo("0.0000279");
        assertThat(BOOK.row("sa-east-1", "states-standard", "transition").price()).isEqualByComparingTo("0.0000375");
        assertThat(BOOK.row("eu-west-3", "states-standard", "transition").price()).isEqualByComparingTo("0.0000297");
        assertThat(BOOK.row("ap-northeast-2", "states-standard", "transition").price()).isEqualByComparingTo("0.0000271");
        assertThat(BOOK.row("ap-south-1", "states-standard", "transition").price()).isEqualByComparingTo("0.0000285");
        assertThat(BOOK.row("us-gov-east-1", "states-standard", "transition").price()).isEqualByComparingTo("0.00003");
    }

    @Test
    void mwaaPricesAreRegionalNotOneMultiplier() {
        assertThat(BOOK.row("us-west-2", "mwaa", "mw1.large-worker").price()).isEqualByComparingTo("0.22");
        assertThat(BOOK.row("sa-east-1", "mwaa", "mw1.small-environment").price()).isEqualByComparingTo("0.842490");
        // AWS's sa-east-1 factor is 1.71937, not the 1.72 the book once used
        assertThat(BOOK.row("sa-east-1", "mwaa", "mw1.large-environment").price()).isEqualByComparingTo("1.702174");
        assertThat(BOOK.row("sa-east-1", "mwaa", "metadata-storage").price()).isEqualByComparingTo("0.19");
        assertThat(BOOK.row("us-east-1", "mwaa", "mw1.micro-environment").source()).contains("inferred");
        assertThat(BOOK.has("us-east-1", "mwaa", "mw1.micro-worker")).isFalse();
    }

    @Test
    void everyRowSaysHowSureItIs() {
        assertThat(BOOK.rows()).noneSatisfy(r -> assertThat(r.source()).contains("assumed equal"));
        assertThat(BOOK.row("eu-west-1", "states-express", "request").source()).contains("equal in AWS pricing-page data");
        assertThat(BOOK.row("us-west-2", "mwaa-serverless", "task-hour").source()).startsWith("unconfirmed");
        assertThat(BOOK.row("us-gov-west-1", "mwaa", "mw1.small-environment").source()).startsWith("unconfirmed");
        assertThat(BOOK.row("us-gov-east-1", "eventbridge-scheduler", "invocation").source()).startsWith("unconfirmed");
        assertThat(BOOK.row("ap-northeast-1", "mwaa-serverless", "task-hour").price()).isEqualByComparingTo("0.104");
        assertThat(BOOK.row("ap-northeast-1", "mwaa-serverless", "task-hour").source()).startsWith("third-party");
        assertThat(BOOK.rows()).allSatisfy(r -> assertThat(r.source()).isNotBlank());
    }

    @Test
    void servicesAwsDoesNotOfferInARegionHaveNoRowsThere() {
        for (String region : List.of("us-west-1", "us-gov-west-1", "us-gov-east-1")) {
            assertThat(BOOK.has(region, "mwaa-serverless", "task-hour")).as(region).isFalse();
        }
        assertThat(PRICING_MD_REGIONS.stream().filter(r -> BOOK.has(r, "mwaa-serverless", "task-hour"))).hasSize(15);
    }

    @Test
    void keysAreStableAndIncludeTierStart() {
        assertThat(BOOK.row("us-east-1", "states-standard", "transition").key())
                .isEqualTo("us-east-1/states-standard/transition");
        assertThat(BOOK.tiers("us-east-1", "states-express", "duration")).extracting(PriceRow::key).containsExactly(
                "us-east-1/states-express/duration@0", "us-east-1/states-express/duration@1000",
                "us-east-1/states-express/duration@5000");
    }

    @Test
    void unknownRegionIsNamedNeverAFallback() {
        assertThatThrownBy(() -> BOOK.row("xx-1", "states-standard", "transition"))
                .isInstanceOf(UnknownRegionException.class)
                .hasMessageStartingWith("no prices for region 'xx-1' (known: ")
                .hasMessageContaining("us-east-1");
    }

    @Test
    void missingServiceInAKnownRegionIsNamed() {
        PriceBook small = PriceBook.of(List.of(BOOK.row("us-east-1", "glue", "dpu-hour")));
        assertThatThrownBy(() -> small.row("us-east-1", "states-standard", "transition"))
                .isInstanceOf(MissingPriceException.class).isNotInstanceOf(UnknownRegionException.class)
                .hasMessageContaining("us-east-1").hasMessageContaining("states-standard/transition");
        assertThatThrownBy(() -> BOOK.row("us-east-1", "states-express", "duration"))
                .isInstanceOf(MissingPriceException.class).hasMessageContaining("tiered");
    }

    @Test
    void userOverridesReplaceExactlyTheNamedRowsAndAreRecorded() {
        PriceBookLoader.LoadResult user = PriceBookLoader.load(Path.of("src/test/resources/price/user-overrides-discount.csv"));
        assertThat(user.ok()).isTrue();
        PriceBook overridden = BOOK.overriddenBy(user.rows());
        assertThat(overridden.overriddenKeys()).containsExactly("us-east-1/mwaa/mw1.small-environment",
                "us-east-1/states-standard/transition");
        assertThat(overridden.addedKeys()).isEmpty();
        assertThat(overridden.row("us-east-1", "states-standard", "transition").price()).isEqualByComparingTo("0.00002");
        assertThat(overridden.row("us-east-1", "states-standard", "transition").source()).contains("contract 42");
        assertThat(overridden.row("us-east-2", "states-standard", "transition").price()).isEqualByComparingTo("0.000025");
        assertThat(overridden.rows()).hasSameSizeAs(BOOK.rows());
        assertThat(BOOK.overriddenKeys()).isEmpty();
    }

    @Test
    void aRowForANewRegionIsAddedNotOverridden() {
        PriceRow row = BOOK.row("us-east-1", "glue", "dpu-hour");
        PriceRow elsewhere = new PriceRow("me-south-1", row.service(), row.dimension(), row.unit(), row.price(),
                row.tierStart(), row.tierEnd(), row.effectiveDate(), "user");
        PriceBook book = BOOK.withOverrides(PriceBook.of(List.of(elsewhere)));
        assertThat(book.addedKeys()).containsExactly("me-south-1/glue/dpu-hour");
        assertThat(book.overriddenKeys()).isEmpty();
        assertThat(book.regions()).contains("me-south-1");
    }
    @Test
    void bundledBookHasNoTierProblemsButABrokenOverrideIsNamed() {
        assertThat(BOOK.problems()).isEmpty();
        PriceRow middle = BOOK.tiers("us-east-1", "states-express", "duration").get(1);
        PriceRow shifted = new PriceRow(middle.region(), middle.service(), middle.dimension(), middle.unit(),
                middle.price(), new BigDecimal("2000"), middle.tierEnd(), middle.effectiveDate(), "user");
        PriceBook broken = BOOK.overriddenBy(List.of(shifted));
        assertThat(broken.problems()).anySatisfy(p -> assertThat(p)
                .isEqualTo("us-east-1/states-express/duration: tier us-east-1/states-express/duration@1000 ends at 5000"
                        + " but the next starts at 2000"));
    }

    @Test
    void absurdNumbersAreRejectedAsOutOfRange() {
        PriceBookLoader.LoadResult r = PriceBookLoader.load(new java.io.StringReader(
                "region,service,dimension,unit,price,effective_date\nus-east-1,glue,dpu-hour,DPU-hour,1e999999999,2026-01-01\n"),
                "huge.csv");
        assertThat(r.rows()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("out of range"));
    }
}
