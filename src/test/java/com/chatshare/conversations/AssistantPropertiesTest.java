package com.chatshare.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Who is limited how much: an endpoint costs, the offline demo assistant does not. */
class AssistantPropertiesTest {

    @Test
    void the_offline_demo_assistant_answers_without_a_limit_unless_one_is_set() {
        assertThat(properties(null, null).answersPerMinute()).isEmpty();
        assertThat(properties(null, 5).answersPerMinute()).isEqualTo(OptionalInt.of(5));
    }

    @Test
    void a_configured_endpoint_is_limited_to_twenty_answers_a_minute_unless_set_otherwise() {
        assertThat(properties("http://localhost:11434/v1", null).answersPerMinute())
                .isEqualTo(OptionalInt.of(AssistantProperties.ENDPOINT_REPLIES_PER_MINUTE));
        assertThat(properties("http://localhost:11434/v1", 60).answersPerMinute()).isEqualTo(OptionalInt.of(60));
    }

    @Test
    void the_limit_notice_says_how_long_to_wait_in_whole_seconds() {
        assertThat(new AnswersLimitedException(20, Duration.ofMillis(33_200)).getMessage())
                .isEqualTo("You asked for 20 answers in the last minute, the most this assistant allows. "
                        + "Your question is saved; it can be answered in 34 seconds.");
    }

    private static AssistantProperties properties(String baseUrl, Integer repliesPerMinute) {
        return new AssistantProperties(baseUrl, null, "model", Duration.ofSeconds(60), Duration.ofMillis(25), 4096,
                repliesPerMinute);
    }
}
