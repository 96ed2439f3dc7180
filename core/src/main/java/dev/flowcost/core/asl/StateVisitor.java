package dev.flowcost.core.asl;

/** One pass over the state kinds, for the analyses that need to treat each kind differently. */
public interface StateVisitor<R> {
    R visitTask(TaskState state);

    R visitPass(PassState state);

    R visitChoice(ChoiceState state);

    R visitWait(WaitState state);

    R visitSucceed(SucceedState state);

    R visitFail(FailState state);

    R visitParallel(ParallelState state);

    R visitMap(MapState state);
}
