package dev.flowcost.advisor.price;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/** Reading cells of a price CSV by column name, the same way for flowcost price books and AWS offer files. */
final class PriceCsvCells {
    private PriceCsvCells() {
    }

    /** The number in a cell, or null with a problem named (not a number, out of range, negative when not allowed). */
    static BigDecimal number(String value, String column, List<String> problems, boolean allowNegative) {
        try {
            BigDecimal n = new BigDecimal(value);
            if (n.scale() > 30 || n.precision() - n.scale() > 20) {
                problems.add(column + " '" + value + "' is out of range");
                return null;
            }
            if (!allowNegative && n.signum() < 0) {
                problems.add(column + " '" + value + "' is negative");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(column + " '" + value + "' is not a number");
            return null;
        }
    }

    /** The trimmed text of a column by its (lower-case) name, "" when the row has no such cell. */
    static String cell(CSVRecord record, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        if (i == null || i >= record.size()) {
            return "";
        }
        String v = record.get(i);
        return v == null ? "" : v.trim();
    }
}
