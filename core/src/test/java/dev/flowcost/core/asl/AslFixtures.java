package dev.flowcost.core.asl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

/** What the ASL reader tests share: fixture bytes from the test resources, a result's errors and its machine. */
final class AslFixtures {
    private AslFixtures() {
    }

    /** The bytes of {@code /asl/<path>} from the test resources. */
    static byte[] bytes(String path) throws IOException {
        try (InputStream in = AslFixtures.class.getResourceAsStream("/asl/" + path)) {
            assertThat(in).as("fixture " + path).isNotNull();
            return in.readAllBytes();
        }
    }

    /** The text (UTF-8) of {@code /asl/<path>} from the test resources. */
    static String text(String path) throws IOException {
        return new String(bytes(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<Diagnostic> errors(AslReadResult r) {
        return r.diagnostics().stream().filter(Diagnostic::isError).collect(Collectors.toList());
    }

    static StateMachine machine(AslReadResult r) {
        assertThat(r.machine()).as("machine of " + r.file() + ": " + r.diagnostics()).isPresent();
        return r.machine().get();
    }
}
