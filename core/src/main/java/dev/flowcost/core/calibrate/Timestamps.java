package dev.flowcost.core.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the timestamps the exports carry: epoch seconds with fractions (the Step Functions API's JSON), ISO 8601 with
 * an offset (the AWS CLI's and Airflow's REST output), and PostgreSQL's text form of {@code timestamptz}
 * ({@code 2026-10-01 10:00:00.123456+00}) in a database CSV export. A time without an offset is taken as UTC.
 */
public final class Timestamps {
    private static final Pattern SHORT_OFFSET = Pattern.compile(".*[+-]\\d\\d$");

    private Timestamps() {
    }

    public static Optional<Instant> of(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Optional.empty();
        }
        if (n.isNumber()) {
            double s = n.asDouble();
            long whole = (long) Math.floor(s);
            return Optional.of(Instant.ofEpochSecond(whole, Math.round((s - whole) * 1e9)));
        }
        return parse(n.asText());
    }

    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("null") || t.equals("\\N")) {
            return Optional.empty();
        }
        if (t.matches("-?\\d+(\\.\\d+)?")) {
            double s = Double.parseDouble(t);
            long whole = (long) Math.floor(s);
            return Optional.of(Instant.ofEpochSecond(whole, Math.round((s - whole) * 1e9)));
        }
        t = t.replace(' ', 'T');
        if (t.endsWith("Z")) {
            t = t.substring(0, t.length() - 1) + "+00:00";
        }
        if (SHORT_OFFSET.matcher(t).matches() && t.indexOf('T') > 0) {
            t = t + ":00";
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
