package dev.flowcost.core.usage;

import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.Retrier;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.LambdaArchitecture;
import dev.flowcost.core.workload.WorkflowType;
import dev.flowcost.core.workload.Workload;

import java.util.List;

/**
 * What a service does with a field a definition leaves out, or a limit it imposes, and the few choices flowcost makes
 * where no service decides: not usage guesses a workload replaces ({@link UsageDefaults}), but semantics applied as
 * written. Each row reads the constant the engines use and names its source, so {@code docs/defaults.md} lists them
 * beside the usage defaults and cannot drift from the code.
 */
public final class ServiceDefaults {

    /** The ASL specification: a Retrier's omitted fields. */
    static final String ASL = "https://states-language.net/spec.html";
    /** Step Functions' page on inline Maps. */
    static final String INLINE_MAP = "https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html";
    /** Step Functions' page on Distributed Maps. */
    static final String DISTRIBUTED_MAP =
            "https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html";
    /** Standard and Express compared. */
    static final String EXPRESS = "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-standard-vs-express.html";
    /** MWAA's CreateEnvironment API. */
    static final String CREATE_ENVIRONMENT = "https://docs.aws.amazon.com/mwaa/latest/API/API_CreateEnvironment.html";
    /** Lambda's CreateFunction API. */
    static final String CREATE_FUNCTION = "https://docs.aws.amazon.com/lambda/latest/dg/API_CreateFunction.html";
    /** Where flowcost itself decides, with no service behind it. */
    static final String FLOWCOST = "flowcost's choice";

    /**
     * One service default or limit.
     *
     * @param subject what it applies to ("Retry entry", "MWAA environment")
     * @param field   the field left out, or what is limited
     * @param value   the value applied, with its unit
     * @param source  the page that says so, or {@value #FLOWCOST}
     */
    public record Fact(String subject, String field, String value, String source) {
    }

    private ServiceDefaults() {
    }

    /** Every row, in the order the page lists them. */
    public static List<Fact> table() {
        String micro = " (1 on mw1.micro)";
        return List.of(
                new Fact("Retry entry", "IntervalSeconds",
                        DefaultsDoc.number(Retrier.DEFAULT_INTERVAL_SECONDS) + " s", ASL),
                new Fact("Retry entry", "MaxAttempts", DefaultsDoc.number(Retrier.DEFAULT_MAX_ATTEMPTS), ASL),
                new Fact("Retry entry", "BackoffRate", DefaultsDoc.number(Retrier.DEFAULT_BACKOFF_RATE), ASL),
                new Fact("inline Map", "iterations at once, whatever MaxConcurrency says",
                        DefaultsDoc.number(MapState.INLINE_MAX_CONCURRENCY), INLINE_MAP),
                new Fact("Distributed Map", "children at once without MaxConcurrency",
                        DefaultsDoc.number(MapState.DISTRIBUTED_DEFAULT_CONCURRENCY), DISTRIBUTED_MAP),
                new Fact("Express workflow", "longest execution",
                        DefaultsDoc.number(WorkflowType.EXPRESS_MAX_DURATION_SECONDS) + " s", EXPRESS),
                new Fact("MWAA environment", "EnvironmentClass", EnvironmentSpec.DEFAULT_CLASS, CREATE_ENVIRONMENT),
                new Fact("MWAA environment", "MinWorkers", DefaultsDoc.number(EnvironmentSpec.DEFAULT_MIN_WORKERS),
                        CREATE_ENVIRONMENT),
                new Fact("MWAA environment", "MaxWorkers", DefaultsDoc.number(EnvironmentSpec.DEFAULT_MAX_WORKERS),
                        CREATE_ENVIRONMENT),
                new Fact("MWAA environment", "Schedulers", DefaultsDoc.number(EnvironmentSpec.defaultSchedulers(
                        EnvironmentSpec.DEFAULT_CLASS)) + micro, CREATE_ENVIRONMENT),
                new Fact("MWAA environment", "MinWebservers", DefaultsDoc.number(EnvironmentSpec.defaultWebServers(
                        EnvironmentSpec.DEFAULT_CLASS)) + micro, CREATE_ENVIRONMENT),
                new Fact("Lambda function", "architecture", LambdaArchitecture.DEFAULT.name().toLowerCase(java.util.Locale.ROOT),
                        CREATE_FUNCTION),
                new Fact("analysis", "region, when neither --region nor the workload names one",
                        Workload.DEFAULT_REGION, FLOWCOST),
                new Fact("MWAA environment", "a class that cannot be read",
                        dev.flowcost.core.dag.EnvironmentClass.FALLBACK.className() + ", with a warning", FLOWCOST),
                new Fact("Choice state", "branch weights the workload does not give", "equal", FLOWCOST));
    }
}
