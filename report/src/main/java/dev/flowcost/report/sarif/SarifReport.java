package dev.flowcost.report.sarif;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.rule.RuleDocs;
import dev.flowcost.advisor.rule.RuleInfo;
import dev.flowcost.advisor.rule.Rules;
import dev.flowcost.report.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The findings as SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), the format GitHub
 * code scanning and other viewers annotate lines from: one result per finding, with its rule id, located at the line
 * of the state or task it targets, its saving in the message and, as numbers, in the result's properties. A finding
 * that claims a saving is a {@code warning}; one that does not (a note) is a {@code note}. Each rule in
 * {@code tool.driver.rules[]} carries the catalogue's title and description ({@link Rules}) and links to its
 * section of {@code docs/rules.md}.
 */
public final class SarifReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    /** The SARIF log of {@code analysis}; file paths relative to {@code base} when they lie below it. */
    public static String render(Analysis analysis, String version, Path base) {
        SourcePlaces places = new SourcePlaces(analysis);
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        List<SarifLog.Rule> rules = new ArrayList<>();
        List<SarifLog.Result> results = new ArrayList<>();
        List<Finding> ranked = new ArrayList<>(analysis.findings());
        ranked.sort(Finding.BIGGEST_SAVING_FIRST);
        for (Finding f : ranked) {
            int index = ruleIndex.computeIfAbsent(f.rule(), id -> {
                rules.add(rule(id));
                return rules.size() - 1;
            });
            List<SarifLog.Location> locations = places.of(f.workflow(), f.targets())
                    .map(p -> List.of(location(p, base))).orElse(null);
            results.add(new SarifLog.Result(f.rule(), index, f.isSaving() ? "warning" : "note",
                    new SarifLog.Text(message(f)), locations, new SarifLog.FindingProperties(f.workflow(), f.targets(),
                    cents(f.monthlyCostNow()), cents(f.monthlyCostAfter()), cents(f.monthlySaving()),
                    f.confidence().name().toLowerCase(Locale.ROOT), f.blockers())));
        }
        SarifLog log = new SarifLog(SCHEMA, "2.1.0", List.of(new SarifLog.Run(new SarifLog.Tool(
                new SarifLog.Driver("flowcost", version, "https://github.com/flowcost/flowcost", rules)), results)));
        try {
            return JSON.writeValueAsString(log) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the SARIF log", e);
        }
    }

    /** A rule as the catalogue describes it, or a plain description for a rule the catalogue does not list. */
    private static SarifLog.Rule rule(String id) {
        Optional<RuleInfo> info = Rules.info(id);
        return new SarifLog.Rule(id, camel(id), new SarifLog.Text(info.map(RuleInfo::title).orElse(words(id))),
                new SarifLog.Text(info.map(RuleInfo::description).orElse("flowcost rule " + id + "; each result names"
                        + " the change, its monthly saving and what may block it.")),
                info.isPresent() ? RuleDocs.helpUri(id) : null);
    }

    /** The file and, when known, the line and column of the state or task a finding targets. */
    private static SarifLog.Location location(SourcePlaces.Place p, Path base) {
        SarifLog.ArtifactLocation artifact = new SarifLog.ArtifactLocation(uri(p.file(), base),
                Path.of(p.file()).isAbsolute() ? null : "%SRCROOT%");
        SarifLog.Region region = p.line() > 0 ? new SarifLog.Region(p.line(), Math.max(1, p.column())) : null;
        return new SarifLog.Location(new SarifLog.PhysicalLocation(artifact, region));
    }

    private static String message(Finding f) {
        StringBuilder b = new StringBuilder(f.title());
        if (f.isSaving()) {
            b.append(" — saves ").append(Money.usd(f.monthlySaving())).append("/month (")
                    .append(Money.usd(f.monthlyCostNow())).append(" → ").append(Money.usd(f.monthlyCostAfter()))
                    .append(")");
        }
        b.append(". Change: ").append(f.change().summary());
        if (!f.blockers().isEmpty()) {
            b.append(". Blockers: ").append(String.join("; ", f.blockers()));
        }
        return b.toString();
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The file as a URI reference: relative with forward slashes when below {@code base}. */
    static String uri(String file, Path base) {
        Path p = Path.of(file);
        Path abs = p.toAbsolutePath().normalize();
        Path root = base.toAbsolutePath().normalize();
        if (abs.startsWith(root)) {
            p = root.relativize(abs);
        } else if (p.isAbsolute()) {
            return abs.toUri().toString();
        }
        StringBuilder b = new StringBuilder();
        for (Path part : p) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(java.net.URLEncoder.encode(part.toString(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return b.toString();
    }

    private static String words(String id) {
        String w = id.replace('-', ' ');
        return w.isEmpty() ? id : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String camel(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }
}
