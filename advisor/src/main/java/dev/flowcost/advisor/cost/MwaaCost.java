package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.Services;
import dev.flowcost.advisor.price.Services.MwaaPart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Amazon MWAA (provisioned): the environment class's hourly fee for every hour the environment exists, whatever it
 * runs, plus extra workers, schedulers and web servers by the hour and metadata storage by the GB-month.
 */
public final class MwaaCost {

    /**
     * Prices for one environment class in one region; mw1.micro has no extra-worker/scheduler/web-server prices
     * (it does not scale), hence the optionals.
     */
    public record Prices(String environmentClass, Rate environment, Optional<Rate> worker, Optional<Rate> scheduler,
                         Optional<Rate> webServer, Rate metadataStorage) {
        public static Prices from(PriceBook book, String region, String environmentClass) {
            return new Prices(environmentClass,
                    Rate.from(book, region, Services.MWAA, Services.mwaa(environmentClass, MwaaPart.ENVIRONMENT)),
                    optional(book, region, Services.mwaa(environmentClass, MwaaPart.WORKER)),
                    optional(book, region, Services.mwaa(environmentClass, MwaaPart.SCHEDULER)),
                    optional(book, region, Services.mwaa(environmentClass, MwaaPart.WEB_SERVER)),
                    Rate.from(book, region, Services.MWAA, Services.METADATA_STORAGE));
        }

        private static Optional<Rate> optional(PriceBook book, String region, String dimension) {
            return book.has(region, Services.MWAA, dimension)
                    ? Optional.of(Rate.from(book, region, Services.MWAA, dimension)) : Optional.empty();
        }
    }

    private MwaaCost() {
    }

    /**
     * Monthly cost of one environment. Extra hours of a part the class cannot have (mw1.micro workers) are a caller
     * bug and throw {@link IllegalArgumentException}; rules should check {@code prices.worker()} first.
     */
    public static CostBreakdown monthly(MwaaUsage usage, Prices prices) {
        if (!usage.environmentClass().equals(prices.environmentClass())) {
            throw new IllegalArgumentException("usage is for " + usage.environmentClass() + " but prices are for "
                    + prices.environmentClass());
        }
        List<CostLine> lines = new ArrayList<>();
        lines.add(prices.environment().line(usage.environmentClass() + " environment", usage.environmentHours()));
        extra(lines, usage.extraWorkerHours(), prices.worker(), "extra workers", usage);
        extra(lines, usage.extraSchedulerHours(), prices.scheduler(), "extra schedulers", usage);
        extra(lines, usage.extraWebServerHours(), prices.webServer(), "extra web servers", usage);
        if (usage.metadataGbMonths().signum() > 0) {
            lines.add(prices.metadataStorage().line("metadata storage", usage.metadataGbMonths()));
        }
        return new CostBreakdown(lines);
    }

    private static void extra(List<CostLine> lines, BigDecimal hours, Optional<Rate> rate, String what, MwaaUsage usage) {
        if (hours.signum() == 0) {
            return;
        }
        Rate r = rate.orElseThrow(() -> new IllegalArgumentException(usage.environmentClass() + " has no price for "
                + what + " (it cannot scale them)"));
        lines.add(r.line(usage.environmentClass() + " " + what, hours));
    }
}
