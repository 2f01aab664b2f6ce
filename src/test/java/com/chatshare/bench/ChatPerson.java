package com.chatshare.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * One person of the UI load benchmark ({@link UiLoadBench}), in one tab ({@link VaadinTab}): created
 * once through the registration form with a first chat, then in each round signed in afresh,
 * opening the chat list, clicking their chat in it, and sending a message every 10 seconds while
 * reading the demo assistant's streamed answer from the push messages.
 *
 * <p>First words: the first message (push or XHR answer) that puts the answer's text into the page:
 * the demo assistant's answers start with "You asked", and the first push may carry only "You". Whole answer: the message that shows Send again,
 * which the chat does once the answer is finished and stored.
 */
final class ChatPerson {

    static final String PASSWORD = "load-test-password";
    private static final Pattern CHAT_HREF = Pattern.compile("chat/[0-9]+");
    /**
     * The demo answer's first word ("You asked: …"), which no question of the driver contains: the
     * first message that puts it into the page carries the answer's first words, however few.
     */
    private static final String ANSWER_START = "You";
    /** The end of every demo answer: the whole answer reached the browser. */
    private static final String ANSWER_END = "configure an OpenAI-compatible endpoint";

    /** One question: when it was sent, and how long to the first words and to the whole answer (ms; -1 if never). */
    record Sample(long sentAtMillis, double firstWordsMs, double wholeMs, boolean late) {
    }

    final String username;
    private final URI base;
    private final java.net.InetAddress from;
    private final Executor executor;
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    final List<Sample> samples = new ArrayList<>();
    private String chat = "";
    private VaadinTab tab;
    private volatile Waiting waiting;

    /** What the person waits for after pressing Send. */
    private static final class Waiting {
        final long sent = System.nanoTime();
        volatile long firstWords;
        final StringBuilder answer = new StringBuilder();
        final CompletableFuture<Long> whole = new CompletableFuture<>();
        volatile int messages;
        volatile String last = "";
    }

