package dev.flowcost.core.asl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuggesterTest {

    @Test
    void swappedLettersCountAsOneEdit() {
        assertThat(NameSuggester.distance("chrage", "charge")).isEqualTo(1);
        assertThat(NameSuggester.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NameSuggester.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void suggestsOnlyPlausibleTypos() {
        assertThat(NameSuggester.closest("Chrage", List.of("Fan", "Charge", "Charge2"))).contains("Charge");
        assertThat(NameSuggester.closest("Notify", List.of("Charge", "Fan"))).isEmpty();
        assertThat(NameSuggester.closest("x".repeat(500), List.of("x".repeat(500)))).isEmpty();
    }
}
