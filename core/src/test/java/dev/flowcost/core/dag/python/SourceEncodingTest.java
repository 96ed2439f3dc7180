package dev.flowcost.core.dag.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Severity;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** PEP 263: a Python file is read in the encoding its coding line names, UTF-8 by default, or refused with an offset. */
class SourceEncodingTest {

    private final PythonDagReader reader = new PythonDagReader();

    private DagReadResult read(String name) {
        try {
            return reader.read(Path.of(SourceEncodingTest.class.getResource("/dag/encoding/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void latin1FileWithCodingLineIsRead() {
        DagReadResult r = read("latin1-coding-line.py");
        assertThat(r.hasErrors()).isFalse();
        Dag d = r.dags().get(0);
        assertThat(d.dagId()).isEqualTo("caf\u00e9_report");
        assertThat(d.tasks()).hasSize(2);
    }

    @Test
    void codingLineOnSecondLineAfterShebang() {
        DagReadResult r = read("cp1252-second-line.py");
        assertThat(r.dags()).extracting(Dag::dagId).containsExactly("euro_\u20ac");
    }

    @Test
    void undecodableByteIsRefusedWithItsOffset() {
        DagReadResult r = read("latin1-without-coding-line.py");
        assertThat(r.dags()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.message()).contains("not valid UTF-8").contains("byte offset 79");
        });
    }

    @Test
    void unknownEncodingIsRefusedWithTheDeclarationsOffset() {
        DagReadResult r = read("unknown-encoding.py");
        assertThat(r.diagnostics()).singleElement().satisfies(d ->
                assertThat(d.message()).contains("unknown source encoding 'klingon-7'").contains("byte offset 14"));
    }

    @Test
    void bomMeansUtf8AndContradictingDeclarationIsRefused() {
        byte[] ok = "\uFEFFfrom airflow import DAG\nDAG('b\u00e9', schedule=None)\n".getBytes(StandardCharsets.UTF_8);
        assertThat(SourceEncoding.decode(ok).text()).startsWith("from airflow").contains("b\u00e9");
        byte[] bad = "\uFEFF# coding: latin-1\n".getBytes(StandardCharsets.UTF_8);
        assertThat(SourceEncoding.decode(bad).refusal()).contains("byte order mark").contains("byte offset 13");
    }

    @Test
    void declarationAfterCodeOnLineOneDoesNotCount() {
        byte[] src = "x = 1\n# coding: latin-1\ny = '\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(SourceEncoding.decode(src).refusal()).contains("not valid UTF-8").contains("byte offset 29");
    }
}
