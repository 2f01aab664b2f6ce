package com.chatshare.bench;

import com.chatshare.SignedIn;
import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.PreviewMessage;
import com.chatshare.sharing.SharePreview;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.disclosure.SnapshotCheck;
import com.chatshare.sharing.ShareRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the owner waits for when sharing a 1,000-message chat from the dialog, with the check
 * before sharing: the preview (every message rendered and scanned, national numbers of the US
 * too), then the share of that choice with every flagged message left out ("Leave out" on each
 * finding), as the dialog sends it. The chat is {@link SnapshotCheckBench#chat}'s. The first run
 * is the first share after the start (it creates the link and loads the check's rules and data);
 * the others update it. Run with bench/share-with-check.sh; not part of the test suite (tagged
 * "bench"), and it asserts no timings.
 */
@Tag("bench")
@SpringBootTest
class ShareWithCheckBench {

    static final int RUNS = 15;

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    @Autowired
    MarkdownRenderer markdown;

    @Test
    void preview_scan_and_share_a_long_chat() throws Exception {
        SignedIn.as(users, "alice");
        List<ChatTurn> turns = SnapshotCheckBench.turns(new Random(14));
        ConversationSummary chat = conversations.createConversation("Thousand with the check", turns);

        double[] previews = new double[RUNS];
        double[] sharesTaken = new double[RUNS];
        double[] totals = new double[RUNS];
        double[] reads = new double[RUNS];
        double[] renders = new double[RUNS];
        double[] scans = new double[RUNS];
        int flagged = 0;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            SharePreview preview = shares.preview(chat.id(), Locale.US);
            long previewed = System.nanoTime();
            Set<Long> leftOut = preview.messages().stream().filter(m -> !m.findings().isEmpty())
                    .map(PreviewMessage::messageId).collect(Collectors.toSet());
            shares.share(ShareRequest.of(chat.id(), "Thousand with the check", ShareVisibility.ANONYMOUS)
                    .withChoice(preview.choiceExcluding(leftOut)));
            long shared = System.nanoTime();
            previews[run] = (previewed - start) / 1e6;
            sharesTaken[run] = (shared - previewed) / 1e6;
            totals[run] = (shared - start) / 1e6;
            flagged = leftOut.size();

            // The preview's parts, measured apart after it: read, render, check.
            long before = System.nanoTime();
            List<String> read = conversations.findMessages(chat.id()).stream().map(m -> m.content()).toList();
            long readAt = System.nanoTime();
            read.forEach(markdown::toHtml);
            long renderedAt = System.nanoTime();
            SnapshotCheck.forLocale(Locale.US).scanAll(read);
            reads[run] = (readAt - before) / 1e6;
            renders[run] = (renderedAt - readAt) / 1e6;
            scans[run] = (System.nanoTime() - renderedAt) / 1e6;
        }
        SignedIn.signOut();

        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "chat: %,d messages, %,d characters; %d flagged and left out; %d runs",
                turns.size(), turns.stream().mapToLong(t -> t.content().length()).sum(), flagged, RUNS));
        report.add(line("preview: render + check (locale en-US)", previews));
        report.add(line("share of the choice (create, then updates)", sharesTaken));
        report.add(line("preview + check + share", totals));
        report.add("the preview's parts, each measured after it (so never first in the JVM):");
        report.add(line("  read the 1,000 messages", reads));
        report.add(line("  render them (the one Markdown sanitiser)", renders));
        report.add(line("  check them (SnapshotCheck, en-US)", scans));
        Path out = Path.of("target", "bench", "share-with-check.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private static String line(String what, double[] millis) {
        double first = millis[0];
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%-45s first %6.1f ms   median %6.1f ms   max %6.1f ms", what, first,
                sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }
}
