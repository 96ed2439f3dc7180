package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.PriceRow;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One untiered unit price as plain numbers, with the price-book key it came from, so formulas stay pure functions of
 * numbers and every line they produce still points at its row.
 */
public record Rate(BigDecimal price, String unit, String priceKey) {

    public Rate {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(priceKey, "priceKey");
    }

    public static Rate of(PriceRow row) {
        return new Rate(row.price(), row.unit(), row.key());
    }

    /** The untiered row of a price; throws {@link dev.flowcost.advisor.price.MissingPriceException} naming what is missing. */
    public static Rate from(PriceBook book, String region, String service, String dimension) {
        return of(book.row(region, service, dimension));
    }

    /** One line billing {@code quantity} at this rate. */
    public CostLine line(String component, BigDecimal quantity) {
        return CostLine.of(component, quantity, unit, price, priceKey);
    }
}
