package dev.flowcost.advisor.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads AWS Cost and Usage Report 2.0 (Data Exports) files — CSV, gzip CSV or Parquet — through an embedded DuckDB,
 * which scans tens of millions of rows in seconds, and sums them into {@link BillLine}s. Columns are found by name:
 * CUR 2.0's snake_case ({@code line_item_usage_type}, {@code line_item_unblended_cost}, {@code line_item_resource_id},
 * {@code line_item_product_code}, {@code line_item_usage_amount}, {@code bill_billing_period_start_date},
 * {@code line_item_usage_start_date}, {@code line_item_operation} when present; https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2.html), or
 * legacy CUR's {@code lineItem/UsageType} style. Without {@code line_item_product_code}, the product columns'
 * {@code product_servicecode} names the service (https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2-product.html).
 */
public final class CurReader {

    /** A bill that cannot be read; the message names the file and what is missing. */
    public static final class BillException extends IOException {
        private static final long serialVersionUID = 1L;

        public BillException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String[][] COLUMNS = {
        {"product", "line_item_product_code", "lineItem/ProductCode", "product_servicecode", "product/servicecode"},
        {"usage_type", "line_item_usage_type", "lineItem/UsageType"},
        {"operation", "line_item_operation", "lineItem/Operation"},
        {"resource", "line_item_resource_id", "lineItem/ResourceId"},
        {"cost", "line_item_unblended_cost", "lineItem/UnblendedCost"},
        {"usage", "line_item_usage_amount", "lineItem/UsageAmount"},
        {"period", "bill_billing_period_start_date", "bill/BillingPeriodStartDate"},
        {"start", "line_item_usage_start_date", "lineItem/UsageStartDate"},
    };

    private CurReader() {
    }

    public static List<BillLine> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String path = file.toAbsolutePath().toString().replace("'", "''");
        String source = name.endsWith(".parquet") ? "read_parquet('" + path + "')"
                : "read_csv('" + path + "', header = true, all_varchar = true)";
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new BillException(file + ": the DuckDB engine is missing from this build", e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            Map<String, String> lower = new HashMap<>();
            try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (rs.next()) {
                    String col = rs.getString(1);
                    lower.put(col.toLowerCase(Locale.ROOT), col);
                }
            }
            Map<String, String> col = new HashMap<>();
            for (String[] c0 : COLUMNS) {
                for (int i = 1; i < c0.length; i++) {
                    String found = lower.get(c0[i].toLowerCase(Locale.ROOT));
                    if (found != null) {
                        col.put(c0[0], "\"" + found.replace("\"", "\"\"") + "\"");
                        break;
                    }
                }
            }
            for (String need : new String[] {"product", "usage_type", "cost"}) {
                if (!col.containsKey(need)) {
                    throw new BillException(file + ": not a Cost and Usage Report: no column "
                            + columnName(need) + " (found " + lower.size() + " columns)", null);
                }
            }
            if (!col.containsKey("period") && !col.containsKey("start")) {
                throw new BillException(file + ": no bill_billing_period_start_date or line_item_usage_start_date column",
                        null);
            }
            String month = "substr(CAST(" + (col.containsKey("period") && col.containsKey("start")
                    ? "COALESCE(" + col.get("period") + ", " + col.get("start") + ")"
                    : col.getOrDefault("period", col.get("start"))) + " AS VARCHAR), 1, 7)";
            String resource = col.containsKey("resource") ? "COALESCE(CAST(" + col.get("resource") + " AS VARCHAR), '')" : "''";
            String operation = col.containsKey("operation") ? "COALESCE(CAST(" + col.get("operation") + " AS VARCHAR), '')"
                    : "''";
            String usage = col.containsKey("usage") ? "SUM(TRY_CAST(" + col.get("usage") + " AS DOUBLE))" : "0";
            String sql = "SELECT " + month + " AS m, CAST(" + col.get("product") + " AS VARCHAR) AS p, CAST("
                    + col.get("usage_type") + " AS VARCHAR) AS u, " + operation + " AS o, " + resource + " AS r, SUM(CAST("
                    + col.get("cost") + " AS DECIMAL(38, 10))) AS cost, " + usage + " AS amount, COUNT(*) AS n FROM "
                    + source + " GROUP BY ALL ORDER BY m, p, u, o, r";
            List<BillLine> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BillLine(nz(rs.getString(1)), nz(rs.getString(2)), nz(rs.getString(3)), nz(rs.getString(4)),
                            nz(rs.getString(5)), rs.getBigDecimal(6) == null ? java.math.BigDecimal.ZERO
                            : rs.getBigDecimal(6).stripTrailingZeros(), rs.getDouble(7), rs.getLong(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new BillException(file + ": cannot read the bill: " + firstLine(e.getMessage()), e);
        }
    }

    private static String columnName(String key) {
        for (String[] c : COLUMNS) {
            if (c[0].equals(key)) {
                return c[1];
            }
        }
        return key;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
