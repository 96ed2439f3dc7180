package dev.flowcost.core.calibrate;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the records say of one workflow (a state machine by file stem, or a DAG by dag_id): its executions,
 * when they started, how they ended, and per state or task what {@link StepObservations} holds. Two sources of
 * execution counts are kept apart: full histories (or task instances) and list-executions / dag-run lists, which
 * count executions without their events.
 */
public final class WorkflowObservations {
    private final String workflow;
    private final boolean dag;
    final Map<String, StepObservations> steps = new LinkedHashMap<>();
    final Counts played = new Counts();
    final Counts listed = new Counts();
    long childExecutions;
    boolean expressSeen;

    WorkflowObservations(String workflow, boolean dag) {
        this.workflow = workflow;
        this.dag = dag;
    }

    public String workflow() {
        return workflow;
    }

    public boolean isDag() {
        return dag;
    }

    public Map<String, StepObservations> steps() {
        return Collections.unmodifiableMap(steps);
    }

    /** Executions read in full (histories, or DAG runs seen through their task instances). */
    public Counts played() {
        return played;
    }

    /** Executions counted by list-executions or dag-run lists. */
    public Counts listed() {
        return listed;
    }

    StepObservations step(String path, String type) {
        return steps.computeIfAbsent(path, p -> new StepObservations(p, type));
    }

    /** Executions by start month, first and last start, and outcomes. */
    public static final class Counts {
        long executions;
        Instant first;
        Instant last;
        final TreeMap<YearMonth, Long> perMonth = new TreeMap<>();
        final Map<String, Long> outcomes = new TreeMap<>();

        void add(Instant start, String outcome) {
            executions++;
            if (start != null) {
                first = first == null || start.isBefore(first) ? start : first;
                last = last == null || start.isAfter(last) ? start : last;
                perMonth.merge(YearMonth.from(start.atOffset(ZoneOffset.UTC)), 1L, Long::sum);
            }
            if (outcome != null && !outcome.isEmpty()) {
                outcomes.merge(outcome, 1L, Long::sum);
            }
        }

        public long executions() {
            return executions;
        }

        public Instant first() {
            return first;
        }

        public Instant last() {
            return last;
        }

        public Map<YearMonth, Long> perMonth() {
            return Collections.unmodifiableMap(perMonth);
        }

        public Map<String, Long> outcomes() {
            return Collections.unmodifiableMap(outcomes);
        }
    }
}
