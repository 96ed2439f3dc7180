package dev.flowcost.core.usage;

import java.util.Objects;

/** Where a resolved usage value came from: the workload file (at a line), the defaults table, or a calibration. */
public sealed interface Provenance permits Provenance.FromWorkload, Provenance.Default, Provenance.Calibrated {

    /** The source in a reader's words: {@code workload w.yaml:12}, {@code default}, {@code calibrated from ...}. */
    String describe();

    /** Written in the workload file; {@code line} is 0 when the file or the line is not known. */
    record FromWorkload(String file, int line) implements Provenance {
        public FromWorkload {
            file = file == null ? "" : file;
        }

        @Override
        public String describe() {
            if (file.isEmpty()) {
                return "workload";
            }
            return "workload " + file + (line > 0 ? ":" + line : "");
        }
    }

    /** Taken from the defaults table. */
    record Default(UsageKey row) implements Provenance {
        public Default {
            Objects.requireNonNull(row, "row");
        }

        @Override
        public String describe() {
            return "default";
        }
    }

    /**
     * Measured from records by {@code calibrate}.
     *
     * @param detail what the calibration says of it ("1,204 executions, 2026-10-01..2026-10-31")
     */
    record Calibrated(String detail) implements Provenance {
        public Calibrated {
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String describe() {
            return detail.startsWith("from ") ? "calibrated " + detail : "calibrated from " + detail;
        }
    }
}
