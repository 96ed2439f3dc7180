package dev.flowcost.core.dag.python.eval;

/**
 * How much work one part of a file may cost: its loop iterations and evaluation steps. Module-level code has one
 * budget and each DAG its own (its host hands the evaluator a DAG's budget while the DAG's block runs), so a huge
 * computation in one place cannot starve a DAG elsewhere in the file.
 */
public final class Budget {

    /** Loop (and comprehension) iterations one budget allows. */
    public static final int MAX_LOOP_ITERATIONS = 10_000;
    /** Evaluation steps one budget allows. */
    public static final int MAX_STEPS = 2_000_000;

    /** What ran out. */
    public enum Kind { LOOP_ITERATIONS, STEPS }

    private final Object owner;
    int iterations;
    int steps;
    boolean iterationsSpent;
    boolean stepsSpent;

    /** A budget for work done on behalf of {@code owner} (the host's: a DAG, or null for module-level code). */
    public Budget(Object owner) {
        this.owner = owner;
    }

    public Object owner() {
        return owner;
    }
}
