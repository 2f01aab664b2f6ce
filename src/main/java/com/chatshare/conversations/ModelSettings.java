package com.chatshare.conversations;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Which of the endpoint's models chats may use ({@code chatshare.assistant.models.*}).
 *
 * @param allowed when not empty, only these of the models the endpoint lists are offered
 * @param defaultModel the model of a chat whose owner picked none ({@code ...models.default});
 *     when not set or not offered, the configured {@code chatshare.assistant.model}, else the first
 *     model offered
 * @param cacheFor how long the endpoint's list is kept before it is asked again
 */
@ConfigurationProperties("chatshare.assistant.models")
public record ModelSettings(
        @DefaultValue List<String> allowed,
        @Name("default") @Nullable String defaultModel,
        @DefaultValue("5m") Duration cacheFor) {

    public ModelSettings {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }
}
