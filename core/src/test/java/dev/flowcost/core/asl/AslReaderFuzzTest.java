package dev.flowcost.core.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** No sequence of bytes makes the ASL reader throw or hang: bad input always comes back as diagnostics. */
class AslReaderFuzzTest {

    private static final AslReader READER = new AslReader();

    @FuzzTest(maxDuration = "30s")
    void readerNeverThrows(byte[] data) {
        for (String name : new String[] {"fuzz.json", "fuzz.yaml"}) {
            AslReadResult r = READER.read(name, data);
            assertThat(r).isNotNull();
            assertThat(r.diagnostics().stream().noneMatch(d -> d.message().startsWith(AslReader.INTERNAL_ERROR)))
                    .as("internal error for %s: %s", name, r.diagnostics()).isTrue();
            if (r.machine().isEmpty()) {
                assertThat(r.hasErrors()).as("no machine and no error for %s", name).isTrue();
            }
        }
    }
}
