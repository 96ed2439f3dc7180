package dev.flowcost.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Text over a cell's 32,767 characters is cut with a marker, never a crash that loses the whole workbook. */
class CellLimitTest {

    @Test
    void aFortyThousandCharacterNameIsCutWithAMarker() throws Exception {
        String name = "S".repeat(40_000);
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            SheetWriter w = new SheetWriter(wb.createSheet("Counts"));
            w.newRow();
            String written = w.text(0, name).getStringCellValue();
            assertThat(written).hasSize(SheetWriter.MAX_CELL_CHARS).startsWith("SSSS")
                    .endsWith("… [cut: 40000 characters, a cell holds 32767]");
        }
    }

    @Test
    void textWithinTheLimitIsUnchangedAndASurrogatePairIsNeverSplit() {
        assertThat(SheetWriter.fit("short")).isEqualTo("short");
        String exact = "x".repeat(SheetWriter.MAX_CELL_CHARS);
        assertThat(SheetWriter.fit(exact)).isSameAs(exact);
        String emoji = "😀".repeat(20_000);
        String cut = SheetWriter.fit(emoji);
        assertThat(cut.length()).isLessThanOrEqualTo(SheetWriter.MAX_CELL_CHARS);
        String kept = cut.substring(0, cut.indexOf('…'));
        assertThat(kept.codePoints().allMatch(c -> c == 0x1F600)).isTrue();
    }
}
