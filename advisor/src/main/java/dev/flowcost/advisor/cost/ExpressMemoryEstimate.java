package dev.flowcost.advisor.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The Step Functions pricing page's estimate of an Express workflow's memory, for when the user gives none:
 * 50 MB + definition size + execution data size × number of Parallel or Map steps, billed in 64 MB chunks.
 * Sizes follow the page's own arithmetic (50 KB + 12,800 KB = 12.85 MB), i.e. 1 MB = 1,000 KB = 1,000,000 bytes.
 */
public final class ExpressMemoryEstimate {

    private static final BigDecimal BASE_MB = BigDecimal.valueOf(50);
    private static final BigDecimal BYTES_PER_MB = BigDecimal.valueOf(1_000_000);

    private ExpressMemoryEstimate() {
    }

    /** The estimate before rounding, in MB (62.85 for the page's example). */
    public static BigDecimal estimatedMb(long definitionBytes, long executionDataBytes, long mapOrParallelSteps) {
        if (definitionBytes < 0 || executionDataBytes < 0 || mapOrParallelSteps < 0) {
            throw new IllegalArgumentException("sizes and step counts must not be negative");
        }
        BigDecimal bytes = BigDecimal.valueOf(definitionBytes)
                .add(BigDecimal.valueOf(executionDataBytes).multiply(BigDecimal.valueOf(mapOrParallelSteps)));
        return BASE_MB.add(bytes.divide(BYTES_PER_MB));
    }

    /** The estimate rounded up to 64 MB chunks (64 for the page's example). */
    public static int billedMb(long definitionBytes, long executionDataBytes, long mapOrParallelSteps) {
        BigDecimal mb = estimatedMb(definitionBytes, executionDataBytes, mapOrParallelSteps);
        return ExpressWorkflowCost.billedMemoryMb(mb).setScale(0, RoundingMode.UNNECESSARY).intValueExact();
    }
}
