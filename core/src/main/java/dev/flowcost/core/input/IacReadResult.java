package dev.flowcost.core.input;

import dev.flowcost.core.Diagnostic;

import java.util.List;

/**
 * What one infrastructure-code file declares: its state machines (named by their address, so the workload and
 * Infracost's usage file can key them the same way), its MWAA environments, and what the reader had to say.
 */
public record IacReadResult(List<LoadedStateMachine> stateMachines, List<IacEnvironment> environments,
                            List<Diagnostic> diagnostics) {

    public IacReadResult {
        stateMachines = List.copyOf(stateMachines);
        environments = List.copyOf(environments);
        diagnostics = List.copyOf(diagnostics);
    }
}
