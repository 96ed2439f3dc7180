package dev.flowcost.core.simulate;

/**
 * Expected counts for one state per parent execution, so a report can show where the transitions come from.
 *
 * @param path        the state's path ("Fan/Charge" inside Map Fan)
 * @param entries     expected times control enters the state
 * @param attempts    expected attempts (entries plus retries)
 * @param retries     expected retry attempts
 * @param transitions expected transitions of the state itself (one per attempt; a Distributed Map adds one per child
 *                    it starts); inner states of Maps and Parallels are listed under their own paths
 * @param billing     which execution the transitions happen in, and so how they are billed
 */
public record StateCount(String path, double entries, double attempts, double retries, double transitions,
                         Billing billing) {

    /** Where a state runs: the parent execution, a STANDARD child (billed by transitions) or an EXPRESS child (not billed by transitions). */
    public enum Billing { PARENT, STANDARD_CHILD, EXPRESS_CHILD }

    StateCount plus(StateCount o) {
        return new StateCount(path, entries + o.entries, attempts + o.attempts, retries + o.retries,
                transitions + o.transitions, billing);
    }

    StateCount scaled(double k) {
        return new StateCount(path, entries * k, attempts * k, retries * k, transitions * k, billing);
    }
}
