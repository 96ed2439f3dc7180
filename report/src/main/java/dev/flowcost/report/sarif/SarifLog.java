package dev.flowcost.report.sarif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The part of SARIF 2.1.0's object model flowcost writes, as records Jackson serialises in the order of their
 * components (the order of the specification's examples): a log of one run, whose tool's driver lists the rules
 * the results cite. An absent optional property (a rule's help link, a result's location, a location's region) is
 * {@code null} and left out.
 */
record SarifLog(@JsonProperty("$schema") String schema, String version, List<Run> runs) {

    /** One analysis: the tool that ran and what it found. */
    record Run(Tool tool, List<Result> results) {
    }

    record Tool(Driver driver) {
    }

    /** flowcost itself, with the rules its results cite (each once, in order of first use). */
    record Driver(String name, String version, String informationUri, List<Rule> rules) {
    }

    /** A rule ({@code reportingDescriptor}): its id, a CamelCase name, the catalogue's title and description. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Rule(String id, String name, Text shortDescription, Text fullDescription, String helpUri) {
    }

    /** A {@code message} or description: plain text. */
    record Text(String text) {
    }

    /** One finding: its rule (by id and by index into the driver's rules), level, message and place. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String ruleId, int ruleIndex, String level, Text message, List<Location> locations,
                  FindingProperties properties) {
    }

    record Location(PhysicalLocation physicalLocation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    /** The file, relative to {@code %SRCROOT%} when it is not absolute. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ArtifactLocation(String uri, String uriBaseId) {
    }

    record Region(int startLine, int startColumn) {
    }

    /** What a code-scanning tool may read as numbers: the finding's money in cents, its targets and blockers. */
    record FindingProperties(String workflow, List<String> targets, BigDecimal monthlyCostNow,
                             BigDecimal monthlyCostAfter, BigDecimal monthlySaving, String confidence,
                             List<String> blockers) {
    }
}
