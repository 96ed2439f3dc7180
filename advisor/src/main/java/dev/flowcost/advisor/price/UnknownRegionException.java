package dev.flowcost.advisor.price;

import java.util.List;

/** The price book has no rows at all for a region; the message names the region and the known ones. */
public class UnknownRegionException extends MissingPriceException {

    private static final long serialVersionUID = 1L;

    private final String region;

    public UnknownRegionException(String region, List<String> known) {
        super("no prices for region '" + region + "' (known: " + String.join(", ", known) + ")");
        this.region = region;
    }

    public String region() {
        return region;
    }
}
