package com.chatshare.conversations.internal;

import java.util.Arrays;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;

/** Answers {@code GET /v1/models} in the OpenAI format: {@code {"object":"list","data":[{"id":…},…]}}. */
public final class FakeModels {

    private FakeModels() {
    }

    public static MockResponse list(String... ids) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body(ids));
    }

    public static String body(String... ids) {
        return "{\"object\":\"list\",\"data\":[" + Arrays.stream(ids)
                .map(id -> "{\"id\":\"" + json(id) + "\",\"object\":\"model\",\"owned_by\":\"test\"}")
                .collect(Collectors.joining(",")) + "]}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
