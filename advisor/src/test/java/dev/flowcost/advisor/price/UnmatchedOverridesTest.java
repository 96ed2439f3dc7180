package dev.flowcost.advisor.price;

import dev.flowcost.core.Diagnostic;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's price row that overrides nothing is a warning naming its file and line, never silently ignored. */
class UnmatchedOverridesTest {

    private static final String HEADER = "region,service,dimension,unit,price,tier_start,tier_end,effective_date,source\n";

    private static List<Diagnostic> warnings(String body) {
        PriceBookLoader.LoadResult r = PriceBookLoader.load(new StringReader(HEADER + body), "mine.csv");
        assertThat(r.ok()).as(r.diagnostics().toString()).isTrue();
        return UnmatchedOverrides.warnings(PriceBook.bundled(), r, "mine.csv");
    }

    @Test
    void rowsThatMatchABundledRowOrAddANewRegionAreQuiet() {
        assertThat(warnings("us-east-1,states-standard,transition,transition,0.00002,0,,2026-11-01,discount\n"
                + "me-south-1,glue,dpu-hour,DPU-hour,0.59,0,,2026-11-01,new region\n"
                + "us-east-1,lambda,duration-arm,GB-second,0.00001,7500000000,18750000000,2026-11-01,discount\n")).isEmpty();
    }

    @Test
    void aMisspeltDimensionIsAWarningWithItsLine() {
        List<Diagnostic> w = warnings("us-east-1,states-standard,transition,transition,0.00002,0,,2026-11-01,ok\n"
                + "us-east-1,states-standard,transiton,transition,0.00002,0,,2026-11-01,typo\n");
        assertThat(w).singleElement().satisfies(d -> {
            assertThat(d.isError()).isFalse();
            assertThat(d.file()).isEqualTo("mine.csv");
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.message()).contains("us-east-1/states-standard/transiton overrides nothing")
                    .contains("free-transitions, transition");
        });
    }

    @Test
    void aTierThatIsNotATierAndAServiceNotOfferedAreWarnings() {
        List<Diagnostic> w = warnings(
                "us-east-1,lambda,duration-arm,GB-second,0.00001,6000000000,15000000000,2026-11-01,old x86 bounds\n"
                + "us-west-1,mwaa-serverless,task-hour,task-hour,0.09,0,,2026-11-01,not offered\n"
                + "mars-1,states-standard,transitions,transition,0.1,0,,2026-11-01,new region and typo\n");
        assertThat(w).extracting(Diagnostic::line).containsExactly(2, 3, 4);
        assertThat(w.get(0).message()).contains("start at 0, 7500000000, 18750000000");
        assertThat(w.get(1).message()).contains("no mwaa-serverless rows in us-west-1");
        assertThat(w.get(2).message()).contains("no region has states-standard/transitions@0");
    }
}
