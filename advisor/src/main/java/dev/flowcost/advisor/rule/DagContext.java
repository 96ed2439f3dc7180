package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.cost.Rate;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.dag.DagTask;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link DagRule} knows of one DAG: its tasks as the migration advice measured them, the environment it runs
 * on, its runs a month and the verdict's destination. The migration advisor builds it; rules only price and decide.
 *
 * @param dagId            the DAG
 * @param tasks            its tasks, in DAG order
 * @param environmentClass the MWAA class of its environment ("mw1.small")
 * @param extraWorker      the extra-worker hourly rate of that class in the region, when the price book has one
 * @param runs             runs a month, under its assumption key
 * @param prices           the price book
 * @param region           the region to price in
 * @param onStepFunctions  whether the verdict puts the DAG (or its fan-out, when hybrid) on Step Functions
 */
public record DagContext(String dagId, List<Task> tasks, String environmentClass, Optional<Rate> extraWorker,
                         CostItems.Volume runs, PriceBook prices, String region, boolean onStepFunctions) {

    /**
     * One task as measured for the advice.
     *
     * @param task                 the task as read
     * @param durationSeconds      mean seconds of one attempt (the workload's, else the operator family's default)
     * @param slotSecondsPerRun    expected worker-slot seconds a run
     * @param durationFromWorkload whether the duration came from the workload
     * @param s3KeySensor          whether it is an S3 key sensor (its wait has an S3 event to replace it)
     */
    public record Task(DagTask task, double durationSeconds, double slotSecondsPerRun, boolean durationFromWorkload,
                       boolean s3KeySensor) {
        public Task {
            Objects.requireNonNull(task, "task");
        }
    }

    public DagContext {
        Objects.requireNonNull(dagId, "dagId");
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(environmentClass, "environmentClass");
        Objects.requireNonNull(extraWorker, "extraWorker");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(region, "region");
    }
}
