package com.chatshare.conversations.internal;

import com.chatshare.conversations.Assistant;
import com.chatshare.conversations.AssistantProperties;
import com.chatshare.conversations.ChatTurn;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The assistant of the test context: the demo assistant, or for a test that asks, the real
 * OpenAI-compatible adapter pointed at a fake server. Switching beats a second Spring context,
 * which would also bring a second security context holder strategy.
 */
public class SwitchableAssistant implements Assistant {

    private final Assistant demo;
    private volatile Assistant current;

    public SwitchableAssistant(Assistant demo) {
        this.demo = demo;
        this.current = demo;
    }

    public void useEndpoint(String baseUrl, String model, Duration timeout) {
        current = new AssistantConfiguration().assistant(
                new AssistantProperties(baseUrl, "test-key", model, timeout, Duration.ZERO, 4096, 1000));
    }

    public void useDemo() {
        current = demo;
    }

    @Override
    public String displayName() {
        return current.displayName();
    }

    @Override
    public Flux<String> reply(List<ChatTurn> history) {
        return current.reply(history);
    }

    @Override
    public Flux<String> reply(List<ChatTurn> history, int attempt) {
        return current.reply(history, attempt);
    }
}
