package dev.flowcost.advisor.price;

import java.util.List;

/**
 * A service AWS does not offer in a region (the price book has rows for the region but none for the service), so
 * there is nothing to price: said plainly rather than as a missing row or a zero.
 */
public class ServiceNotOfferedException extends MissingPriceException {

    private static final long serialVersionUID = 1L;

    private final String service;
    private final String region;

    public ServiceNotOfferedException(String serviceName, String service, String region, List<String> offeredIn) {
        super(serviceName + " is not offered in " + region + " (the price book prices it in " + String.join(", ", offeredIn)
                + "); if AWS now offers it there, add its row with --prices");
        this.service = service;
        this.region = region;
    }

    /** The flowcost service name ({@link Services}). */
    public String service() {
        return service;
    }

    public String region() {
        return region;
    }
}
