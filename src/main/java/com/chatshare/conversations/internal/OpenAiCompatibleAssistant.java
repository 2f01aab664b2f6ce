package com.chatshare.conversations.internal;

import com.chatshare.conversations.Assistant;
import com.chatshare.conversations.AssistantRequest;
import com.chatshare.conversations.AssistantUnavailableException;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.MessageRole;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatOptions;
import reactor.core.publisher.Flux;

/**
 * Any OpenAI-compatible chat completions API (OpenAI, Ollama, vLLM, LM Studio) through Spring
 * AI, streamed.
 */
final class OpenAiCompatibleAssistant implements Assistant {

    private static final Logger log = LoggerFactory.getLogger(OpenAiCompatibleAssistant.class);

    private final ChatModel chatModel;
    private final String model;
    private final int maxTokens;
    private final ModelsClient models;

    OpenAiCompatibleAssistant(ChatModel chatModel, String model, int maxTokens, ModelsClient models) {
        this.chatModel = chatModel;
        this.model = model;
        this.maxTokens = maxTokens;
        this.models = models;
    }

    @Override
    public String displayName() {
        return model;
    }

    @Override
    public List<String> models() {
        return models.models();
    }

    @Override
    public Flux<String> reply(AssistantRequest request) {
        List<org.springframework.ai.chat.messages.Message> messages = new ArrayList<>();
        if (!request.instructions().isBlank()) {
            messages.add(new SystemMessage(request.instructions()));
        }
        request.history().stream()
                .<org.springframework.ai.chat.messages.Message>map(turn -> turn.role() == MessageRole.USER
                        ? new UserMessage(turn.content())
                        : new AssistantMessage(turn.content()))
                .forEach(messages::add);
        // A prompt's options replace the model's defaults rather than adding to them: the cap goes again.
        OpenAiChatOptions options = OpenAiChatOptions.builder().model(request.model()).maxTokens(maxTokens).build();
        return chatModel.stream(new Prompt(messages, options))
                .map(OpenAiCompatibleAssistant::text)
                .filter(text -> !text.isEmpty())
                .onErrorMap(e -> !(e instanceof AssistantUnavailableException), OpenAiCompatibleAssistant::explain);
    }

    private static String text(ChatResponse response) {
        if (response == null || response.getResult() == null || response.getResult().getOutput() == null) {
            return "";
        }
        String text = response.getResult().getOutput().getText();
        return text == null ? "" : text;
    }

    private static AssistantUnavailableException explain(Throwable error) {
        log.warn("Assistant request failed: {}", error.toString());
        Throwable cause = error;
        while (cause != null) {
            if (cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof java.io.InterruptedIOException) {
                return new AssistantUnavailableException("The assistant did not answer in time.", error);
            }
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException) {
                return new AssistantUnavailableException("Could not reach the assistant service.", error);
            }
            if (cause instanceof IOException && cause.getMessage() != null
                    && cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("failed to connect")) {
                return new AssistantUnavailableException("Could not reach the assistant service.", error);
            }
            cause = cause.getCause();
        }
        return new AssistantUnavailableException("The assistant service returned an error.", error);
    }
}
