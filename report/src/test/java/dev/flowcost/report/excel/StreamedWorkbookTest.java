package dev.flowcost.report.excel;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class StreamedWorkbookTest {

    /** Characters that stress the encoder: ASCII, 2- and 3-byte ones, and both halves of a surrogate pair. */
    private static final char[] ALPHABET = {'a', '<', '&', '"', '\n', 'é', 'ß', '€', '中', '\uD83D', '\uDE00',
            '\uD800', '\uDFFF', '\u0000', '\uFFFD'};

    @Test
    void writesTheBytesOfPoisOwnWriter() {
        // any text (lone surrogates included), written in pieces of any size by each write method, across the
        // buffer's 8,192 characters
        qt().withExamples(300).forAll(lists().of(integers().between(0, 20_000)).ofSizeBetween(1, 12),
                integers().between(0, 2)).checkAssert((pieces, method) -> {
                    StringBuilder text = new StringBuilder();
                    List<String> parts = new ArrayList<>();
                    int k = 0;
                    for (int size : pieces) {
                        StringBuilder part = new StringBuilder();
                        for (int i = 0; i < size % 9_000; i++) {
                            part.append(ALPHABET[Math.floorMod(size * 31 + i * 7 + k++, ALPHABET.length)]);
                        }
                        parts.add(part.toString());
                        text.append(part);
                    }
                    assertThat(written(parts, method, true)).as("%d pieces", parts.size())
                            .isEqualTo(written(parts, method, false));
                });
    }

    private static byte[] written(List<String> parts, int method, boolean ours) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = ours ? new StreamedWorkbook.Utf8Writer(bytes)
                : new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            for (String p : parts) {
                switch (method) {
                    case 0 -> {
                        for (int i = 0; i < p.length(); i++) {
                            w.write(p.charAt(i));
                        }
                    }
                    case 1 -> w.write(p.toCharArray(), 0, p.length());
                    default -> w.write(p);
                }
                w.flush(); // a flush between pieces keeps a waiting high surrogate for its pair
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void aWorkbookIsTheOnePoiWrites() throws IOException {
        Map<String, byte[]> ours = entries(new StreamedWorkbook(2));
        Map<String, byte[]> poi = entries(new SXSSFWorkbook(2));
        assertThat(ours.keySet()).isEqualTo(poi.keySet());
        for (String name : poi.keySet()) {
            if (!name.equals("docProps/core.xml")) { // the creation time
                assertThat(ours.get(name)).as(name).isEqualTo(poi.get(name));
            }
        }
        assertThat(new String(ours.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8))
                .contains("caf\u00e9 \u20ac \uD83D\uDE00 row 99");
    }

    /** A sheet of 100 rows (flushed to the temporary file two at a time), strings past ASCII, numbers, formulas. */
    private static Map<String, byte[]> entries(SXSSFWorkbook wb) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("streamed", ".xlsx");
        try {
            SXSSFSheet sheet = wb.createSheet("Sheet \u00e9");
            for (int r = 0; r < 100; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("caf\u00e9 \u20ac \uD83D\uDE00 row " + r);
                row.createCell(1).setCellValue(r * 1.5);
                row.createCell(2).setCellFormula("B" + (r + 1) + "*2");
            }
            try (var out = java.nio.file.Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.close();
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                Enumeration<? extends ZipEntry> e = zip.entries();
                while (e.hasMoreElements()) {
                    ZipEntry entry = e.nextElement();
                    entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
                }
            }
            return entries;
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
