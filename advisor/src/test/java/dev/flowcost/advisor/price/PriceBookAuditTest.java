package dev.flowcost.advisor.price;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regression net of the bundled book: one test per service checks regions against the tables of
 * {@code PRICE-AUDIT.md} (2026-12-03; AWS pricing-page data published 2025-06, blog and guide pages as cited there).
 * The values below are typed from the audit's tables, not read from the CSV, so an edit that breaks a region fails.
 */
class PriceBookAuditTest {

    private static final PriceBook BOOK = PriceBook.bundled();

    private static void price(String region, String service, String dimension, String expected) {
        assertThat(BOOK.row(region, service, dimension).price()).as(region + "/" + service + "/" + dimension)
                .isEqualByComparingTo(expected);
    }

    private static void tiers(String region, String service, String dimension, String... startEndPrice) {
        List<PriceRow> rows = BOOK.tiers(region, service, dimension);
        assertThat(rows).as(region + "/" + service + "/" + dimension).hasSize(startEndPrice.length / 3);
        for (int i = 0; i < rows.size(); i++) {
            PriceRow r = rows.get(i);
            assertThat(r.tierStart()).as(r.key()).isEqualByComparingTo(startEndPrice[3 * i]);
            String end = startEndPrice[3 * i + 1];
            assertThat(r.tierEnd()).as(r.key()).isEqualTo(end.isEmpty() ? Optional.empty()
                    : Optional.of(new BigDecimal(end).stripTrailingZeros()));
            assertThat(r.price()).as(r.key()).isEqualByComparingTo(startEndPrice[3 * i + 2]);
        }
    }

    /** §2.1: price per 1,000 transitions by region (S1's table, equal to S4), 4,000 free a month everywhere. */
    @Test
    void stepFunctionsStandard() {
        Map<String, String> per1000 = Map.of("us-east-1", "0.0250", "ap-southeast-2", "0.0250", "us-west-1", "0.0279",
                "sa-east-1", "0.0375", "eu-west-3", "0.0297", "ap-northeast-2", "0.0271", "ap-south-1", "0.0285",
                "us-gov-west-1", "0.0300", "us-gov-east-1", "0.0300", "ca-central-1", "0.0250");
        per1000.forEach((region, p) -> {
            price(region, "states-standard", "transition", new BigDecimal(p).movePointLeft(3).toPlainString());
            price(region, "states-standard", "free-transitions", "4000");
        });
    }

    /** §2.2: Express $1 per million requests, $0.06 / $0.03 / $0.01642 per GB-hour at 1,000 and 5,000 GB-hours. */
    @Test
    void stepFunctionsExpress() {
        for (String region : List.of("us-east-1", "eu-west-1", "sa-east-1", "ap-south-1", "us-gov-east-1")) {
            price(region, "states-express", "request", "0.000001");
            tiers(region, "states-express", "duration", "0", "1000", "0.06", "1000", "5000", "0.03", "5000", "", "0.01642");
        }
    }

    /** §3: Lambda tiers, x86 6 B / 15 B and arm64 7.5 B / 18.75 B GB-seconds (S5); free tier (S6). */
    @Test
    void lambda() {
        for (String region : List.of("us-east-1", "eu-west-3", "ap-northeast-1", "sa-east-1", "us-gov-west-1")) {
            price(region, "lambda", "request", "0.0000002");
            tiers(region, "lambda", "duration-x86", "0", "6000000000", "0.0000166667",
                    "6000000000", "15000000000", "0.000015", "15000000000", "", "0.0000133334");
            tiers(region, "lambda", "duration-arm", "0", "7500000000", "0.0000133334",
                    "7500000000", "18750000000", "0.0000120001", "18750000000", "", "0.0000106667");
            price(region, "lambda", "free-requests", "1000000");
            price(region, "lambda", "free-gb-seconds", "400000");
        }
    }

    /**
     * §4.1: environment micro…2xlarge, extra worker (= extra scheduler) and web server small…2xlarge, metadata storage,
     * for the regions that match us-east-1 and for each region AWS prices differently.
     */
    @Test
    void mwaa() {
        String[] base = {"0.29 0.49 0.74 0.99 1.98 3.96", "0.055 0.11 0.22 0.44 0.88", "0.055 0.055 0.11 0.22 0.44", "0.1"};
        mwaaRegion("us-east-1", base);
        mwaaRegion("eu-north-1", base);
        mwaaRegion("ap-southeast-2", base);
        mwaaRegion("us-west-1", "0.333557 0.563597 0.851146 1.138696 2.277392 4.554784",
                "0.063261 0.126522 0.253043 0.506086 1.012172", "0.063261 0.063261 0.126522 0.253043 0.506086", "0.11");
        mwaaRegion("eu-west-2", "0.333557 0.563597 0.851146 1.138696 2.277392 4.554784",
                "0.063261 0.126522 0.253043 0.506086 1.012172", "0.063261 0.063261 0.126522 0.253043 0.506086", "0.1");
        mwaaRegion("ap-northeast-2", "0.333557 0.563597 0.851146 1.138696 2.277392 4.554784",
                "0.063261 0.126522 0.253043 0.506086 1.012172", "0.063261 0.063261 0.126522 0.253043 0.506086", "0.12");
        mwaaRegion("ca-central-1", "0.319229 0.539387 0.814585 1.089783 2.179566 4.359132",
                "0.060543 0.121087 0.242174 0.484348 0.968696", "0.060543 0.060543 0.121087 0.242174 0.484348", "0.11");
        mwaaRegion("eu-west-3", "0.348172 0.588291 0.888439 1.188587 2.377174 4.754348",
                "0.066033 0.132065 0.26413 0.52826 1.05652", "0.066033 0.066033 0.132065 0.26413 0.52826", "0.11");
        mwaaRegion("ap-south-1", "0.304901 0.515178 0.778024 1.04087 2.08174 4.16348",
                "0.057826 0.115652 0.231304 0.462608 0.925216", "0.057826 0.057826 0.115652 0.231304 0.462608", "0.11");
        mwaaRegion("sa-east-1", "0.498617 0.84249 1.272332 1.702174 3.404348 6.808696",
                "0.094565 0.18913 0.378261 0.756522 1.513044", "0.094565 0.094565 0.18913 0.378261 0.756522", "0.19");
        // GovCloud: AWS's MWAA data has no such region; the rows stay, marked unconfirmed
        assertThat(BOOK.row("us-gov-east-1", "mwaa", "mw1.large-worker").source()).startsWith("unconfirmed");
    }

