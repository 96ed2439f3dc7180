package dev.flowcost.report.csv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

class CsvNeutralisationTest {

    @Test
    void neutralisedTextNeverStartsWithAFormulaCharacter() {
        qt().withExamples(500).forAll(strings().ascii().ofLengthBetween(0, 12)).checkAssert(s -> {
            String cell = CsvReport.text(s);
            assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                    .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
        });
    }

    @Test
    void neutralisingOnlyEverPrefixesAnApostrophe() {
        qt().withExamples(500).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 12)).checkAssert(s -> {
            String cell = CsvReport.text(s);
            assertThat(cell.equals(s) || cell.equals("'" + s)).isTrue();
        });
    }
}
