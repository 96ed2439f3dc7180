package dev.flowcost.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers' front door: regular files only, a size cap, one encoding policy. */
class InputTextTest {

    @TempDir
    Path tmp;

    @Test
    void aRegularFileUnderTheCapIsRead() throws Exception {
        Path f = Files.writeString(tmp.resolve("a.yaml"), "region: eu-west-1\n");
        assertThat(InputText.text(f, 100, "workload files")).isEqualTo("region: eu-west-1\n");
    }

    @Test
    void aFileOverTheCapIsRefusedSayingTheCap() throws IOException {
        Path f = Files.write(tmp.resolve("big.yaml"), new byte[3 * 1024 * 1024]);
        assertThatThrownBy(() -> InputText.bytes(f, 2 * 1024 * 1024, "workload files"))
                .isInstanceOf(InputText.Refused.class)
                .hasMessage("the file is 3.0 MB (3145728 bytes); flowcost reads workload files up to 2 MB");
    }

    @Test
    void aDeviceIsRefusedInsteadOfReadForever() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        assertThatThrownBy(() -> InputText.bytes(Path.of("/dev/zero"), 1024, "workload files"))
                .isInstanceOf(InputText.Refused.class).hasMessageContaining("not a regular file");
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = tmp.resolve("w.yaml");
        assumeTrue(ReferencedFilesTest.mkfifo(fifo), "mkfifo not available");
        assertThatThrownBy(() -> InputText.bytes(fifo, 1024, "workload files"))
                .isInstanceOf(InputText.Refused.class).hasMessageContaining("not a regular file");
    }

    @Test
    void aDirectoryAndAMissingFileAreRefused() {
        assertThatThrownBy(() -> InputText.bytes(tmp, 1024, "x")).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> InputText.bytes(tmp.resolve("none"), 1024, "x")).hasMessage("no such file");
    }

    @Test
    void textThatIsNotUtf8IsRefusedWithTheByteOffset() throws IOException {
        Path f = Files.write(tmp.resolve("latin1.yaml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> InputText.text(f, 1024, "x")).hasMessageContaining("offset 9")
                .hasMessageContaining("UTF-8");
    }
}
