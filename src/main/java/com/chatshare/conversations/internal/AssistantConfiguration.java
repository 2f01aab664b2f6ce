package com.chatshare.conversations.internal;

import com.chatshare.conversations.Assistant;
import com.chatshare.conversations.AssistantProperties;
import com.chatshare.conversations.ModelSettings;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the assistant: the configured endpoint, or the offline demo when there is none. */
@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AssistantConfiguration.class);

    @Bean
    Assistant assistant(AssistantProperties properties, ModelSettings models, Clock clock) {
        return assistant(properties, models.cacheFor(), clock);
    }

    /** The assistant for these properties, its models' list kept for five minutes. */
    Assistant assistant(AssistantProperties properties) {
        return assistant(properties, Duration.ofMinutes(5), Clock.systemUTC());
    }

    private Assistant assistant(AssistantProperties properties, Duration modelsKeptFor, Clock clock) {
        if (!properties.isEndpointConfigured()) {
            log.info("No assistant endpoint configured (chatshare.assistant.base-url): using the offline demo assistant");
            return new DemoAssistant(properties.demoDelay());
        }
        String apiKey = properties.apiKey() == null || properties.apiKey().isBlank() ? "none" : properties.apiKey();
        OpenAiChatModel chatModel = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(properties.baseUrl())
                        .apiKey(apiKey)
                        .model(properties.model())
                        .timeout(properties.timeout())
                        .maxRetries(0)
                        .maxTokens(properties.maxTokens())
                        .build())
                .build();
        log.info("Assistant: model {} at {}", properties.model(), properties.baseUrlForLog());
        return new OpenAiCompatibleAssistant(chatModel, properties.model(), properties.maxTokens(),
                new ModelsClient(properties.baseUrl(), apiKey, properties.timeout(), modelsKeptFor, clock));
    }
}
