package dev.flowcost.advisor.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the rule catalogue ({@link Rules#infos()}) as the documents generated from it: {@code docs/rules.md} and
 * the rule list of {@code advise --help}. Pure functions of the metadata, so a test can render them and compare
 * with what is committed or shown.
 */
public final class RuleDocs {

    /** Where the generated Markdown is committed, from the repository root. */
    public static final String DOC_PATH = "docs/rules.md";
    /** Where each rule's section lives on the web, for SARIF viewers: this URL + "#" + the rule id. */
    public static final String DOC_URL = "https://github.com/flowcost/flowcost/blob/main/" + DOC_PATH;
    /** How to regenerate {@link #DOC_PATH} after changing a rule's metadata. */
    public static final String REGENERATE = "mvn -B -q -o -pl core,advisor test -Dtest=RulesDocTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dflowcost.writeRulesDoc=true";

    private RuleDocs() {
    }

    /** The page a rule's id links to. */
    public static String helpUri(String id) {
        return DOC_URL + "#" + id;
    }

    /** {@code docs/rules.md}: a table of every rule, then one section per rule with its description and facts. */
    public static String markdown(List<RuleInfo> rules) {
        StringBuilder b = new StringBuilder();
        b.append("# Rules of `flowcost advise`\n\n");
        b.append("<!-- Generated from the rules' metadata (advisor/src/main/java/dev/flowcost/advisor/rule/Rules.java)."
                + " Do not edit by hand; regenerate with:\n     ").append(REGENERATE).append(" -->\n\n");
        b.append("Every finding carries the id of the rule that raised it (`rule` in `--format json`, `ruleId` in"
                + " `--format sarif`). Each rule below says when it fires, what it compares, and the published facts"
                + " it rests on.\n\n");
        b.append("| id | looks at | proposes |\n|---|---|---|\n");
        for (RuleInfo r : rules) {
            b.append("| [`").append(r.id()).append("`](#").append(r.id()).append(") | ").append(r.subject().words())
                    .append(" | ").append(cell(r.title())).append(" |\n");
        }
        for (RuleInfo r : rules) {
            b.append("\n<a id=\"").append(r.id()).append("\"></a>\n\n");
            b.append("## `").append(r.id()).append("`\n\n");
            b.append("**").append(r.title()).append("** (").append(r.subject().words()).append(")\n\n");
            b.append(r.description()).append("\n\n");
            b.append("Rests on:\n\n");
            for (Fact f : r.facts()) {
                b.append("- ").append(f.statement()).append(" <").append(f.source()).append(">\n");
            }
        }
        return b.toString();
    }

    /** Columns the help text fits in (picocli's default usage width). */
    public static final int HELP_WIDTH = 80;

    /**
     * The rule list of {@code advise --help}: a heading line, then per rule its id indented by 2 and its title
     * indented by 6, wrapped to {@link #HELP_WIDTH} columns.
     */
    public static List<String> helpLines(List<RuleInfo> rules) {
        List<String> out = new ArrayList<>();
        out.add("Rules (each described, with its sources, in " + DOC_PATH + "):");
        for (RuleInfo r : rules) {
            out.add("  " + r.id());
            out.addAll(wrap(r.title(), "      ", HELP_WIDTH));
        }
        return out;
    }

    /** {@code text} in lines of at most {@code width} columns (a longer word stays whole), each after {@code indent}. */
    static List<String> wrap(String text, String indent, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
