package dev.flowcost.advisor.price;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Small helpers the price CSV readers share: whole-text reading, line numbers from offsets, headers by name. */
final class CsvText {

    private CsvText() {
    }

    static String readAll(Reader reader) throws IOException {
        StringBuilder b = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = reader.read(buf)) >= 0) {
            b.append(buf, 0, n);
        }
        String s = b.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Offsets where each line starts, so a record's character position becomes a 1-based line. */
    static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    static int lineOf(int[] lineStarts, long offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** Column name (lower case, trimmed) to index; the first occurrence wins. */
    static Map<String, Integer> headerIndex(Iterable<String> names) {
        Map<String, Integer> index = new TreeMap<>();
        int i = 0;
        for (String name : names) {
            index.putIfAbsent(normalize(name), i++);
        }
        return index;
    }

    static String normalize(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