    private static void mwaaRegion(String region, String... table) {
        String[] env = table[0].split(" ");
        String[] worker = table[1].split(" ");
        String[] web = table[2].split(" ");
        List<String> classes = List.of("micro", "small", "medium", "large", "xlarge", "2xlarge");
        for (int i = 0; i < classes.size(); i++) {
            price(region, "mwaa", "mw1." + classes.get(i) + "-environment", env[i]);
            if (i > 0) {
                price(region, "mwaa", "mw1." + classes.get(i) + "-worker", worker[i - 1]);
                price(region, "mwaa", "mw1." + classes.get(i) + "-scheduler", worker[i - 1]);
                price(region, "mwaa", "mw1." + classes.get(i) + "-webserver", web[i - 1]);
            }
        }
        price(region, "mwaa", "metadata-storage", table[3]);
    }

    /** §5: not offered in us-west-1 or GovCloud (S9); priced nowhere by AWS; Tokyo $0.104 from a third party (S11). */
    @Test
    void mwaaServerless() {
        for (String region : List.of("us-west-1", "us-gov-west-1", "us-gov-east-1")) {
            assertThat(BOOK.has(region, "mwaa-serverless", "task-hour")).as(region).isFalse();
        }
        price("ap-northeast-1", "mwaa-serverless", "task-hour", "0.104");
        for (String region : List.of("us-east-1", "us-west-2", "eu-west-3", "sa-east-1", "ca-central-1")) {
            assertThat(BOOK.row(region, "mwaa-serverless", "task-hour").source()).as(region).startsWith("unconfirmed");
        }
    }

    /** §6: Fargate x86 vCPU-h / GB-h, Arm vCPU-h / GB-h by region. */
    @Test
    void fargate() {
        Map<String, String> table = Map.of(
                "us-east-1", "0.04048 0.004445 0.03238 0.00356",
                "eu-west-1", "0.04048 0.004445 0.03238 0.00356",
                "ca-central-1", "0.04456 0.004865 0.03565 0.00389",
                "eu-central-1", "0.04656 0.00511 0.03725 0.00409",
                "eu-north-1", "0.0445 0.0049 0.0356 0.00392",
                "ap-northeast-1", "0.05056 0.00553 0.04045 0.00442",
                "ap-southeast-2", "0.04856 0.00532 0.03885 0.00426",
                "sa-east-1", "0.0696 0.0076 0.0557 0.00612",
                "ap-south-1", "0.04256 0.004655 0.02383 0.00261",
                "us-gov-west-1", "0.0486 0.0053 0.0374304 0.0040866");
        table.forEach((region, row) -> {
            String[] p = row.split(" ");
            price(region, "fargate", "vcpu-hour-x86", p[0]);
            price(region, "fargate", "gb-hour-x86", p[1]);
            price(region, "fargate", "vcpu-hour-arm", p[2]);
            price(region, "fargate", "gb-hour-arm", p[3]);
        });
    }

    /** §6: Glue $0.44 per DPU-hour, $0.69 in sa-east-1. */
    @Test
    void glue() {
        price("us-east-1", "glue", "dpu-hour", "0.44");
        price("eu-west-3", "glue", "dpu-hour", "0.44");
        price("us-gov-east-1", "glue", "dpu-hour", "0.44");
        price("sa-east-1", "glue", "dpu-hour", "0.69");
    }

    /** §6: Scheduler 14 million free invocations a month, then a regional rate; custom events $1 per million. */
    @Test
    void eventBridge() {
        Map<String, String> scheduler = Map.of("us-east-1", "0.000001", "ca-central-1", "0.0000011",
                "eu-central-1", "0.00000115", "eu-north-1", "0.00000109", "ap-southeast-1", "0.00000125",
                "ap-southeast-2", "0.0000012", "sa-east-1", "0.0000017", "ap-south-1", "0.00000105",
                "us-west-1", "0.00000115");
        scheduler.forEach((region, p) -> {
            price(region, "eventbridge-scheduler", "invocation", p);
            price(region, "eventbridge-scheduler", "free-invocations", "14000000");
            price(region, "eventbridge", "custom-event", "0.000001");
        });
        assertThat(BOOK.row("us-gov-west-1", "eventbridge-scheduler", "invocation").source()).startsWith("unconfirmed");
        price("us-gov-west-1", "eventbridge", "custom-event", "0.000001");
    }
}
