package dev.flowcost.core.dag;

import java.util.Locale;
import java.util.Optional;

/**
 * The capacity facts of Amazon MWAA environment classes: how many tasks one worker runs at once, how many DAGs the
 * class is sized for, and whether it can add workers. Simulation needs these to know how many worker slots a run
 * finds; prices live in the advisor, never here (see PRICING.md's MWAA table).
 */
public enum EnvironmentClass {
    MW1_MICRO("mw1.micro", 3, 25, false),
    MW1_SMALL("mw1.small", 5, 50, true),
    MW1_MEDIUM("mw1.medium", 10, 250, true),
    MW1_LARGE("mw1.large", 20, 1000, true),
    MW1_XLARGE("mw1.xlarge", 40, 2000, true),
    MW1_2XLARGE("mw1.2xlarge", 80, 4000, true);

    /** Workers per environment quota for classes that autoscale. */
    public static final int MAX_WORKERS_QUOTA = 25;

    private final String className;
    private final int tasksPerWorker;
    private final int dagCapacity;
    private final boolean autoscales;

    EnvironmentClass(String className, int tasksPerWorker, int dagCapacity, boolean autoscales) {
        this.className = className;
        this.tasksPerWorker = tasksPerWorker;
        this.dagCapacity = dagCapacity;
        this.autoscales = autoscales;
    }

    /** The class as AWS spells it ("mw1.small"). */
    public String className() {
        return className;
    }

    /** Tasks one worker runs at once by default (celery worker concurrency). */
    public int tasksPerWorker() {
        return tasksPerWorker;
    }

    /** How many DAGs AWS sizes the class for. */
    public int dagCapacity() {
        return dagCapacity;
    }

    /** Whether the class adds workers beyond the first (mw1.micro does not). */
    public boolean autoscales() {
        return autoscales;
    }

    /** The most workers the class may have: 25 (the quota), or 1 for a class that does not autoscale. */
    public int maxWorkers() {
        return autoscales ? MAX_WORKERS_QUOTA : 1;
    }

    /** Worker slots with the given number of workers. */
    public int slots(int workers) {
        return tasksPerWorker * workers;
    }

    /** The next smaller class, if any. */
    public Optional<EnvironmentClass> smaller() {
        int i = ordinal();
        return i == 0 ? Optional.empty() : Optional.of(values()[i - 1]);
    }

    /**
     * The class an environment whose class cannot be read is simulated as (mw1.small, the smallest class that
     * autoscales); the caller that reads the class reports the unknown spelling, naming the environment.
     */
    public static final EnvironmentClass FALLBACK = MW1_SMALL;

    /** Parses the class, else {@link #FALLBACK}. */
    public static EnvironmentClass parseOrFallback(String s) {
        return parse(s).orElse(FALLBACK);
    }

    /** Parses "mw1.small" (case and surrounding blanks ignored); empty for anything else. */
    public static Optional<EnvironmentClass> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (EnvironmentClass c : values()) {
            if (c.className.equals(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
