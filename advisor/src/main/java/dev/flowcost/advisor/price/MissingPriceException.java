package dev.flowcost.advisor.price;

/**
 * Thrown when the price book has no row for what a formula asks: flowcost never falls back silently to another
 * region's or service's price. The message names what is missing so the user can add a row.
 */
public class MissingPriceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MissingPriceException(String message) {
        super(message);
    }
}
