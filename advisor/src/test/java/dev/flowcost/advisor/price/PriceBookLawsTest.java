package dev.flowcost.advisor.price;

import dev.flowcost.advisor.laws.PriceBookLaws;
import org.junit.jupiter.api.Test;

import static dev.flowcost.advisor.laws.LawChecks.holds;

/** Laws of the price book ({@link PriceBookLaws}): overrides touch only what they name; import, write and load lose nothing. */
class PriceBookLawsTest {

    @Test
    void overridesChangeExactlyTheRowsTheyName() {
        holds(new PriceBookLaws.OverridesChangeOnlyWhatTheyName());
    }

    @Test
    void importWriteLoadRoundTripKeepsEveryRow() {
        holds(new PriceBookLaws.ImportWriteLoadRoundTrip());
    }
}
