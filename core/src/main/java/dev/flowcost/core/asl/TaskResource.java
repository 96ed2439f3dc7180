package dev.flowcost.core.asl;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Task's Resource calls and how Step Functions waits for it. Parsed from the ARN; a resource given as a
 * SAM/CDK placeholder ({@code ${ProcessFunctionArn}}) keeps its text and is classed {@link Kind#PLACEHOLDER}.
 *
 * @param arn     the Resource as written
 * @param kind    what sort of target it is
 * @param service the service for {@code arn:aws:states:::SERVICE:action} and {@code aws-sdk:SERVICE:action} ("lambda" for Lambda ARNs)
 * @param action  the action ("invoke", "startJobRun", ...), "" when not known
 * @param pattern request-response, run a job (.sync / .sync:2) or wait for a callback (.waitForTaskToken)
 */
public record TaskResource(String arn, Kind kind, String service, String action, IntegrationPattern pattern) {

    public enum Kind { LAMBDA_FUNCTION, OPTIMISED_INTEGRATION, SDK_INTEGRATION, ACTIVITY, HTTP, PLACEHOLDER, UNKNOWN }

    public enum IntegrationPattern { REQUEST_RESPONSE, SYNC, SYNC2, WAIT_FOR_TASK_TOKEN }

    private static final Pattern STATES = Pattern.compile("^arn:[^:]+:states:[^:]*:[^:]*:(.+)$");

    private static final Pattern PLACEHOLDERS = Pattern.compile("\\$\\{[^}]*\\}");

    /** Stands for a placeholder while the rest of an ARN is read; no real ARN contains it. */
    private static final String MASK = "\u0000";

    public static TaskResource parse(String arn) {
        String a = arn == null ? "" : arn.trim();
        if (a.contains("${") || a.startsWith("{{")) {
            // "arn:${AWS::Partition}:states:::lambda:invoke" is still a Lambda integration: mask the placeholders and keep
            // what the ARN says, unless a placeholder stands in the service or action itself.
            String masked = PLACEHOLDERS.matcher(a).replaceAll(MASK);
            if (!masked.contains("${") && !masked.startsWith("{{")) {
                TaskResource known = parse(masked);
                boolean named = known.kind() == Kind.LAMBDA_FUNCTION || known.kind() == Kind.ACTIVITY;
                if (named || (known.kind() != Kind.UNKNOWN && !known.service().contains(MASK) && !known.action().contains(MASK))) {
                    return new TaskResource(a, known.kind(), known.service(), known.action().contains(MASK) ? "" : known.action(),
                            known.pattern());
                }
            }
            return new TaskResource(a, Kind.PLACEHOLDER, guessServiceFromPlaceholder(a), "", patternOf(a));
        }
        if (a.startsWith("arn:") && a.split(":", -1).length > 2 && a.split(":", -1)[2].equals("lambda")) {
            return new TaskResource(a, Kind.LAMBDA_FUNCTION, "lambda", "invoke", IntegrationPattern.REQUEST_RESPONSE);
        }
        Matcher m = STATES.matcher(a);
        if (m.matches()) {
            String rest = m.group(1);
            if (rest.startsWith("activity:")) {
                return new TaskResource(a, Kind.ACTIVITY, "activity", rest.substring("activity:".length()), IntegrationPattern.WAIT_FOR_TASK_TOKEN);
            }
            IntegrationPattern pattern = patternOf(rest);
            String body = stripPattern(rest);
            if (body.startsWith("aws-sdk:")) {
                String[] p = body.substring("aws-sdk:".length()).split(":", 2);
                return new TaskResource(a, Kind.SDK_INTEGRATION, p[0], p.length > 1 ? p[1] : "", pattern);
            }
            String[] p = body.split(":", 2);
            if (p[0].equals("http")) {
                return new TaskResource(a, Kind.HTTP, "http", p.length > 1 ? p[1] : "", pattern);
            }
            return new TaskResource(a, Kind.OPTIMISED_INTEGRATION, p[0], p.length > 1 ? p[1] : "", pattern);
        }
        return new TaskResource(a, Kind.UNKNOWN, "", "", patternOf(a));
    }

    /** Whether the Task invokes AWS Lambda (a function ARN or {@code arn:aws:states:::lambda:invoke}). */
    public boolean invokesLambda() {
        return "lambda".equals(service) && (action.isEmpty() || action.toLowerCase(Locale.ROOT).startsWith("invoke"));
    }

    /** Whether Step Functions waits for a job or a callback: Express workflows cannot do this. */
    public boolean waitsForCompletion() {
        return pattern != IntegrationPattern.REQUEST_RESPONSE || kind == Kind.ACTIVITY;
    }

    private static IntegrationPattern patternOf(String s) {
        if (s.endsWith(".waitForTaskToken")) {
            return IntegrationPattern.WAIT_FOR_TASK_TOKEN;
        }
        if (s.endsWith(".sync:2")) {
            return IntegrationPattern.SYNC2;
        }
        if (s.endsWith(".sync")) {
            return IntegrationPattern.SYNC;
        }
        return IntegrationPattern.REQUEST_RESPONSE;
    }

    private static String stripPattern(String s) {
        for (String suffix : new String[] {".waitForTaskToken", ".sync:2", ".sync"}) {
            if (s.endsWith(suffix)) {
                return s.substring(0, s.length() - suffix.length());
            }
        }
        return s;
    }

    private static String guessServiceFromPlaceholder(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.contains("function") || l.contains("lambda") ? "lambda" : "";
    }
}
