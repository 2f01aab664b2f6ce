package com.chatshare.bench;

import com.chatshare.disclosure.SnapshotCheck;
import com.chatshare.disclosure.SnapshotCheck.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The check before sharing on a 1,000-message chat: every message scanned, 20 times in a fresh
 * JVM. One short message is scanned first and timed on its own: it loads the rules and the
 * libraries' data (top-level domains, numbering plans), as the first share after a start does; the
 * first of the 20 runs then shows what a not yet compiled scanner costs. Run with bench/snapshot-check.sh; not part of the test suite (tagged
 * "bench"), and it asserts no timings.
 */
@Tag("bench")
class SnapshotCheckBench {

    static final int MESSAGES = 1_000;
    static final int RUNS = 20;
    static final int MIN_LENGTH = 250;
    static final int MAX_LENGTH = 1_500;

    @Test
    void scan_a_long_chat() throws Exception {
        List<String> chat = chat(new Random(14));
        long characters = chat.stream().mapToLong(String::length).sum();

        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "chat: %,d messages, %,d characters (%,d to %,d each), %d runs each",
                chat.size(), characters, chat.stream().mapToInt(String::length).min().orElseThrow(),
                chat.stream().mapToInt(String::length).max().orElseThrow(), RUNS));
        long loading = System.nanoTime();
        SnapshotCheck.international().scan("Loads the rules and libraries: jane.doe@gmail.com, +49 30 901820, "
                + "4111 1111 1111 1111, DE89 3704 0044 0532 0130 00, password = \"hunter2x\"");
        report.add(String.format(Locale.ROOT, "%-40s %6.1f ms", "first message in the JVM (one line)",
                (System.nanoTime() - loading) / 1e6));
        report.add(measure("international phone numbers only", SnapshotCheck.international(), chat));
        report.add(measure("with national numbers of region US", SnapshotCheck.withPhoneRegion("US"), chat));

        Path out = Path.of("target", "bench", "snapshot-check.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private static String measure(String what, SnapshotCheck check, List<String> chat) {
        double[] millis = new double[RUNS];
        int findings = 0;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            Map<Integer, List<Finding>> found = check.scanAll(chat);
            millis[run] = (System.nanoTime() - start) / 1e6;
            findings = found.values().stream().mapToInt(List::size).sum();
        }
        double first = millis[0];
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "%-40s first %6.1f ms   median %6.1f ms   max %6.1f ms   (%d findings)",
                what, first, (millis[RUNS / 2 - 1] + millis[RUNS / 2]) / 2, millis[RUNS - 1], findings);
    }

    /**
     * A chat about building software, as people have with an assistant: questions, answers in
     * Markdown with code blocks, lists and tables, full of numbers, hashes, versions, dates and
     * URLs; one message in fifty holds something the check should find.
     */
    /** {@link #chat}'s messages as turns, the person's and the assistant's in turn. */
    static List<com.chatshare.conversations.ChatTurn> turns(Random random) {
        List<String> texts = chat(random);
        List<com.chatshare.conversations.ChatTurn> turns = new java.util.ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            turns.add(new com.chatshare.conversations.ChatTurn(i % 2 == 0 ? com.chatshare.conversations.MessageRole.USER
                    : com.chatshare.conversations.MessageRole.ASSISTANT, texts.get(i)));
        }
        return turns;
    }

    static List<String> chat(Random random) {
        List<String> messages = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            int target = MIN_LENGTH + random.nextInt(MAX_LENGTH - MIN_LENGTH + 1);
            StringBuilder message = new StringBuilder(MAX_LENGTH + 100);
            while (message.length() < target) {
                String part = pick(random, i % 2 == 0 ? QUESTION_PARTS : ANSWER_PARTS);
                if (message.length() >= MIN_LENGTH && message.length() + part.length() > MAX_LENGTH) {
                    break;
                }
                message.append(part).append("\n\n");
            }
            if (random.nextInt(50) == 0) {
                message.append(pick(random, FINDABLE)).append('\n');
            }
            messages.add(message.toString());
        }
        return messages;
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    static final List<String> QUESTION_PARTS = List.of(
            "How do I make the Spring Boot 4.0.7 app read its database password from the environment instead of"
                    + " application.yml? It runs in Docker on 192.168.1.20 and the build is 1.4.2-SNAPSHOT.",
            "I get `java.lang.IllegalStateException: Failed to load ApplicationContext` after upgrading to Vaadin"
                    + " 25.2.5. The stack trace mentions line 4711 of MainLayout.java.",
            "Here is the log:\n```\n2026-12-03T08:15:30.123Z ERROR 4242 --- [main] o.s.b.SpringApplication :"
                    + " Application run failed\n2026-12-03T08:15:30.456Z  WARN 4242 --- [main] request"
                    + " 3f2504e0-4f89-11d3-9a0c-0305e82c3301 took 1733 ms\n```",
            "Why is `git log` showing 9fceb02 twice? The merge commit is e83c5163316f89bfbde7d9ab23ca2e25604af290.",
            "Can you explain what `@Transactional(readOnly = true)` does on a repository method?",
            "My order #A-2026-0004711 from 03/12/2026 shows 1,234.50 EUR but I paid 1,199.00.",
            "What does this regex do: `^(?=.*[0-9])(?=.*[a-z]).{12,}$`?",
            "The book is ISBN 978-3-16-148410-0, chapter 12, page 347. Is it still current?");

    static final List<String> ANSWER_PARTS = List.of(
            "Sure. Keep the secret out of the file and let Spring read it from the environment:\n\n```yaml\n"
                    + "spring:\n  datasource:\n    url: jdbc:mariadb://db:3306/chatshare\n    username: chatshare\n"
                    + "    password: ${DB_PASSWORD}\n```\n\nThen start the container with `-e DB_PASSWORD=…`.",
            "Here is a minimal service:\n\n```java\n@Service\nclass AccountService {\n\n    private final"
                    + " PasswordEncoder encoder;\n\n    AccountService(PasswordEncoder encoder) {\n        this.encoder ="
                    + " encoder;\n    }\n\n    @Transactional\n    public void changePassword(long id, String password) {\n"
                    + "        String hash = encoder.encode(password);\n        repository.updateHash(id, hash);\n    }\n}\n```",
            "1. Check the version: `./mvnw -v` should print Apache Maven 3.9.11 and Java 25.0.1.\n2. Clear the cache:"
                    + " `rm -rf ~/.m2/repository/com/vaadin`.\n3. Build again with `./mvnw -B -ntp verify`.",
            "| setting | default | meaning |\n|---|---|---|\n| `server.port` | 8080 | HTTP port |\n|"
                    + " `spring.threads.virtual.enabled` | false | virtual threads |\n| `management.server.port` | 8081 |"
                    + " actuator |",
            "```python\nimport hashlib, uuid\n\ndef token_for(user_id: int) -> str:\n    salt = uuid.uuid4().hex\n"
                    + "    return hashlib.sha256(f\"{user_id}:{salt}\".encode()).hexdigest()\n\nprint(token_for(4711))\n```",
            "```sql\nselect id, title, created_at\nfrom conversation\nwhere owner_id = 42 and created_at >"
                    + " '2026-01-01 00:00:00'\norder by created_at desc\nlimit 50;\n```",
            "The commit `e83c5163316f89bfbde7d9ab23ca2e25604af290` introduced the change; revert it with"
                    + " `git revert e83c516` and push to `origin/main`. See https://git-scm.com/docs/git-revert for"
                    + " details.",
            "```json\n{\n  \"id\": \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\n  \"createdAt\":"
                    + " \"2026-12-03T08:15:30Z\",\n  \"amount\": 1234.5,\n  \"items\": [4711, 4712, 4713],\n"
                    + "  \"color\": \"#1e90ff\"\n}\n```",
            "In short: **readOnly** tells the JPA provider not to flush, and MariaDB may route the query to a"
                    + " replica. It does *not* stop writes made with native SQL, so keep writes in methods without it.",
            "```bash\ncurl -s -H 'Accept: application/json' https://api.github.com/repos/vaadin/flow/releases/latest"
                    + " | jq -r .tag_name\n# 25.2.5\ndocker run --rm -p 8080:8080 chatshare:0.1.0\n```",
            "The regex requires at least one digit and one lowercase letter and at least 12 characters in all;"
                    + " `(?=…)` is a look-ahead that checks without consuming input.");

    static final List<String> FINDABLE = List.of(
            "Contact me at jane.doe@gmail.com or +49 30 901820.",
            "```\nGITHUB_TOKEN=ghp_vxy3KETVqyrxlbiUshF0U71P8FQdoE7bdiAP\n```",
            "postgres://app:S3cr3t-pw@db.internal.corp:5432/app",
            "Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00");
}
