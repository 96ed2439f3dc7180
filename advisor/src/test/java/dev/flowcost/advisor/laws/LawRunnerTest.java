package dev.flowcost.advisor.laws;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.PriceBookLoader;
import dev.flowcost.advisor.price.PriceRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner turns a falsified law into a verdict with the smallest counterexample and the seed that replays it. */
class LawRunnerTest {

    private static final long SEED = 20261203L;

    private static PriceBook withPlantedRow() {
        PriceBookLoader.LoadResult r = PriceBookLoader.load(Path.of("src/test/resources/laws/arm-tier-2-dearer-than-tier-1.csv"));
        assertThat(r.ok()).as(r.diagnostics().toString()).isTrue();
        return PriceBook.bundled().overriddenBy(r.rows());
    }

    @Test
    void aTierInvertingRowFailsTheTierLawWithItsCounterexampleAndSeed() {
        LawRunner runner = new LawRunner(withPlantedRow(), "us-east-1", SEED, Optional.empty());
        LawVerdict v = runner.check(new CostLaws.TieredPricesNeverRise());
        assertThat(v.outcome()).isEqualTo(LawVerdict.Outcome.FAILED);
        assertThat(v.seed()).isEqualTo(SEED);
        assertThat(v.counterexample()).hasValueSatisfying(c -> assertThat(c).contains("lambda/duration-arm"));
        assertThat(v.reason()).hasValueSatisfying(r -> assertThat(r).contains("price of one more unit"));
        // the same seed replays the same counterexample
        assertThat(runner.check(new CostLaws.TieredPricesNeverRise()).counterexample()).isEqualTo(v.counterexample());
        // and the bundled book passes it
        assertThat(new LawRunner(PriceBook.bundled(), "us-east-1", SEED, Optional.empty())
                .check(new CostLaws.TieredPricesNeverRise()).outcome()).isEqualTo(LawVerdict.Outcome.PASSED);
    }

    @Test
    void aDearerMiddleTierOfExpressIsFound() {
        PriceRow tier2 = PriceBook.bundled().tiers("us-east-1", "states-express", "duration").get(1);
        PriceBook gap = PriceBook.bundled().overriddenBy(List.of(new PriceRow(tier2.region(), tier2.service(),
                tier2.dimension(), tier2.unit(), new BigDecimal("5"), tier2.tierStart(), tier2.tierEnd(),
                tier2.effectiveDate(), "planted: $5 a GB-hour in tier 2")));
        LawVerdict v = new LawRunner(gap, "us-east-1", SEED, Optional.of(300)).check(new CostLaws.TieredPricesNeverRise());
        assertThat(v.failed()).isTrue();
        assertThat(v.counterexample().orElseThrow()).contains("states-express/duration");
    }

    @Test
    void aLawAboutAServiceTheRegionLacksIsNotApplicable() {
        Law serverless = new Law() {
            public String name() { return "serverless-priced"; }
            public String description() { return "MWAA Serverless has a price."; }
            public void check(LawContext ctx) {
                dev.flowcost.advisor.cost.MwaaServerlessCost.taskHour(ctx.prices(), ctx.region());
            }
        };
        LawVerdict v = new LawRunner(PriceBook.bundled(), "us-west-1", SEED, Optional.empty()).check(serverless);
        assertThat(v.outcome()).isEqualTo(LawVerdict.Outcome.NOT_APPLICABLE);
        assertThat(v.reason().orElseThrow()).contains("not offered in us-west-1");
    }

    @Test
    void examplesCanBeSetForEveryLaw() {
        LawVerdict v = new LawRunner(PriceBook.bundled(), "us-east-1", SEED, Optional.of(7)).check(new CostLaws.NeverNegative());
        assertThat(v.outcome()).isEqualTo(LawVerdict.Outcome.PASSED);
        assertThat(v.examples()).isEqualTo(7);
    }

    @Test
    void aLawOfOnesOwnIsFoundByServiceLoaderAfterTheBuiltInOnes() {
        Map<String, Law> laws = Laws.discover(getClass().getClassLoader());
        assertThat(laws.keySet()).startsWith(Laws.builtIn().stream().map(Law::name).toArray(String[]::new));
        assertThat(laws).containsKey("transition-under-a-cent");
        assertThat(laws.keySet()).doesNotHaveDuplicates();
        assertThat(Laws.builtIn()).extracting(Law::name).doesNotHaveDuplicates();
        LawVerdict v = new LawRunner(PriceBook.bundled(), "us-east-1", SEED, Optional.empty())
                .check(laws.get("transition-under-a-cent"));
        assertThat(v.outcome()).isEqualTo(LawVerdict.Outcome.PASSED);
    }
}
