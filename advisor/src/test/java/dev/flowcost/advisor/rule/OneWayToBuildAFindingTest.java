package dev.flowcost.advisor.rule;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every finding the advisor raises is built by {@link Findings}, which derives now, after and saving from the cost
 * items: no main source outside it calls Finding's constructor (the JSON reader in report rebuilds stored findings
 * and is not in this module).
 */
class OneWayToBuildAFindingTest {

    @Test
    void onlyFindingsCallsTheConstructor() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("dev/flowcost/advisor/rule/Findings.java")))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("new Finding(");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(p -> main.relativize(p).toString()).collect(Collectors.toList());
        }
        assertThat(offenders).as("build findings with Findings.priced or Findings.note").isEmpty();
    }
}
