package dev.flowcost.core.dag.python;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowcost.core.dag.DagReadResult;

class PythonDagReaderFuzzTest {

    private final PythonDagReader reader = new PythonDagReader();

    @FuzzTest(maxDuration = "60s")
    void readerNeverThrows(byte[] data) {
        DagReadResult result = reader.read("fuzz.py", PythonDagReader.decode(data));
        assertThat(result).isNotNull();
        // the reader's last-resort guard turns bugs into this diagnostic; a fuzz input must never reach it
        assertThat(result.diagnostics()).noneMatch(d -> d.message().startsWith("internal error"));
    }
}
