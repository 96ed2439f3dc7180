package dev.flowcost.core.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape a DAG is laid out in before it becomes states: a task, a sequence of stages, a fan-out of
 * independent branches, or a branch operator choosing among its downstream options. Emission walks this tree.
 */
sealed interface Block permits Block.Task, Block.Sequence, Block.Fork, Block.Branch {

    /** Every DAG task in the block, in layout order. */
    List<String> taskIds();

    /** One DAG task. */
    record Task(String taskId) implements Block {
        @Override public List<String> taskIds() {
            return List.of(taskId);
        }
    }

    /** Stages that run one after another; no stage is itself a Sequence. */
    record Sequence(List<Block> stages) implements Block {
        public Sequence {
            stages = List.copyOf(stages);
        }

        @Override public List<String> taskIds() {
            List<String> out = new ArrayList<>();
            stages.forEach(s -> out.addAll(s.taskIds()));
            return out;
        }
    }

    /** Branches that run at the same time (a Parallel state); the fork ends when every branch has. */
    record Fork(List<Block> branches) implements Block {
        public Fork {
            branches = List.copyOf(branches);
        }

        @Override public List<String> taskIds() {
            List<String> out = new ArrayList<>();
            branches.forEach(s -> out.addAll(s.taskIds()));
            return out;
        }
    }

    /**
     * A branch operator followed by the options it chooses from (a Task, then a Choice).
     *
     * @param options      the blocks the Choice can enter, one rule each
     * @param skipChoices  downstream task_ids that mean "skip the options" (a downstream that is also their join)
     * @param shortCircuit a ShortCircuitOperator (no options): true continues into the stages after it in its
     *                     sequence, false ends the machine
     */
    record Branch(String branchTaskId, List<Block> options, List<String> skipChoices, boolean shortCircuit) implements Block {
        public Branch {
            options = List.copyOf(options);
            skipChoices = List.copyOf(skipChoices);
        }

        @Override public List<String> taskIds() {
            List<String> out = new ArrayList<>(List.of(branchTaskId));
            options.forEach(s -> out.addAll(s.taskIds()));
            return out;
        }
    }
}
