package dev.flowcost.advisor.analysis;

import java.util.Optional;

/**
 * The concrete change a finding proposes. An ASL change is an edit of the user's own definition: {@code content}
 * shows the changed state(s), {@code definition} the whole changed definition and {@code patch} the same edit as an
 * RFC 6902 JSON Patch against the definition as read, so every field the finding does not name is kept.
 *
 * @param kind       ASL (a state or machine fragment, JSON), DAG_NOTE (what to change in the DAG), TEXT
 * @param summary    one line saying what to do
 * @param content    the fragment or the note
 * @param definition for ASL changes, the whole changed definition (pretty JSON)
 * @param patch      for ASL changes, the RFC 6902 JSON Patch (a JSON array) that turns the definition as read into
 *                   {@code definition}
 */
public record Change(Kind kind, String summary, String content, Optional<String> definition, Optional<String> patch) {

    public enum Kind { ASL, DAG_NOTE, TEXT }

    public Change {
        definition = definition == null ? Optional.empty() : definition;
        patch = patch == null ? Optional.empty() : patch;
    }

    /** A change with no whole definition or patch (a note, or a fragment written from scratch). */
    public Change(Kind kind, String summary, String content) {
        this(kind, summary, content, Optional.empty(), Optional.empty());
    }
}
