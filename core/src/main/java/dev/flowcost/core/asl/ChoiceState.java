package dev.flowcost.core.asl;

import dev.flowcost.core.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Choice: picks the first rule that matches, else Default; the only way to loop in ASL. */
public record ChoiceState(String name, SourceLocation location, Optional<String> comment, Optional<QueryLanguage> queryLanguage,
                          List<ChoiceRule> choices, Optional<String> defaultNext) implements State {
    public ChoiceState {
        choices = List.copyOf(choices);
    }

    @Override public List<String> successors() {
        List<String> out = new ArrayList<>();
        for (ChoiceRule r : choices) {
            if (!out.contains(r.next())) {
                out.add(r.next());
            }
        }
        defaultNext.filter(d -> !out.contains(d)).ifPresent(out::add);
        return List.copyOf(out);
    }

    @Override public <R> R accept(StateVisitor<R> v) { return v.visitChoice(this); }

    @Override public String type() { return "Choice"; }
}
