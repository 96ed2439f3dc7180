package dev.flowcost.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One encoding policy: UTF-8 (BOM or not), UTF-16 with a BOM; anything else refused at a byte offset. */
class TextDecodingTest {

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(a);
        o.writeBytes(b);
        return o.toByteArray();
    }

    @Test
    void utf8WithAndWithoutBomReads() throws Exception {
        assertThat(TextDecoding.decode("Zürich".getBytes(StandardCharsets.UTF_8))).isEqualTo("Zürich");
        assertThat(TextDecoding.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "Zürich".getBytes(StandardCharsets.UTF_8)))).isEqualTo("Zürich");
    }

    @Test
    void utf16WithItsBomReadsInBothByteOrders() throws Exception {
        assertThat(TextDecoding.decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "a: ü".getBytes(StandardCharsets.UTF_16LE)))).isEqualTo("a: ü");
        assertThat(TextDecoding.decode(concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                "a: ü".getBytes(StandardCharsets.UTF_16BE)))).isEqualTo("a: ü");
    }

    @Test
    void latin1IsRefusedAtTheOffsetOfItsFirstNonUtf8Byte() {
        byte[] latin1 = "ab\ncaf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> TextDecoding.decode(latin1)).isInstanceOf(TextDecoding.NotText.class)
                .hasMessageContaining("offset 6").hasMessageContaining("0xE9")
                .satisfies(e -> assertThat(((TextDecoding.NotText) e).offset()).isEqualTo(6));
    }

    @Test
    void utf16WithoutBomAndBinaryAreRefused() {
        assertThatThrownBy(() -> TextDecoding.decode("ab".getBytes(StandardCharsets.UTF_16LE)))
                .hasMessageContaining("NUL byte at byte offset 1");
        assertThatThrownBy(() -> TextDecoding.decode(new byte[] {'x', 0, 'y'})).hasMessageContaining("offset 1");
    }
}
