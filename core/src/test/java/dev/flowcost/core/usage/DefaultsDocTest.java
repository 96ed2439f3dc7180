package dev.flowcost.core.usage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed {@code docs/defaults.md} is what the defaults table renders to; when the table changes this fails
 * and says how to regenerate the page ({@code -Dflowcost.writeDefaultsDoc=true} writes it instead).
 */
class DefaultsDocTest {

    private static final Path DOC = Path.of("..").resolve(DefaultsDoc.DOC_PATH);

    @Test
    void committedPageIsTheRenderedTable() throws IOException {
        String expected = DefaultsDoc.markdown(UsageDefaults.table(), ServiceDefaults.table());
        if (Boolean.getBoolean("flowcost.writeDefaultsDoc")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC)).as(DefaultsDoc.DOC_PATH + " is missing; generate it with:\n  "
                + DefaultsDoc.REGENERATE).isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).as(DefaultsDoc.DOC_PATH
                + " has drifted from UsageDefaults; regenerate it with:\n  " + DefaultsDoc.REGENERATE).isEqualTo(expected);
    }

    @Test
    void everyRowIsOnThePage() {
        String page = DefaultsDoc.markdown(UsageDefaults.table(), ServiceDefaults.table());
        UsageDefaults.table().forEach(r -> assertThat(page).contains("`" + r.key() + "`", r.why()));
        ServiceDefaults.table().forEach(f -> assertThat(page).contains(f.field() + " | " + f.value()));
    }

    @Test
    void theServiceRowsReadTheConstantsTheEnginesUse() {
        // a row is the constant itself, not a copy of it: the page names what the engines apply
        assertThat(ServiceDefaults.table()).extracting(ServiceDefaults.Fact::value).contains(
                String.valueOf(dev.flowcost.core.asl.MapState.INLINE_MAX_CONCURRENCY),
                dev.flowcost.core.workload.EnvironmentSpec.DEFAULT_CLASS,
                dev.flowcost.core.workload.Workload.DEFAULT_REGION,
                dev.flowcost.core.workload.WorkflowType.EXPRESS_MAX_DURATION_SECONDS + " s");
        assertThat(ServiceDefaults.table()).allSatisfy(f -> assertThat(f.source())
                .matches("https://\\S+|" + ServiceDefaults.FLOWCOST));
    }
}
