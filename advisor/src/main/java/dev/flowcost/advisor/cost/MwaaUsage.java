package dev.flowcost.advisor.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one MWAA environment bills in a month, as plain numbers: hours the environment exists, and hours of the
 * workers, schedulers and web servers beyond those the base fee includes (1 worker, 2 schedulers, 2 web servers),
 * plus metadata storage.
 */
public record MwaaUsage(String environmentClass, BigDecimal environmentHours, BigDecimal extraWorkerHours,
                        BigDecimal extraSchedulerHours, BigDecimal extraWebServerHours, BigDecimal metadataGbMonths) {

    /** Hours in a billing month as AWS's monthly figures use them. */
    public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);
    /** Schedulers the base fee includes. */
    public static final int INCLUDED_SCHEDULERS = 2;
    /** Workers the base fee includes. */
    public static final int INCLUDED_WORKERS = 1;
    /** Web servers the base fee includes. */
    public static final int INCLUDED_WEB_SERVERS = 2;

    public MwaaUsage {
        Objects.requireNonNull(environmentClass, "environmentClass");
        for (BigDecimal v : new BigDecimal[] {environmentHours, extraWorkerHours, extraSchedulerHours,
                extraWebServerHours, metadataGbMonths}) {
            Objects.requireNonNull(v, "usage");
            StandardWorkflowCost.requireNonNegative(v, "MWAA usage");
        }
    }

    /** An environment running all month (730 h) with nothing extra. */
    public static MwaaUsage baseMonth(String environmentClass) {
        return new MwaaUsage(environmentClass, HOURS_PER_MONTH, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    /** Scheduler-hours above the two included: (schedulers − 2) × hours, never negative. */
    public static BigDecimal extraSchedulerHours(int schedulers, BigDecimal hours) {
        return BigDecimal.valueOf(Math.max(0, schedulers - INCLUDED_SCHEDULERS)).multiply(hours);
    }

    /** Web-server-hours above the two included: (webServers − 2) × hours, never negative. */
    public static BigDecimal extraWebServerHours(int webServers, BigDecimal hours) {
        return BigDecimal.valueOf(Math.max(0, webServers - INCLUDED_WEB_SERVERS)).multiply(hours);
    }

    /** Worker-hours above the one included, from an average worker count over {@code hours}. */
    public static BigDecimal extraWorkerHours(BigDecimal averageWorkers, BigDecimal hours) {
        return averageWorkers.subtract(BigDecimal.valueOf(INCLUDED_WORKERS)).max(BigDecimal.ZERO).multiply(hours);
    }

    public MwaaUsage withExtraWorkerHours(BigDecimal hours) {
        return new MwaaUsage(environmentClass, environmentHours, hours, extraSchedulerHours, extraWebServerHours,
                metadataGbMonths);
    }

    public MwaaUsage withExtraSchedulerHours(BigDecimal hours) {
        return new MwaaUsage(environmentClass, environmentHours, extraWorkerHours, hours, extraWebServerHours,
                metadataGbMonths);
    }

    public MwaaUsage withMetadataGbMonths(BigDecimal gbMonths) {
        return new MwaaUsage(environmentClass, environmentHours, extraWorkerHours, extraSchedulerHours,
                extraWebServerHours, gbMonths);
    }
}
