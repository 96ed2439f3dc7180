package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.rule.DagContext;

import java.util.List;
import java.util.stream.Collectors;

/** Builds the {@link DagContext} the DAG rules read from one DAG's migration input, task profiles and verdict. */
final class DagRuleContexts {

    private DagRuleContexts() {
    }

    static DagContext of(DagMigrationInput in, List<TaskProfile> profiles, String verdict) {
        List<DagContext.Task> tasks = profiles.stream()
                .map(p -> new DagContext.Task(p.task(), p.durationSeconds(), p.slotSecondsPerRun(),
                        p.durationFromWorkload(), Blockers.isS3KeySensor(p.task().operator())))
                .collect(Collectors.toList());
        String environmentClass = in.environment().environmentClass();
        boolean onStepFunctions = !verdict.equals(DagMigration.KEEP) && !verdict.equals(DagMigration.MOVE_TO_SERVERLESS);
        return new DagContext(in.dag().dagId(), tasks, environmentClass,
                AlternativePricing.workerRate(in.prices(), in.region(), environmentClass), AlternativePricing.volume(in),
                in.prices(), in.region(), onStepFunctions);
    }
}
