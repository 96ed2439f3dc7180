package dev.flowcost.advisor.price;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the rows of a user's price file that override nothing: a key the base book does not have, which no formula
 * would ever ask for (a misspelt dimension, a tier start that is not a tier, a service in a region where the book has
 * none). Such a row would be silently ignored, so each one becomes a warning naming its file and line. A row for a
 * region the base book does not know is a new region, not a typo, when its service, dimension and tier exist elsewhere.
 */
public final class UnmatchedOverrides {

    private UnmatchedOverrides() {
    }

    /** One warning per row of {@code user} whose key matches no row of {@code base}, in file order. */
    public static List<Diagnostic> warnings(PriceBook base, PriceBookLoader.LoadResult user, String file) {
        Set<String> knownRegions = Set.copyOf(base.regions());
        Set<String> shapes = base.rows().stream().map(UnmatchedOverrides::shape).collect(Collectors.toSet());
        List<Diagnostic> out = new ArrayList<>();
        for (int i = 0; i < user.rows().size(); i++) {
            PriceRow row = user.rows().get(i);
            if (base.byKey(row.key()).isPresent()) {
                continue;
            }
            boolean knownRegion = knownRegions.contains(row.region());
            if (!knownRegion && shapes.contains(shape(row))) {
                continue;
            }
            out.add(Diagnostic.warning(DiagnosticCode.PRICE_OVERRIDE_UNMATCHED, file,
                    SourceLocation.ofLine(user.lineOf(i)), "price row " + row.key()
                    + " overrides nothing: the bundled book has no such row (" + hint(base, row, knownRegion)
                    + "); it is added, but no formula asks for it"));
        }
        return out;
    }

    private static String shape(PriceRow r) {
        return r.service() + "/" + r.dimension() + "@" + r.tierStart().toPlainString();
    }

    private static String hint(PriceBook base, PriceRow row, boolean knownRegion) {
        if (!knownRegion) {
            return "no region has " + shape(row);
        }
        if (base.has(row.region(), row.service(), row.dimension())) {
            return "tiers of " + PriceRow.keyOf(row.region(), row.service(), row.dimension()) + " start at "
                    + base.tiers(row.region(), row.service(), row.dimension()).stream().map(PriceRow::tierStart)
                    .map(BigDecimal::toPlainString).collect(Collectors.joining(", "));
        }
        List<String> dimensions = base.rows().stream()
                .filter(r -> r.region().equals(row.region()) && r.service().equals(row.service()))
                .map(PriceRow::dimension).distinct().sorted().toList();
        return dimensions.isEmpty() ? "no " + row.service() + " rows in " + row.region()
                : row.service() + " in " + row.region() + " has " + String.join(", ", dimensions);
    }
}
