package dev.flowcost.core.usage;

import java.util.List;
import java.util.Locale;

/**
 * Renders the defaults table ({@link UsageDefaults#table()}) and the service defaults ({@link ServiceDefaults#table()})
 * as {@code docs/defaults.md}, so the page a user reads is the tables the engines use; a test compares the committed
 * page with this rendering.
 */
public final class DefaultsDoc {

    /** Where the page is committed, from the repository root. */
    public static final String DOC_PATH = "docs/defaults.md";
    /** How to regenerate it after changing the table. */
    public static final String REGENERATE = "mvn -B -q -o -pl core test -Dtest=DefaultsDocTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dflowcost.writeDefaultsDoc=true";

    private DefaultsDoc() {
    }

    /** The page: one row per usage key, grouped by kind of step, then the service defaults and limits. */
    public static String markdown(List<UsageKey> rows, List<ServiceDefaults.Fact> services) {
        StringBuilder b = new StringBuilder();
        b.append("# Workload defaults\n\n");
        b.append("<!-- Generated from core/src/main/java/dev/flowcost/core/usage/UsageDefaults.java."
                + " Do not edit by hand; regenerate with:\n     ").append(REGENERATE).append(" -->\n\n");
        b.append("What flowcost assumes for a value the workload file does not give (and no calibration measured)."
                + " Every value is resolved once per workflow, and reports mark the ones that came from here"
                + " \"(default)\"; give the real value in the workload file to replace it.\n\n");
        b.append("| step | key | default | unit | why |\n|---|---|---|---|---|\n");
        for (UsageKey r : rows) {
            b.append("| ").append(r.kind().words()).append(" | `").append(r.key()).append("` | ")
                    .append(number(r.value())).append(" | ").append(r.unit()).append(" | ").append(r.why())
                    .append(" |\n");
        }
        b.append("\n## Service defaults and limits\n\n");
        b.append("What a service does with a field a definition leaves out, or a limit it imposes, as flowcost"
                + " applies it (and the few choices flowcost makes where no service decides). These are not guesses"
                + " a workload replaces: a definition or the workload states the real value.\n\n");
        b.append("| applies to | field or limit | value | source |\n|---|---|---|---|\n");
        for (ServiceDefaults.Fact f : services) {
            b.append("| ").append(f.subject()).append(" | ").append(f.field()).append(" | ").append(f.value())
                    .append(" | ").append(f.source().startsWith("https://") ? "<" + f.source() + ">" : f.source())
                    .append(" |\n");
        }
        return b.toString();
    }

    /** A value as the page shows it: a whole number with thousands separators, else as it is. */
    static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.valueOf(v);
    }
}
