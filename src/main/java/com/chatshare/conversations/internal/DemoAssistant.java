package com.chatshare.conversations.internal;

import com.chatshare.conversations.Assistant;
import com.chatshare.conversations.AssistantRequest;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.MessageRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;

/**
 * The offline assistant used when no endpoint is configured. It answers deterministically in
 * Markdown — a restatement, a short list, a code block when the question is about code — and
 * streams its answer in small pieces like a model would. It never pretends to be one: the UI
 * labels it "Demo assistant (offline)".
 */
final class DemoAssistant implements Assistant {

    static final String NAME = "Demo assistant (offline)";
    private static final Pattern CODE_WORDS = Pattern.compile(
            "\\b(code|java|python|javascript|typescript|sql|function|class|method|program|script|bug|compile|regex)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PIECES = Pattern.compile("\\S+\\s*|\\s+");
    private static final List<String> STEPS = List.of(
            "Say in one sentence what a good answer would let you do.",
            "Collect what you already know, and mark what is an assumption.",
            "Try the smallest version first, and check it against an example.",
            "Write down what you learned, so the next step starts from there.",
            "Ask someone who has done it before to look at your plan.",
            "Split the work into pieces you can finish in under an hour.");

    private final Duration delay;

    DemoAssistant(Duration delay) {
        this.delay = delay;
    }

    @Override
    public String displayName() {
        return NAME;
    }

    @Override
    public List<String> models() {
        return List.of(NAME);
    }

    /** Each new version of an answer takes other steps and says which version it is. */
    @Override
    public Flux<String> reply(AssistantRequest request) {
        List<ChatTurn> history = request.history();
        int attempt = request.attempt();
        String question = history.reversed().stream()
                .filter(turn -> turn.role() == MessageRole.USER)
                .map(ChatTurn::content)
                .findFirst()
                .orElse("");
        Flux<String> pieces = Flux.fromIterable(split(answer(question, history.size(), attempt)));
        return delay.isZero() ? pieces : pieces.delayElements(delay);
    }

    static String answer(String question, int turns) {
        return answer(question, turns, 0);
    }

    static String answer(String question, int turns, int attempt) {
        String oneLine = question.strip().replaceAll("\\s+", " ");
        String gist = oneLine.length() > 120 ? oneLine.substring(0, 119) + "…" : oneLine;
        int seed = Math.floorMod(oneLine.toLowerCase(Locale.ROOT).hashCode() + attempt, STEPS.size());
        StringBuilder answer = new StringBuilder();
        answer.append("You asked: *").append(escapeMarkdown(gist)).append("*\n\n");
        answer.append(attempt == 0 ? "Here is how I would go about it:\n\n"
                : "Another way to go about it (version " + (attempt + 1) + "):\n\n");
        for (int i = 0; i < 3; i++) {
            answer.append(i + 1).append(". ").append(STEPS.get((seed + i) % STEPS.size())).append('\n');
        }
        if (CODE_WORDS.matcher(oneLine).find()) {
            answer.append("\nA starting point in code:\n\n```java\n")
                    .append("public class Example {\n")
                    .append("    public static void main(String[] args) {\n")
                    .append("        System.out.println(\"Start small, then grow it.\");\n")
                    .append("    }\n")
                    .append("}\n```\n");
        }
        answer.append("\n_This is message ").append(turns).append(" of our chat. I am the offline demo assistant: ")
                .append("configure an OpenAI-compatible endpoint for real answers._");
        return answer.toString();
    }

    private static String escapeMarkdown(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#|~])", "\\\\$1");
    }

    private static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher matcher = PIECES.matcher(text);
        while (matcher.find()) {
            pieces.add(matcher.group());
        }
        return pieces;
    }
}
