package dev.flowcost.cli;

import java.math.BigDecimal;
import picocli.CommandLine;

/** Reads a {@code --fail-over} amount, saying in plain words what a wrong one should look like. */
final class UsdAmount implements CommandLine.ITypeConverter<BigDecimal> {
    @Override
    public BigDecimal convert(String value) {
        try {
            return new BigDecimal(value.trim().startsWith("$") ? value.trim().substring(1) : value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not an amount of US dollars (write it like 500 or 49.99)");
        }
    }
}
