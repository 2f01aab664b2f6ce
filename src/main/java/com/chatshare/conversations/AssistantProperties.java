package com.chatshare.conversations;

import java.time.Duration;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The assistant endpoint. With no {@code baseUrl} the offline demo assistant answers.
 *
 * @param baseUrl an OpenAI-compatible API, e.g. {@code https://api.openai.com/v1} or Ollama's
 *     {@code http://localhost:11434/v1}
 * @param apiKey the key, if the endpoint wants one
 * @param model the model name, e.g. {@code gpt-4o-mini} or {@code llama3.2}
 * @param timeout the longest wait for the answer to start and between two pieces of it
 * @param demoDelay the pause between the demo assistant's pieces, so its answer streams visibly
 * @param maxTokens the most tokens the endpoint may generate for one answer ({@code max_tokens})
 * @param repliesPerMinute how many answers one account may ask for per minute; when not set,
 *     {@value #ENDPOINT_REPLIES_PER_MINUTE} for a configured endpoint (which costs money or
 *     capacity), and no limit for the offline demo assistant (which costs nothing)
 */
@ConfigurationProperties("chatshare.assistant")
public record AssistantProperties(
        String baseUrl,
        String apiKey,
        @DefaultValue("gpt-4o-mini") String model,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("25ms") Duration demoDelay,
        @DefaultValue("4096") int maxTokens,
        @Nullable Integer repliesPerMinute) {

    /** The answers per minute and account for a configured endpoint, unless set otherwise. */
    public static final int ENDPOINT_REPLIES_PER_MINUTE = 20;

    /** The answers one account may ask for per minute: empty for no limit. */
    public OptionalInt answersPerMinute() {
        if (repliesPerMinute != null) {
            return OptionalInt.of(repliesPerMinute);
        }
        return isEndpointConfigured() ? OptionalInt.of(ENDPOINT_REPLIES_PER_MINUTE) : OptionalInt.empty();
    }

    public boolean isEndpointConfigured() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    /** The base URL without user info, query or fragment: safe to log. */
    public String baseUrlForLog() {
        if (!isEndpointConfigured()) {
            return "";
        }
        try {
            java.net.URI uri = java.net.URI.create(baseUrl.strip());
            return new java.net.URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
                    .toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return "(unparseable URL)";
        }
    }

    /** Never prints the key, nor credentials inside the URL. */
    @Override
    public String toString() {
        return "AssistantProperties[baseUrl=" + baseUrlForLog() + ", apiKey=" + (apiKey == null || apiKey.isBlank()
                ? "none" : "(set)") + ", model=" + model + ", timeout=" + timeout + ", maxTokens=" + maxTokens + ", answersPerMinute=" + answersPerMinute() + "]";
    }
}
