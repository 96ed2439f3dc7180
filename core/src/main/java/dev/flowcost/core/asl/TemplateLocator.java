package dev.flowcost.core.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.SourceLocation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the state machines inside a file that wraps them: a CloudFormation or SAM template
 * ({@code Resources.X.Properties.Definition}, {@code DefinitionString} or {@code DefinitionUri}), a Serverless
 * Framework file ({@code stepFunctions.stateMachines.X.definition}), or a {@code describe-state-machine} output /
 * {@code {"Definition": ...}} wrapper. Real repositories keep definitions in all of these.
 */
final class TemplateLocator {

    static final String CFN_TYPE = "AWS::StepFunctions::StateMachine";
    static final String SAM_TYPE = "AWS::Serverless::StateMachine";

    /**
     * One state machine found in a wrapper.
     *
     * @param name       its logical id (or "" for a plain wrapper)
     * @param pointer    JSON Pointer of its definition value (or of its settings when it has no inline definition)
     * @param definition the definition value (an object, a string or an intrinsic), or null
     * @param settings   the object holding the definition, where the workflow type is declared
     * @param settingsPointer JSON Pointer of {@code settings}
     * @param uri        SAM's DefinitionUri (or CloudFormation's DefinitionS3Location) when it is a local path, else empty
     * @param uriField   the property {@code uri} came from
     */
    record Found(String name, String pointer, JsonNode definition, JsonNode settings, String settingsPointer, Optional<String> uri,
                 String uriField) {
        Found(String name, String pointer, JsonNode definition, JsonNode settings, String settingsPointer, Optional<String> uri) {
            this(name, pointer, definition, settings, settingsPointer, uri, "DefinitionUri");
        }
    }

    private TemplateLocator() {
    }

    /** Every state machine in {@code root}, in file order; empty when {@code root} wraps none. */
    static List<Found> find(JsonNode root) {
        List<Found> out = new ArrayList<>();
        JsonNode resources = root.get("Resources");
        if (resources != null && resources.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode r = e.getValue();
                JsonNode type = r.get("Type");
                if (type == null || !type.isTextual() || !(type.textValue().equals(CFN_TYPE) || type.textValue().equals(SAM_TYPE))) {
                    continue;
                }
                String rp = "/Resources/" + SourceLocation.escapeToken(e.getKey()) + "/Properties";
                JsonNode props = r.get("Properties");
                if (props == null || !props.isObject()) {
                    out.add(new Found(e.getKey(), rp, null, null, rp, Optional.empty()));
                    continue;
                }
                // SAM keeps a definition file in DefinitionUri; `aws cloudformation package` also takes a local path in
                // AWS::StepFunctions::StateMachine's DefinitionS3Location (otherwise an S3 Bucket/Key object):
                // https://docs.aws.amazon.com/cdk/api/v1/python/aws_cdk.aws_sam/CfnStateMachineProps.html (definition_uri, type)
                // https://docs.aws.amazon.com/cdk/api/v1/python/aws_cdk.aws_stepfunctions/CfnStateMachineProps.html
                // (definition_s3_location, state_machine_type)
                String uriField = type.textValue().equals(SAM_TYPE) ? "DefinitionUri" : "DefinitionS3Location";
                out.add(inSettings(e.getKey(), props, rp, new String[] {"Definition", "DefinitionString"}, uriField));
            }
            return out;
        }
        JsonNode sf = root.get("stepFunctions");
        JsonNode machines = sf != null && sf.isObject() ? sf.get("stateMachines") : null;
        if (machines != null && machines.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = machines.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isObject()) {
                    String mp = "/stepFunctions/stateMachines/" + SourceLocation.escapeToken(e.getKey());
                    out.add(inSettings(e.getKey(), e.getValue(), mp, new String[] {"definition", "Definition"}, null));
                }
            }
            return out;
        }
        Found plain = inSettings("", root, "", new String[] {"definition", "Definition", "DefinitionString"}, null);
        if (plain.definition() != null) {
            out.add(plain);
        }
        return out;
    }

    private static Found inSettings(String name, JsonNode settings, String sp, String[] fields, String uriField) {
        for (String f : fields) {
            JsonNode d = settings.get(f);
            if (d != null && !d.isNull()) {
                return new Found(name, sp + "/" + f, d, settings, sp, Optional.empty());
            }
        }
        Optional<String> uri = Optional.empty();
        if (uriField != null) {
            JsonNode u = settings.get(uriField);
            if (u != null && u.isTextual() && !u.textValue().startsWith("s3://")) {
                uri = Optional.of(u.textValue());
            }
        }
        return new Found(name, sp, null, settings, sp, uri, uriField == null ? "DefinitionUri" : uriField);
    }
}
