package com.chatshare.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One browser tab of one person, speaking Vaadin Flow's client-server protocol as the Flow client
 * in Chromium does (recorded with DevTools, BENCHMARKS.md "How many people one node holds"): its
 * own cookie jar; the sign-in form with its CSRF token; the page, then {@code ?v-r=init} for the
 * UI's id, security key and push id; the push websocket ({@code /VAADIN/push}, Atmosphere with
 * length-prefixed messages); RPCs as XHR POSTs to {@code ?v-r=uidl} with the running
 * {@code syncId}/{@code clientId}, one at a time as the client sends them; and the grid's
 * {@code confirmUpdate} answers the client sends for each {@code $connector.confirm}.
 *
 * <p>It keeps from the server's changes only what a script needs: which node has which {@code id}
 * and {@code href} attribute. Every message (XHR answer or push) goes to a listener as text.
 */
final class VaadinTab implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    private final Executor executor;
    private final ReentrantLock xhr = new ReentrantLock();
    private final Map<String, Integer> nodesById = new ConcurrentHashMap<>();
    private final Map<Integer, String> hrefs = new ConcurrentHashMap<>();
    private final StringBuilder pushBuffer = new StringBuilder();
    private volatile Consumer<String> listener = message -> { };
    private volatile Consumer<String> errors = error -> { };
    private volatile int syncId;
    private int clientId;
    private int promise;
    private int uiId;
    private String securityKey = "";
    private String springCsrf = "";
    private WebSocket push;
    private volatile boolean closing;
    private volatile int pushFrames;
    private volatile long lastPushNanos;

    /** @param from the address this person's connections come from (a 127.x.y.z loopback address) */
    VaadinTab(URI base, java.net.InetAddress from, Executor executor) {
        this.base = base;
        this.executor = executor;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(TIMEOUT).localAddress(from)
                .executor(executor).build();
    }

    /** Every message from the server, XHR answers and push alike, as its JSON text. */
    void onMessage(Consumer<String> listener) {
        this.listener = listener;
    }

    /** Problems the tab met outside a call: the push connection closed, an unexpected message. */
    void onError(Consumer<String> errors) {
        this.errors = errors;
    }

    /** The sign-in page's form post; false when the server said no. */
    boolean signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("login");
        Matcher csrf = CSRF_INPUT.matcher(page.body());
        if (!csrf.find()) {
            throw new IOException("no CSRF token on the sign-in page");
        }
        String form = "_csrf=" + enc(csrf.group(1)) + "&username=" + enc(username) + "&password=" + enc(password);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("login")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 && !answer.uri().getPath().endsWith("login");
    }

    /**
     * Opens a route as a browser does: the page, the init request, the push connection, then the
     * navigation the client asks for.
     */
    void open(String route) throws IOException, InterruptedException {
        if (push != null) {
            // A new page in the same tab: the old UI's push connection goes, its counters start again.
            closing = true;
            push.abort();
            closing = false;
        }
        syncId = 0;
        clientId = 0;
        promise = 0;
        nodesById.clear();
        hrefs.clear();
        pushBuffer.setLength(0);
        HttpResponse<String> page = get(route);
        Matcher meta = CSRF_META.matcher(page.body());
        springCsrf = meta.find() ? meta.group(1) : "";
        String init = "?v-r=init&location=" + enc(route) + "&query=&v-sh=900&v-sw=1440&v-wh=813&v-ww=1280"
                + "&v-bh=813&v-bw=1280&v-curdate=" + System.currentTimeMillis()
                + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-wn=v-" + Math.random();
        HttpResponse<String> answer = get(init);
        JsonNode config = JSON.readTree(answer.body()).get("appConfig");
        uiId = config.get("v-uiId").asInt();
        JsonNode uidl = config.get("uidl");
        securityKey = uidl.get("Vaadin-Security-Key").asString();
        String pushId = uidl.get("Vaadin-Push-ID").asString();
        handle(uidl);
        URI pushUri = URI.create(base.resolve("VAADIN/push").toString().replaceFirst("^http", "ws")
                + "?v-r=push&v-uiId=" + uiId + "&v-pushId=" + pushId + "&X-Atmosphere-tracking-id=0"
                + "&X-Atmosphere-Framework=4.0.1&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true&X-Vaadin-LastSeenServerSyncId=0");
        try {
            push = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(pushUri, new PushListener())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("push connection failed", e);
        }
        navigate(route, "");
    }

    /** The client-side router's navigation: to a route, as a click on a router link ("link") or at start (""). */
    void navigate(String route, String trigger) throws IOException, InterruptedException {
        ObjectNode data = JSON.createObjectNode().put("route", route.isEmpty() ? "/" : route).put("query", "")
                .put("appShellTitle", "").put("trigger", trigger);
        data.putObject("historyState").put("idx", 0);
        rpc(List.of(event(1, "ui-navigate", data)));
    }

    /** The push connection's state, for a report of an answer that never ended. */
    String pushState() {
        return "push " + (push == null ? "never opened" : push.isInputClosed() ? "closed" : "open") + ", " + pushFrames
                + " frames, the last " + (System.nanoTime() - lastPushNanos) / 1_000_000 + " ms ago";
    }

    Optional<Integer> node(String elementId) {
        return Optional.ofNullable(nodesById.get(elementId));
    }

    /** The {@code href} attributes the UI has shown so far. */
    java.util.Collection<String> hrefs() {
        return hrefs.values();
    }

    /** A value typed into a field: the property synced, then the field's change event, as on blur. */
    ObjectNode[] typed(int node, String value) {
        ObjectNode sync = JSON.createObjectNode().put("type", "mSync").put("node", node).put("feature", 1)
                .put("property", "value").put("value", value);
        return new ObjectNode[] {sync, event(node, "change", JSON.createObjectNode())};
    }

    ObjectNode click(int node) {
        ObjectNode data = JSON.createObjectNode().put("event.shiftKey", false).put("event.metaKey", false)
                .put("event.detail", 1).put("event.ctrlKey", false).put("event.clientX", 1146)
                .put("event.clientY", 775).put("event.altKey", false).put("event.button", 0)
                .put("event.screenY", 872).put("event.screenX", 1156);
        return event(node, "click", data);
    }

    static ObjectNode event(int node, String name, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode().put("type", "event").put("node", node).put("event", name);
        event.set("data", data);
        return event;
    }

    /** One XHR with these RPCs, after any still on its way (the client sends one at a time). */
    String rpc(List<ObjectNode> calls) throws IOException, InterruptedException {
        xhr.lock();
        try {
            ObjectNode body = JSON.createObjectNode().put("csrfToken", securityKey);
            ArrayNode rpc = body.putArray("rpc");
            calls.forEach(rpc::add);
            body.put("syncId", syncId).put("clientId", clientId++);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("?v-r=uidl&v-uiId=" + uiId))
                    .timeout(TIMEOUT).header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("UIDL request answered " + answer.statusCode());
            }
            String text = answer.body().startsWith("for(;;);") ? answer.body().substring(8) : answer.body();
            handle(JSON.readTree(text));
            return text;
        } finally {
            xhr.unlock();
        }
    }

    /** The heartbeat the client sends every {@code heartbeatInterval} seconds, so the UI is not closed. */
    void heartbeat() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("?v-r=heartbeat&v-uiId=" + uiId))
                .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("heartbeat answered " + answer.statusCode());
        }
    }

    /** Spring Security's sign-out (POST /logout with the page's CSRF token): the session ends. */
    void signOut() throws IOException, InterruptedException {
        closing = true;
        http.send(HttpRequest.newBuilder(base.resolve("logout")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(springCsrf))).build(),
                HttpResponse.BodyHandlers.discarding());
        close();
    }

    @Override
    public void close() {
        closing = true;
        if (push != null) {
            push.abort();
        }
        http.shutdownNow();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + answer.statusCode());
        }
        return answer;
    }

    private void handle(JsonNode message) {
        if (message.has("syncId")) {
            syncId = Math.max(syncId, message.get("syncId").asInt());
        }
        JsonNode meta = message.get("meta");
        if (!closing && meta != null && (meta.has("sessionExpired") || meta.has("appError") || meta.has("invalidSession"))) {
            errors.accept("server said " + meta);
        }
        for (JsonNode change : message.path("changes")) {
            if ("put".equals(change.path("type").asString()) && change.path("feat").asInt() == 3) {
                String key = change.path("key").asString();
                if ("id".equals(key)) {
                    nodesById.put(change.get("value").asString(), change.get("node").asInt());
                } else if ("href".equals(key)) {
                    hrefs.put(change.get("node").asInt(), change.get("value").asString());
                }
            }
        }
        for (JsonNode execute : message.path("execute")) {
            // [{"@v-node": grid}, updateId, "return $0.$connector.confirm($1)"]: the client confirms the update.
            String script = execute.get(execute.size() - 1).asString();
            if (script.contains("$connector.confirm(") && execute.size() == 3) {
                int grid = execute.get(0).get("@v-node").asInt();
                int update = execute.get(1).asInt();
                executor.execute(() -> confirm(grid, update));
            }
        }
        listener.accept(message.toString());
    }

    private void confirm(int grid, int update) {
        ObjectNode call = JSON.createObjectNode().put("type", "publishedEventHandler").put("node", grid)
                .put("templateEventMethodName", "confirmUpdate");
        call.putArray("templateEventMethodArgs").add(update);
        synchronized (this) {
            call.put("promise", promise++);
        }
        try {
            rpc(List.of(call));
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (!closing) {
                errors.accept("confirmUpdate failed: " + e);
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Atmosphere's messages, each {@code length|json}; a frame may hold parts of one or several. */
    private final class PushListener implements WebSocket.Listener {

        private boolean handshakeSeen;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            try {
                pushFrames++;
                lastPushNanos = System.nanoTime();
                pushBuffer.append(data);
                while (true) {
                    int bar = pushBuffer.indexOf("|");
                    if (bar < 0) {
                        break;
                    }
                    int length = Integer.parseInt(pushBuffer.substring(0, bar).strip());
                    if (pushBuffer.length() < bar + 1 + length) {
                        break;
                    }
                    String message = pushBuffer.substring(bar + 1, bar + 1 + length);
                    pushBuffer.delete(0, bar + 1 + length);
                    if (!handshakeSeen) {
                        // The tracking id and heartbeat settings Atmosphere sends first.
                        handshakeSeen = true;
                    } else if (message.startsWith("{")) {
                        handle(JSON.readTree(message));
                    }
                }
            } catch (RuntimeException e) {
                errors.accept("unreadable push frame (" + e + "): "
                        + pushBuffer.substring(0, Math.min(200, pushBuffer.length())));
                pushBuffer.setLength(0);
            } finally {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!closing) {
                errors.accept("push closed: " + statusCode + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!closing) {
                errors.accept("push failed: " + error);
            }
        }
    }
}
