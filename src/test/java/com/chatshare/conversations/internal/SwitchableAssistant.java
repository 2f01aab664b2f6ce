package com.chatshare.conversations.internal;

import com.chatshare.conversations.Assistant;
import com.chatshare.conversations.AssistantProperties;
import com.chatshare.conversations.AssistantRequest;
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
    private volatile boolean listsModels;

    public SwitchableAssistant(Assistant demo) {
        this.demo = demo;
        this.current = demo;
    }

    /**
     * The endpoint, offering only {@code model} without asking for its list, so a test that queues
     * its answers ({@code MockWebServer.enqueue}) gets them at its chat completions.
     */
    public void useEndpoint(String baseUrl, String model, Duration timeout) {
        use(baseUrl, model, timeout, false);
    }

    /** The endpoint with its models listed at {@code GET /models}, as a real one is (a new list each call). */
    public void useEndpointWithModels(String baseUrl, String model, Duration timeout) {
        use(baseUrl, model, timeout, true);
    }

    private void use(String baseUrl, String model, Duration timeout, boolean listed) {
        current = new AssistantConfiguration().assistant(
                new AssistantProperties(baseUrl, "test-key", model, timeout, Duration.ZERO, 4096, 1000));
        listsModels = listed;
    }

    public void useDemo() {
        current = demo;
        listsModels = false;
    }

    @Override
    public String displayName() {
        return current.displayName();
    }

    @Override
    public List<String> models() {
        Assistant now = current;
        return now == demo || listsModels ? now.models() : List.of(now.displayName());
    }

    @Override
    public Flux<String> reply(AssistantRequest request) {
        return current.reply(request);
    }
}
