package dev.flowcost.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.workload.EnvironmentSpec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code AWS::MWAA::Environment} resources of a CloudFormation (or SAM) template: their {@code EnvironmentClass},
 * {@code MinWorkers}, {@code MaxWorkers}, {@code Schedulers} and {@code MinWebservers}
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-mwaa-environment.html).
 * A property given as a {@code Ref} to a template parameter takes the parameter's {@code Default}; one that cannot be
 * known before deployment (another intrinsic, a parameter without a default) keeps AWS's default, with a warning.
 */
public final class CloudFormationEnvironments {

    public static final String TYPE = "AWS::MWAA::Environment";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private CloudFormationEnvironments() {
    }

    /** Whether the first bytes of a template mention an MWAA environment. */
    public static boolean mentioned(String head) {
        return head.contains(TYPE);
    }

    /** The environments {@code text} declares; {@code yaml} picks the syntax. Never throws on bad input. */
    public static IacReadResult read(String file, String text, boolean yaml) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<IacEnvironment> environments = new ArrayList<>();
        JsonNode root;
        try {
            root = (yaml ? YAML : JSON).readTree(text);
        } catch (Exception e) {
            // the ASL reader reports the syntax of a template it also reads; say it here only for the environment
            diagnostics.add(Diagnostic.warning(DiagnosticCode.INPUT_SYNTAX, file, SourceLocation.UNKNOWN, "cannot read the template's "
                    + TYPE + " resources: the file is not valid " + (yaml ? "YAML" : "JSON")));
            return new IacReadResult(List.of(), environments, diagnostics);
        }
        JsonNode resources = root == null ? null : root.get("Resources");
        if (resources == null || !resources.isObject()) {
            return new IacReadResult(List.of(), environments, diagnostics);
        }
        JsonNode parameters = root.path("Parameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!TYPE.equals(e.getValue().path("Type").asText(""))) {
                continue;
            }
            String id = e.getKey();
            String at = "/Resources/" + SourceLocation.escapeToken(id) + "/Properties";
            JsonNode p = e.getValue().path("Properties");
            Values v = new Values(file, at, id, parameters, diagnostics);
            String name = v.text(p, "Name").orElse(id);
            String environmentClass = v.text(p, "EnvironmentClass").orElse(EnvironmentSpec.DEFAULT_CLASS);
            EnvironmentSpec spec = new EnvironmentSpec(name, environmentClass,
                    v.integer(p, "MinWorkers", EnvironmentSpec.DEFAULT_MIN_WORKERS),
                    v.integer(p, "MaxWorkers", EnvironmentSpec.DEFAULT_MAX_WORKERS),
                    v.integer(p, "Schedulers", EnvironmentSpec.defaultSchedulers(environmentClass)),
                    v.integer(p, "MinWebservers", EnvironmentSpec.defaultWebServers(environmentClass)), 0, List.of());
            environments.add(new IacEnvironment(id, file, at, spec, Optional.empty()));
        }
        return new IacReadResult(List.of(), environments, diagnostics);
    }

    /** Reads literal property values, following a {@code Ref} to a parameter's default. */
    private record Values(String file, String at, String id, JsonNode parameters, List<Diagnostic> diagnostics) {

        Optional<String> text(JsonNode properties, String key) {
            JsonNode v = resolve(properties.get(key), key);
            return v != null && v.isValueNode() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
        }

        int integer(JsonNode properties, String key, int awsDefault) {
            JsonNode v = resolve(properties.get(key), key);
            if (v == null) {
                return awsDefault;
            }
            if (v.canConvertToInt() || v.isTextual() && v.asText().matches("\\d{1,6}")) {
                return v.asInt();
            }
            diagnostics.add(Diagnostic.warning(DiagnosticCode.IAC_ENVIRONMENT, file,
                    new SourceLocation(at + "/" + key, 0, 0), "environment " + id + ": "
                    + key + " is not a number flowcost can know before deployment; assumed " + awsDefault));
            return awsDefault;
        }

        /** The value, a parameter's default for {@code {"Ref": P}} (or a YAML {@code !Ref P}), or null. */
        private JsonNode resolve(JsonNode v, String key) {
            if (v == null || v.isNull()) {
                return null;
            }
            String ref = v.isObject() && v.size() == 1 && v.has("Ref") ? v.get("Ref").asText()
                    : v.isTextual() && parameters.has(v.textValue()) ? v.textValue() : null;
            if (ref != null) {
                JsonNode d = parameters.path(ref).get("Default");
                if (d == null) {
                    diagnostics.add(Diagnostic.warning(DiagnosticCode.IAC_ENVIRONMENT, file,
                            new SourceLocation(at + "/" + key, 0, 0), "environment " + id
                            + ": " + key + " refers to parameter " + ref + ", which has no Default; AWS's default"
                            + " is assumed"));
                }
                return d;
            }
            if (v.isContainerNode()) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.IAC_ENVIRONMENT, file,
                        new SourceLocation(at + "/" + key, 0, 0), "environment " + id
                        + ": " + key + " is computed at deployment; AWS's default is assumed"));
                return null;
            }
            return v;
        }
    }
}
