package dev.flowcost.cli;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.PriceBookLoader;
import dev.flowcost.advisor.price.UnmatchedOverrides;
import dev.flowcost.core.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The {@code --prices} option: the bundled price book, with a user's rows (discounts) overriding it. */
final class PricesOption {
    @Option(names = "--prices", paramLabel = "FILE",
            description = "A flowcost price book CSV whose rows override the bundled ones with the same region, service, "
                    + "dimension and tier (a negotiated discount, say). Reports mark the rows overridden. "
                    + "Same columns as 'flowcost prices --format csv'. Example: --prices my-discounts.csv")
    Path prices;

    PriceBook load(PrintWriter err) {
        PriceBook bundled = PriceBook.bundled();
        if (prices == null) {
            return bundled;
        }
        PriceBookLoader.LoadResult r = PriceBookLoader.load(prices);
        r.diagnostics().stream().filter(d -> !d.isError()).forEach(d -> err.println(d.render()));
        if (!r.ok()) {
            throw new InputException(r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::render)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        UnmatchedOverrides.warnings(bundled, r, prices.toString()).forEach(d -> err.println(d.render()));
        PriceBook book = bundled.overriddenBy(r.rows());
        if (!book.problems().isEmpty()) {
            throw new InputException(prices + ": " + String.join("; ", book.problems()));
        }
        return book;
    }
}
