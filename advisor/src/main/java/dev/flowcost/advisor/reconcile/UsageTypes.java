package dev.flowcost.advisor.reconcile;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which billed component a Cost and Usage Report line of Step Functions or MWAA is, told from its
 * {@code line_item_usage_type} by AWS's own names, so that a line the model prices is never listed as unexplained
 * and a line it does not price is never counted as modelled.
 *
 * <p>The names, checked against public price-list and bill data (region prefix such as {@code USE1-}, {@code EU-},
 * {@code APE1-} stripped first; us-east-1 lines may carry none):
 * <ul>
 *   <li>Step Functions (product code {@code AmazonStates}): {@code StateTransition} (Standard),
 *       {@code StepFunctions-Request} and {@code StepFunctions-GB-Second} (Express). Sources: the price-list filters of
 *       infracost (https://github.com/infracost/infracost/blob/v0.10.36/internal/resources/aws/sfn_state_machine.go:
 *       usagetype /StateTransition/, /StepFunctions-Request/, /StepFunctions-GB-Second/) and AWS Price List rows such
 *       as {@code APE1-StateTransition}, {@code SAE1-StepFunctions-Request}, {@code SAE1-StepFunctions-GB-Second}
 *       with groups {@code SFN-StateTransitions}, {@code SFN-ExpressWorkflows-Requests},
 *       {@code SFN-ExpressWorkflows-Duration} quoted in public pricing tools. Express names carry no "Express".</li>
 *   <li>MWAA (product code {@code AmazonMWAA}): {@code Airflow-<Size><Component>} hours, e.g.
 *       {@code USE1-Airflow-MediumScheduler} (AWS Price List attributes size=Medium, type=Scheduler),
 *       {@code EUW3-Airflow-SmallEnvironment} (a Cost Explorer usage-type group), {@code Airflow-SmallWorker},
 *       {@code Airflow-MediumEnvironment}, {@code Airflow-MicroEnvironment} (the usage-type lists of
 *       https://github.com/cloud-carbon-footprint/cloud-carbon-footprint, packages/aws/src/lib/CostAndUsageTypes.ts),
 *       and metadata storage {@code Airflow-StandardDatabaseStorage}
 *       (https://github.com/infracost/infracost/blob/v0.10.36/internal/resources/aws/mwaa_environment.go).</li>
 * </ul>
 * Not seen in any source, so accepted by the same pattern but flagged {@link Basis#PATTERN}: the web server component
 * ({@code WebServer}) and the sizes {@code XLarge} and {@code 2XLarge}. A usage type that is none of these but whose
 * usage type or {@code line_item_operation} carries the component's words is matched {@link Basis#WORDS}, also
 * flagged; the rest are not modelled.
 */
public final class UsageTypes {

    /** A billed component the model prices. */
    public enum Component {
        STATE_TRANSITION, EXPRESS_REQUEST, EXPRESS_DURATION,
        MWAA_ENVIRONMENT, MWAA_WORKER, MWAA_SCHEDULER, MWAA_WEB_SERVER, MWAA_METADATA_STORAGE
    }

    /** How sure the match is: a confirmed AWS name, AWS's naming pattern with an unconfirmed part, or words only. */
    public enum Basis { CONFIRMED, PATTERN, WORDS }

    /**
     * @param environmentClass for MWAA hours, the class the size names ("mw1.small"), else empty
     */
    public record Match(Component component, Optional<String> environmentClass, Basis basis) {
    }

    /** One or two region prefixes: USE1-, EU-, APE1-, UGW1-, USE1-EUW1- (data transfer names both ends). */
    private static final Pattern REGION = Pattern.compile("^(?:[A-Z]{2,4}[0-9]{0,2}-){1,2}");
    private static final Pattern MWAA_HOURS = Pattern.compile(
            "^Airflow-(Micro|Small|Medium|Large|XLarge|2XLarge)(Environment|Worker|Scheduler|WebServer)$",
            Pattern.CASE_INSENSITIVE);

    private UsageTypes() {
    }

    /** The usage type without its region prefix: "USE1-StateTransition" is "StateTransition". */
    public static String withoutRegion(String usageType) {
        String u = usageType.trim();
        Matcher m = REGION.matcher(u);
        // never strip the whole name ("EU-" alone stays)
        return m.find() && m.end() < u.length() ? u.substring(m.end()) : u;
    }

    /** The component a line bills, or empty when the model does not price it. {@code service} is "states" or "mwaa". */
    public static Optional<Match> of(String service, String usageType, String operation) {
        String base = withoutRegion(usageType);
        if (service.equals(Reconciliation.STATES)) {
            switch (base.toLowerCase(Locale.ROOT)) {
                case "statetransition":
                    return confirmed(Component.STATE_TRANSITION);
                case "stepfunctions-request":
                    return confirmed(Component.EXPRESS_REQUEST);
                case "stepfunctions-gb-second":
                    return confirmed(Component.EXPRESS_DURATION);
                default:
                    return statesByWords(usageType + " " + operation);
            }
        }
        if (base.equalsIgnoreCase("Airflow-StandardDatabaseStorage")) {
            return confirmed(Component.MWAA_METADATA_STORAGE);
        }
        Matcher m = MWAA_HOURS.matcher(base);
        if (m.matches()) {
            String size = m.group(1).toLowerCase(Locale.ROOT);
            String part = m.group(2).toLowerCase(Locale.ROOT);
            Component c = part.equals("environment") ? Component.MWAA_ENVIRONMENT : part.equals("worker")
                    ? Component.MWAA_WORKER : part.equals("scheduler") ? Component.MWAA_SCHEDULER : Component.MWAA_WEB_SERVER;
            boolean seen = c != Component.MWAA_WEB_SERVER && !size.endsWith("xlarge");
            return Optional.of(new Match(c, Optional.of("mw1." + size), seen ? Basis.CONFIRMED : Basis.PATTERN));
        }
        return mwaaByWords(usageType + " " + operation);
    }

    private static Optional<Match> confirmed(Component c) {
        return Optional.of(new Match(c, Optional.empty(), Basis.CONFIRMED));
    }

    private static Optional<Match> statesByWords(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (transfer(t)) {
            return Optional.empty();
        }
        if (t.contains("statetransition")) {
            return words(Component.STATE_TRANSITION);
        }
        if (t.contains("express") && t.contains("request")) {
            return words(Component.EXPRESS_REQUEST);
        }
        if (t.contains("express") && (t.contains("duration") || t.contains("gb-second"))) {
            return words(Component.EXPRESS_DURATION);
        }
        return Optional.empty();
    }

    private static Optional<Match> mwaaByWords(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (transfer(t)) {
            return Optional.empty();
        }
        if (t.contains("storage")) {
            return words(Component.MWAA_METADATA_STORAGE);
        }
        if (t.contains("webserver") || t.contains("web-server")) {
            return words(Component.MWAA_WEB_SERVER);
        }
        if (t.contains("scheduler")) {
            return words(Component.MWAA_SCHEDULER);
        }
        if (t.contains("worker")) {
            return words(Component.MWAA_WORKER);
        }
        if (t.contains("environment")) {
            return words(Component.MWAA_ENVIRONMENT);
        }
        return Optional.empty();
    }

    /** Data transfer lines (DataTransfer-Out-Bytes, AWS-Out-Bytes, DataXfer-Out) are never a modelled component. */
    private static boolean transfer(String t) {
        return t.contains("datatransfer") || t.contains("-bytes") || t.contains("dataxfer");
    }

    private static Optional<Match> words(Component c) {
        return Optional.of(new Match(c, Optional.empty(), Basis.WORDS));
    }
}
