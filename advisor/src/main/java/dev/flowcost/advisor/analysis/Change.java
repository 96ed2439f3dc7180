package dev.flowcost.advisor.analysis;

/**
 * The concrete change a finding proposes.
 *
 * @param kind    ASL (a state or machine fragment, JSON), DAG_NOTE (what to change in the DAG), TEXT
 * @param summary one line saying what to do
 * @param content the fragment or the note
 */
public record Change(Kind kind, String summary, String content) {
    public enum Kind { ASL, DAG_NOTE, TEXT }
}
