package dev.flowcost.core.simulate.dag;

/**
 * Whether an MWAA environment fits its DAGs, judged from a simulated month.
 * TOO_SMALL: tasks queue noticeably even at the maximum workers (or it hosts more DAGs than its class is sized for);
 * LARGER_THAN_NEEDED: the peak slots used fit the next smaller class at the minimum workers, and so do the DAGs;
 * OK otherwise.
 */
public enum SizingVerdict {
    TOO_SMALL, OK, LARGER_THAN_NEEDED
}
