package dev.flowcost.advisor.laws;

import java.math.BigDecimal;

/** The few checks laws make, each failing with an {@link AssertionError} that says what was expected and seen. */
public final class Expect {

    private Expect() {
    }

    public static void isTrue(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    public static void notNegative(BigDecimal v, String what) {
        if (v.signum() < 0) {
            throw new AssertionError(what + " is negative: " + v.toPlainString());
        }
    }

    public static void atLeast(BigDecimal actual, BigDecimal floor, String what) {
        if (actual.compareTo(floor) < 0) {
            throw new AssertionError(what + ": " + actual.toPlainString() + " is below " + floor.toPlainString());
        }
    }

    public static void atMost(BigDecimal actual, BigDecimal ceiling, String what) {
        if (actual.compareTo(ceiling) > 0) {
            throw new AssertionError(what + ": " + actual.toPlainString() + " is above " + ceiling.toPlainString());
        }
    }

    public static void equal(BigDecimal actual, BigDecimal expected, String what) {
        if (actual.compareTo(expected) != 0) {
            throw new AssertionError(what + ": " + actual.toPlainString() + ", expected " + expected.toPlainString());
        }
    }

    public static void zero(BigDecimal actual, String what) {
        equal(actual, BigDecimal.ZERO, what);
    }

    public static void equal(Object actual, Object expected, String what) {
        if (!java.util.Objects.equals(actual, expected)) {
            throw new AssertionError(what + ": " + actual + ", expected " + expected);
        }
    }
}
