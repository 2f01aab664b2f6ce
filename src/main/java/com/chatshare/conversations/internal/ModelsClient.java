package com.chatshare.conversations.internal;

import com.chatshare.conversations.AssistantUnavailableException;
import com.chatshare.conversations.ModelOptions;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The models an OpenAI-compatible endpoint offers ({@code GET /models} under its base URL), kept
 * for a while. A list that is too large, malformed, an error status or no answer in time ends as
 * an {@link AssistantUnavailableException}, also kept for a short while, so a down endpoint is not
 * asked again by every chat that opens.
 */
final class ModelsClient {

    private static final Logger log = LoggerFactory.getLogger(ModelsClient.class);

    /** The largest list body read; a larger one is refused, not parsed. */
    static final int MAX_BYTES = 1024 * 1024;
    /** The most models a list may have. */
    static final int MAX_MODELS = 500;
    /** The longest wait for the list: the picker should not hang the chat for the answer timeout. */
    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    /** How long a failure is kept before the endpoint is asked again. */
    static final Duration FAILURE_KEPT = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;
    private final Duration cacheFor;
    private final Clock clock;
    private volatile @Nullable Listing last;
    private final ReentrantLock fetching = new ReentrantLock();

    /** The last answer, a list or a failure, and until when it holds. */
    private record Listing(@Nullable List<String> models, @Nullable AssistantUnavailableException failure,
            Instant until) {
    }

    ModelsClient(String baseUrl, String apiKey, Duration timeout, Duration cacheFor, Clock clock) {
        Duration wait = timeout.compareTo(MAX_WAIT) < 0 ? timeout : MAX_WAIT;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(wait);
        requests.setReadTimeout(wait);
        String base = baseUrl.strip().replaceAll("/+$", "");
        this.client = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(base)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .build();
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    /**
     * The models offered, sorted by name; asks the endpoint only when the kept answer is too old,
     * one caller at a time: while one asks, the others go on with the old answer (only the very
     * first callers wait for it), so an endpoint that hangs holds up one sender, not every one.
     */
    List<String> models() {
        Listing kept = last;
        if (kept == null || !clock.instant().isBefore(kept.until())) {
            if (kept == null) {
                fetching.lock();
            }
            if (kept == null || fetching.tryLock()) {
                try {
                    Listing again = last;
                    if (again == null || !clock.instant().isBefore(again.until())) {
                        again = fetch(clock.instant());
                        last = again;
                    }
                    kept = again;
                } finally {
                    fetching.unlock();
                }
            }
        }
        if (kept.failure() != null) {
            throw kept.failure();
        }
        return kept.models();
    }

    private Listing fetch(Instant now) {
        try {
            return new Listing(parse(download()), null, now.plus(cacheFor));
        } catch (AssistantUnavailableException e) {
            log.warn("Could not list the assistant's models: {}", e.getMessage());
            return new Listing(null, e, now.plus(FAILURE_KEPT));
        } catch (RestClientException | IllegalArgumentException e) {
            log.warn("Could not list the assistant's models: {}", e.toString());
            return new Listing(null, new AssistantUnavailableException(
                    "The assistant service did not list its models.", e), now.plus(FAILURE_KEPT));
        }
    }

    private byte[] download() {
        return client.get().uri("/models").exchange((request, response) -> {
            if (!response.getStatusCode().is2xxSuccessful()) {
                throw new AssistantUnavailableException("The assistant service answered "
                        + response.getStatusCode().value() + " when asked for its models.", null);
            }
            try (InputStream in = response.getBody()) {
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) {
                    throw new AssistantUnavailableException("The assistant service's list of models is larger than "
                            + MAX_BYTES / 1024 + " KiB.", null);
                }
                return body;
            } catch (IOException e) {
                throw new AssistantUnavailableException("The assistant service's list of models could not be read.", e);
            }
        }, true);
    }

    static List<String> parse(byte[] body) {
        JsonNode data;
        try {
            data = JSON.readTree(body).path("data");
        } catch (JacksonException e) {
            throw new AssistantUnavailableException("The assistant service's list of models is not valid JSON.", e);
        }
        if (!data.isArray()) {
            throw new AssistantUnavailableException("The assistant service's list of models has no \"data\" list.", null);
        }
        if (data.size() > MAX_MODELS) {
            throw new AssistantUnavailableException("The assistant service lists " + data.size()
                    + " models; at most " + MAX_MODELS + " are read.", null);
        }
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode entry : data) {
            JsonNode id = entry.path("id");
            if (id.isString() && isName(id.stringValue())) {
                names.add(id.stringValue());
            }
        }
        if (names.isEmpty()) {
            throw new AssistantUnavailableException("The assistant service lists no models.", null);
        }
        return new ArrayList<>(names);
    }

    /** A name fit to show and to send back: not blank, not too long, no control characters. */
    private static boolean isName(String name) {
        return !name.isBlank() && name.length() <= ModelOptions.NAME_MAX_LENGTH
                && name.codePoints().noneMatch(Character::isISOControl);
    }
}
