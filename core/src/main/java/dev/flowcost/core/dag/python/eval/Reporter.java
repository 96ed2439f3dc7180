package dev.flowcost.core.dag.python.eval;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Where the evaluator and its host write diagnostics about one file, with a way to say a thing only once. */
public final class Reporter {
    private final String file;
    private final List<Diagnostic> diags;
    private final Set<String> onceKeys = new HashSet<>();

    public Reporter(String file, List<Diagnostic> diags) {
        this.file = file;
        this.diags = diags;
    }

    public String file() {
        return file;
    }

    public void info(DiagnosticCode code, int line, String message) {
        diags.add(Diagnostic.info(code, file, SourceLocation.ofLine(line), message));
    }

    public void warn(DiagnosticCode code, int line, String message) {
        diags.add(Diagnostic.warning(code, file, SourceLocation.ofLine(line), message));
    }

    public void error(DiagnosticCode code, int line, String message) {
        diags.add(Diagnostic.error(code, file, SourceLocation.ofLine(line), message));
    }

    /** True the first time a key is seen: for a message that should appear once per file. */
    public boolean once(String key) {
        return onceKeys.add(key);
    }
}
