package dev.flowcost.core.asl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * "Never reject what the service accepts": every state machine fixture in the repository (bundled examples, every
 * module's test resources) that is meant to be valid must read without an error. The few fixtures written to be
 * invalid are listed, with why, in {@code asl/meant-invalid.txt}; the test also checks each of those still fails,
 * so the list cannot hide a fixture that became valid (or a new rule that rejects too much).
 */
class ValidFixturesStayValidTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyFixtureMeantToBeValidReadsWithoutErrors() throws IOException {
        Set<String> invalid = meantInvalid();
        List<Path> files = fixtures();
        assertThat(files).as("fixtures found under " + ROOT).hasSizeGreaterThan(40);
        TreeMap<String, List<String>> unexpected = new TreeMap<>();
        List<String> stillValid = new ArrayList<>();
        AslReader reader = new AslReader();
        for (Path f : files) {
            String rel = ROOT.relativize(f).toString().replace('\\', '/');
            AslReadResult r = reader.read(f);
            List<String> errors = r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::render).collect(Collectors.toList());
            if (invalid.contains(rel)) {
                if (errors.isEmpty()) {
                    stillValid.add(rel);
                }
            } else if (!errors.isEmpty()) {
                unexpected.put(rel, errors);
            }
        }
        assertThat(unexpected).as("valid fixtures that now fail").isEmpty();
        assertThat(stillValid).as("fixtures listed in meant-invalid.txt that read without an error").isEmpty();
        assertThat(invalid).as("meant-invalid.txt names only existing fixtures")
                .allSatisfy(p -> assertThat(ROOT.resolve(p)).exists());
    }

    private static Set<String> meantInvalid() throws IOException {
        return AslFixtures.text("meant-invalid.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+", 2)[0]).collect(Collectors.toSet());
    }

    /** Definition files: bundled examples and test resources named *.asl.*, and everything in core's asl fixtures. */
    static List<Path> fixtures() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(ROOT)) {
            all.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(ValidFixturesStayValidTest::isDefinition).sorted().forEach(out::add);
        }
        return out;
    }

    private static boolean isDefinition(Path p) {
        String rel = ROOT.relativize(p).toString().replace('\\', '/');
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean aslName = name.contains(".asl.");
        if (rel.startsWith("examples/")) {
            return aslName;
        }
        if (!rel.contains("/src/test/resources/") || rel.contains("FuzzTestInputs")) {
            return false;
        }
        if (rel.startsWith("core/src/test/resources/asl/")) {
            return !name.endsWith(".txt") && !name.endsWith(".md");
        }
        return aslName;
    }
}
