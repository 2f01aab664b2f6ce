package com.chatshare.conversations;

import java.time.Duration;
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
 */
@ConfigurationProperties("chatshare.assistant")
public record AssistantProperties(
        String baseUrl,
        String apiKey,
        @DefaultValue("gpt-4o-mini") String model,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("25ms") Duration demoDelay) {

    public boolean isEndpointConfigured() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}
