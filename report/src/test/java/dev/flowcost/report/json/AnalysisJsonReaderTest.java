package dev.flowcost.report.json;

import dev.flowcost.report.SampleAnalyses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

/** The reader turns any broken text into a problem message, never an exception. */
class AnalysisJsonReaderTest {

    private static final String VALID = AnalysisJson.write(SampleAnalyses.seedTrap());

    @Test
    void readerNeverThrowsOnArbitraryText() {
        qt().withExamples(300).forAll(strings().ascii().ofLengthBetween(0, 40)).checkAssert(s -> {
            AnalysisJson.Parsed parsed = AnalysisJson.parse(s);
            assertThat(parsed.analysis().isPresent() ^ parsed.problem().isPresent()).isTrue();
        });
    }

    @Test
    void readerNeverThrowsOnTruncatedOrMutatedAnalyses() {
        qt().withExamples(300).forAll(integers().between(0, VALID.length() - 1), strings().ascii().ofLength(1))
                .checkAssert((cut, replacement) -> {
                    String mutated = VALID.substring(0, cut) + replacement + VALID.substring(cut + 1);
                    AnalysisJson.Parsed parsed = AnalysisJson.parse(mutated);
                    assertThat(parsed.analysis().isPresent() ^ parsed.problem().isPresent()).isTrue();
                    assertThat(AnalysisJson.parse(VALID.substring(0, cut)).problem()).isPresent();
                });
    }
}
