package dev.flowcost.core.calibrate;

import java.util.Optional;

/**
 * What Step Functions and MWAA ARNs say about the resource they name: the state machine of an execution, Map Run or
 * version ({@code arn:aws:states:REGION:ACCOUNT:execution:MACHINE:EXECUTION}, {@code ...:mapRun:MACHINE/LABEL:ID},
 * {@code ...:stateMachine:MACHINE[:VERSION]}; Distributed Map children: {@code ...:execution:MACHINE/LABEL:ID}) and
 * the environment of {@code arn:aws:airflow:REGION:ACCOUNT:environment/NAME}.
 */
public final class Arns {
    private Arns() {
    }

    /** The state machine name an execution, Map Run or state machine ARN names. */
    public static Optional<String> stateMachine(String arn) {
        return part(arn).map(p -> {
            int slash = p.indexOf('/');
            return slash < 0 ? p : p.substring(0, slash);
        });
    }

    /** The Map label of a Map Run or child-execution ARN ({@code MACHINE/LABEL}), if it has one. */
    public static Optional<String> mapLabel(String arn) {
        return part(arn).filter(p -> p.indexOf('/') > 0).map(p -> p.substring(p.indexOf('/') + 1));
    }

    /** Whether an execution ARN is an Express execution's ({@code :express:}). */
    public static boolean isExpress(String arn) {
        return arn != null && arn.contains(":express:");
    }

    /** The MWAA environment name of an {@code arn:aws:airflow:...:environment/NAME} ARN. */
    public static Optional<String> environment(String arn) {
        if (arn == null || !arn.startsWith("arn:") || !arn.contains(":airflow:")) {
            return Optional.empty();
        }
        int i = arn.indexOf(":environment/");
        return i < 0 ? Optional.empty() : Optional.of(arn.substring(i + ":environment/".length()));
    }

    private static Optional<String> part(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] p = arn.split(":");
        if (p.length < 7 || !p[2].equals("states")) {
            return Optional.empty();
        }
        switch (p[5]) {
            case "execution", "express", "stateMachine", "mapRun":
                return Optional.of(p[6]).filter(s -> !s.isEmpty());
            default:
                return Optional.empty();
        }
    }
}