    ChatPerson(URI base, int index, Executor executor) {
        this.base = base;
        // Each person from an address of their own, as people on their own connections are: the
        // sign-in throttle counts checks per address (20 in flight from one address are refused).
        try {
            this.from = java.net.InetAddress.getByAddress(new byte[] {127, 1, (byte) (index / 250), (byte) (index % 250 + 1)});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        this.username = System.getProperty("bench.prefix", "load") + "%04d".formatted(index);
        this.executor = executor;
    }

    /** Registers through the form, signs in, starts a chat with a first question, signs out. */
    void create() throws Exception {
        try (VaadinTab registration = new VaadinTab(base, from, executor)) {
            registration.open("register");
            int name = registration.node("username").orElseThrow();
            int display = registration.node("display-name").orElseThrow();
            int password = registration.node("password").orElseThrow();
            int create = registration.node("create-account").orElseThrow();
            List<ObjectNode> calls = new ArrayList<>();
            calls.addAll(List.of(registration.typed(name, username)));
            calls.addAll(List.of(registration.typed(display, "Load " + username)));
            calls.addAll(List.of(registration.typed(password, PASSWORD)));
            calls.add(registration.click(create));
            String answer = registration.rpc(calls);
            if (!answer.contains("form.action = 'login'")) {
                throw new IOException("registration of " + username + " was refused: " + answer);
            }
            // The page now posts the sign-in form itself, in the same session.
            if (!registration.signIn(username, PASSWORD)) {
                throw new IOException(username + " could not sign in after registering");
            }
            tab = registration;
            tab.open("");
            ask("My first question: how do I plan a small project?").get(60, TimeUnit.SECONDS);
            // The chat list shows the new chat once the answer is stored.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (chatInList().isEmpty() && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            chat = chatInList().orElseThrow(() -> new IOException(username + "'s chat is not in the chat list"));
            tab.signOut();
        }
    }

    /** Signs in, opens the chat list, then the chat by clicking it there. */
    void signInAndOpenChat() throws Exception {
        tab = new VaadinTab(base, from, executor);
        tab.onError(errors::add);
        if (!tab.signIn(username, PASSWORD)) {
            throw new IOException(username + " could not sign in");
        }
        tab.open("");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!tab.hrefs().contains(chat) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        if (!tab.hrefs().contains(chat)) {
            throw new IOException(username + "'s chat " + chat + " is not in the chat list within 30 s (shown: "
                    + tab.hrefs() + ")");
        }
        tab.navigate(chat, "link");
        if (tab.node("conversation-title").isEmpty()) {
            throw new IOException(username + "'s chat did not open");
        }
    }

    /** Sends a message every {@code periodMillis} until {@code endNanos}, each after the last answer is whole. */
    void talkUntil(long endNanos, long periodMillis, long firstDelayMillis) throws InterruptedException {
        long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(firstDelayMillis);
        int count = 0;
        while (next < endNanos) {
            long wait = next - System.nanoTime();
            boolean late = wait < 0;
            if (!late) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            count++;
            long sentAt = System.currentTimeMillis();
            try {
                CompletableFuture<Long> whole = ask(count % 3 == 0
                        ? "Question " + count + ": how do I write this java function better?"
                        : "Question " + count + " from " + username + ": what should I do next?");
                long doneNanos = whole.get(60, TimeUnit.SECONDS);
                Waiting done = waiting;
                samples.add(new Sample(sentAt, (done.firstWords - done.sent) / 1e6, (doneNanos - done.sent) / 1e6, late));
                if (!done.answer.toString().contains(ANSWER_END)) {
                    errors.add("answer " + count + " of " + username + " arrived incomplete");
                }
            } catch (TimeoutException e) {
                Waiting stuck = waiting;
                errors.add("no whole answer within 60 s for " + username + " (first words "
                        + (stuck.firstWords != 0 ? "seen" : "not seen") + ", " + stuck.messages + " messages since Send, "
                        + tab.pushState() + ", last: "
                        + stuck.last.substring(0, Math.min(300, stuck.last.length())) + ")");
                samples.add(new Sample(sentAt, -1, -1, late));
            } catch (IOException | ExecutionException | RuntimeException e) {
                errors.add(username + ": " + e);
                samples.add(new Sample(sentAt, -1, -1, late));
            }
            next += TimeUnit.MILLISECONDS.toNanos(periodMillis);
        }
    }

    /** Keeps the UI alive as the client's heartbeat does. */
    void heartbeat() {
        try {
            tab.heartbeat();
        } catch (IOException | InterruptedException | RuntimeException e) {
            errors.add(username + " heartbeat: " + e);
        }
    }

    void signOut() {
        try {
            tab.signOut();
        } catch (IOException | InterruptedException | RuntimeException e) {
            errors.add(username + " sign-out: " + e);
        }
    }

    /** Types the question and clicks Send, as the recorded browser did: value, change, click in one XHR. */
    private CompletableFuture<Long> ask(String question) throws IOException, InterruptedException {
        int input = tab.node("message-input").orElseThrow();
        int send = tab.node("send").orElseThrow();
        String sendVisible = "{\"node\":" + send + ",\"type\":\"put\",\"key\":\"visible\",\"feat\":0,\"value\":true}";
        Waiting now = new Waiting();
        waiting = now;
        tab.onMessage(message -> {
            now.messages++;
            now.last = message;
            if (now.firstWords == 0 && message.contains(ANSWER_START)
                    && (message.contains("innerHTML") || message.contains("insertAdjacentHTML"))) {
                now.firstWords = System.nanoTime();
            }
            if (now.firstWords != 0) {
                synchronized (now.answer) {
                    now.answer.append(message);
                }
            }
            if (now.firstWords != 0 && message.contains(sendVisible)) {
                now.whole.complete(System.nanoTime());
            }
        });
        List<ObjectNode> calls = new ArrayList<>(List.of(tab.typed(input, question)));
        calls.add(tab.click(send));
        tab.rpc(calls);
        return now.whole;
    }

    private java.util.Optional<String> chatInList() {
        return tab.hrefs().stream().filter(href -> CHAT_HREF.matcher(href).matches()).findFirst();
    }
}
