package com.chatshare.conversations.internal;

import com.chatshare.conversations.Assistant;
import com.chatshare.conversations.AssistantUnavailableException;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.MessageRole;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * Any OpenAI-compatible chat completions API (OpenAI, Ollama, vLLM, LM Studio) through Spring
 * AI, streamed.
 */
final class OpenAiCompatibleAssistant implements Assistant {

    private static final Logger log = LoggerFactory.getLogger(OpenAiCompatibleAssistant.class);

    private final ChatModel chatModel;
    private final String model;

    OpenAiCompatibleAssistant(ChatModel chatModel, String model) {
        this.chatModel = chatModel;
        this.model = model;
    }

    @Override
    public String displayName() {
        return model;
    }

    @Override
    public Flux<String> reply(List<ChatTurn> history) {
        List<org.springframework.ai.chat.messages.Message> messages = history.stream()
                .<org.springframework.ai.chat.messages.Message>map(turn -> turn.role() == MessageRole.USER
                        ? new UserMessage(turn.content())
                        : new AssistantMessage(turn.content()))
                .toList();
        return chatModel.stream(new Prompt(messages))
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
