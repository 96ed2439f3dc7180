package dev.flowcost.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @Test
    void dollarsRoundHalfUpToCentsWithGrouping() {
        assertThat(Money.usd(new BigDecimal("1234.565"))).isEqualTo("$1,234.57");
        assertThat(Money.usd(new BigDecimal("1234.564"))).isEqualTo("$1,234.56");
        assertThat(Money.usd(new BigDecimal("0.005"))).isEqualTo("$0.01");
        assertThat(Money.usd(new BigDecimal("-0.1"))).isEqualTo("-$0.10");
        assertThat(Money.usd(new BigDecimal("-0.004"))).isEqualTo("$0.00");
        assertThat(Money.usd(new BigDecimal("1E+7"))).isEqualTo("$10,000,000.00");
    }

    @Test
    void countsGroupThousands() {
        assertThat(Money.count(new BigDecimal("14400720"))).isEqualTo("14,400,720");
        assertThat(Money.count(new BigDecimal("0.0625"))).isEqualTo("0.06");
        assertThat(Money.count(1000.0)).isEqualTo("1,000");
    }
}
