package dev.flowcost.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 5: {@code docs/diagnostics.md} lists exactly the diagnostic codes the code raises. A code raised in
 * the sources and missing from the doc fails, and so does a code the doc (or the enum) lists that no source raises.
 */
class DiagnosticCodesDocTest {

    private static final Path ROOT = Paths.get("..");
    private static final Pattern DOC_ROW = Pattern.compile("(?m)^\\| `([A-Z0-9-]+)` \\|");
    private static final Pattern USE = Pattern.compile("DiagnosticCode\\.([A-Z][A-Z0-9_]+)\\b");

    private static List<String> docCodes() throws IOException {
        Matcher m = DOC_ROW.matcher(Files.readString(ROOT.resolve("docs/diagnostics.md")));
        List<String> codes = new ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    /** Every {@code DiagnosticCode.X} written in a main source of any module, outside the enum itself. */
    private static Set<String> raisedCodes() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String module : List.of("core", "advisor", "report", "cli")) {
            Path src = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !p.getFileName().toString().equals("DiagnosticCode.java"))
                        .forEach(p -> {
                            try {
                                Matcher m = USE.matcher(Files.readString(p));
                                while (m.find()) {
                                    used.add(m.group(1).replace('_', '-'));
                                }
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
            }
        }
        return used;
    }

    private static Set<String> enumCodes() {
        return Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theDocListsEachCodeOnceAndOnlyTheCodesTheEnumHas() throws IOException {
        List<String> doc = docCodes();
        assertThat(doc).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(doc)).isEqualTo(enumCodes());
    }

    @Test
    void everyCodeIsRaisedSomewhereAndEveryRaisedCodeIsDocumented() throws IOException {
        Set<String> raised = raisedCodes();
        Set<String> documented = new TreeSet<>(docCodes());
        Set<String> undocumented = new TreeSet<>(raised);
        undocumented.removeAll(documented);
        Set<String> unused = new TreeSet<>(documented);
        unused.removeAll(raised);
        assertThat(undocumented).as("codes raised in the sources but missing from docs/diagnostics.md").isEmpty();
        assertThat(unused).as("codes docs/diagnostics.md lists that no source raises any more").isEmpty();
        assertThat(enumCodes()).as("DiagnosticCode constants no source raises").isEqualTo(raised);
    }

    @Test
    void codesReadBackFromTheirIdAndEveryMessageShowsItsCode() {
        for (DiagnosticCode c : DiagnosticCode.values()) {
            assertThat(c.id()).matches("[A-Z]+(-[A-Z0-9]+)+");
            assertThat(DiagnosticCode.ofId(c.id())).contains(c);
            assertThat(c.summary()).isNotBlank();
        }
        assertThat(DiagnosticCode.ofId("NOT-A-CODE")).isEmpty();
        Diagnostic d = Diagnostic.error(DiagnosticCode.ASL_NEXT_UNKNOWN, "m.asl.json",
                new SourceLocation("/States/Load/Next", 4, 77), "state \"Chrage\" does not exist");
        assertThat(d.render()).isEqualTo("m.asl.json:4:77:/States/Load/Next: error [ASL-NEXT-UNKNOWN] state \"Chrage\" does not exist");
        assertThat(Diagnostic.warning(DiagnosticCode.SIM_LIMITED, "", SourceLocation.UNKNOWN, "cut").render())
                .isEqualTo("warning [SIM-LIMITED] cut");
        assertThat(d.inFile("other.json").file()).isEqualTo("other.json");
        assertThat(d.inFile("other.json").code()).isEqualTo(DiagnosticCode.ASL_NEXT_UNKNOWN);
    }
}
