package com.chatshare.datacontrols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.ChatImports;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.ImportSource;
import com.chatshare.conversations.MessageRole;
import com.chatshare.conversations.TreeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** An import from the file to the chat list: formats, the summary, and Chatshare's own export round trip. */
@IntegrationTest
class ChatImportTest {

    @Autowired
    ChatImport chatImport;

    @Autowired
    DataExport export;

    @Autowired
    ConversationService conversations;

    @Autowired
    MarkdownRenderer markdown;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    static final String PASSWORD = "long-enough-password";

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void a_chatgpt_zip_and_a_claude_zip_land_in_the_chat_list_marked_with_their_source() throws IOException {
        signInAsNewUser("zips");
        List<int[]> progress = new ArrayList<>();

        ImportSummary chatgpt = chatImport.importFile(zip("chatgpt-conversations.json"),
                (done, total) -> progress.add(new int[] {done, total}));
        ImportSummary claude = chatImport.importFile(zip("claude-conversations.json"), (done, total) -> { });

        assertThat(chatgpt).isEqualTo(new ImportSummary(2, Map.of(), null));
        assertThat(claude).isEqualTo(new ImportSummary(2, Map.of(), null));
        assertThat(progress).extracting(p -> p[0] + "/" + p[1]).containsExactly("0/2", "1/2", "2/2");
        Map<String, ImportSource> sources = new HashMap<>();
        conversations.findConversations(PageRequest.of(0, 10))
                .forEach(c -> sources.put(c.title(), c.importedFrom()));
        assertThat(sources).containsEntry("Sums and a picture", ImportSource.CHATGPT)
                .containsEntry("Summarise a report", ImportSource.CLAUDE)
                .containsEntry(ConversationSummary.UNTITLED, ImportSource.CLAUDE);
    }

    @Test
    void a_second_import_while_one_runs_is_refused_and_each_uploaded_file_is_deleted() throws Exception {
        signInAsNewUser("tabs");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Path first = zip("claude-conversations.json");
        CompletableFuture<ImportSummary> running = chatImport.start(first, (done, total) -> {
            if (done == 0) {
                started.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        Path second = zip("chatgpt-conversations.json");

        assertThatThrownBy(() -> chatImport.start(second, (done, total) -> { }))
                .isInstanceOf(ImportAlreadyRunningException.class);
        assertThat(second).doesNotExist();
        release.countDown();

        // The running one goes on as the user who started it, off the caller's thread.
        assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo(new ImportSummary(2, Map.of(), null));
        assertThat(first).doesNotExist();
        assertThat(conversations.countConversations()).isEqualTo(2);
    }

    @Test
    void a_page_closed_during_the_import_does_not_stop_it() throws IOException {
        signInAsNewUser("closed");

        ImportSummary summary = chatImport.importFile(zip("claude-conversations.json"), (done, total) -> {
            throw new IllegalStateException("the UI is detached");
        });

        assertThat(summary).isEqualTo(new ImportSummary(2, Map.of(), null));
    }

    @Test
    void an_account_deleted_during_its_import_stops_it_at_the_next_chat_with_one_line_logged() throws Exception {
        long owner = signInAsNewUser("leaving");
        Path file = dir.resolve("claude-many.json");
        Files.writeString(file, claudeExport(20));
        Logger logger = (Logger) LoggerFactory.getLogger(ChatImport.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            // Another tab deletes the account once the first chat is in.
            ImportSummary summary = chatImport.importFile(file, (done, total) -> {
                if (done == 1) {
                    accounts.deleteOwnAccount(PASSWORD);
                }
            });

            assertThat(jdbc.queryForObject("select count(*) from app_user where id = ?", Integer.class, owner)).isZero();
            assertThat(summary).isEqualTo(new ImportSummary(1, Map.of(ChatImport.OWNER_GONE, 19), null));
            assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO);
            assertThat(logged.list.getFirst().getFormattedMessage()).contains("stopped after 1 of 20 chats");
            // Nothing of the account's is left: what was written went with it, the chat that failed was rolled back.
            assertThat(jdbc.queryForObject("select count(*) from conversation where owner_id = ?", Integer.class,
                    owner)).isZero();
        } finally {
            logger.detachAppender(logged);
        }
    }

    @Test
    void importing_the_same_export_again_skips_every_chat_as_already_imported() throws IOException {
        signInAsNewUser("again");
        chatImport.importFile(zip("claude-conversations.json"), (done, total) -> { });

        ImportSummary again = chatImport.importFile(zip("claude-conversations.json"), (done, total) -> { });

        assertThat(again).isEqualTo(new ImportSummary(0, Map.of(ChatImports.ALREADY_IMPORTED, 2), null));
        assertThat(conversations.countConversations()).isEqualTo(2);
    }

    @Test
    void a_broken_file_imports_nothing_and_says_why() throws IOException {
        signInAsNewUser("broken");
        Path file = dir.resolve("conversations.json");
        String whole = read("chatgpt-conversations.json");
        Files.writeString(file, whole.substring(0, whole.length() - 40));

        ImportSummary summary = chatImport.importFile(file, (done, total) -> { });

        assertThat(summary.imported()).isZero();
        assertThat(summary.refused()).contains("not whole or not valid JSON").contains("Nothing was imported");
        assertThat(conversations.countConversations()).isZero();
    }

    @Test
    void hostile_text_stays_text_for_the_user_and_is_sanitised_for_the_assistant() throws IOException {
        signInAsNewUser("hostile");
        chatImport.importFile(zip("chatgpt-conversations.json"), (done, total) -> { });
        long id = conversations.findConversations(PageRequest.of(0, 10)).stream()
                .filter(c -> c.title().startsWith("Hostile")).findFirst().orElseThrow().id();

        List<ChatMessage> shown = conversations.findMessages(id);

        // The user's words are stored verbatim and shown as text, never as HTML.
        assertThat(shown.get(0).role()).isEqualTo(MessageRole.USER);
        assertThat(shown.get(0).content()).isEqualTo("<script>alert('user')</script><img src=x onerror=alert(1)>");
        assertThat(markdown.messageHtml(shown.get(0).content(), true)).contains("&lt;script&gt;")
                .doesNotContain("<script").doesNotContain("<img");
        // The answer goes through the one sanitiser, like any answer.
        String html = markdown.messageHtml(shown.get(1).content(), false);
        assertThat(html).contains("Hostile answer").doesNotContain("<script").doesNotContain("<img")
                .doesNotContain("javascript:");
    }

    @Test
    void chatshares_own_export_imports_back_as_the_same_tree() throws IOException {
        signInAsNewUser("roundtrip");
        chatImport.importFile(zip("chatgpt-conversations.json"), (done, total) -> { });
        ConversationSummary original = titled("Sums and a picture");
        List<String> before = shape(conversations.findMessageTree(original.id()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeTo(out);
        signInAsNewUser("roundtrip2");
        Path file = dir.resolve("chatshare-export.json");
        Files.write(file, out.toByteArray());

        ImportSummary summary = chatImport.importFile(file, (done, total) -> { });

        assertThat(summary).isEqualTo(new ImportSummary(2, Map.of(), null));
        ConversationSummary copy = titled("Sums and a picture");
        assertThat(copy.importedFrom()).isEqualTo(ImportSource.CHATSHARE);
        assertThat(shape(conversations.findMessageTree(copy.id()))).isEqualTo(before).hasSize(6);
    }

    private ConversationSummary titled(String title) {
        return conversations.findConversations(PageRequest.of(0, 10)).stream()
                .filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    /** The tree without ids: each message's role, text, model, parent's text and whether it is on screen. */
    private static List<String> shape(List<TreeMessage> tree) {
        Map<Long, TreeMessage> byId = new HashMap<>();
        tree.forEach(m -> byId.put(m.id(), m));
        return tree.stream().map(m -> m.role() + "|" + m.content() + "|" + m.model() + "|" + m.position() + "|"
                + (m.parentId() == null ? "-" : byId.get(m.parentId()).content()) + "|" + m.onScreen()).toList();
    }

    private long signInAsNewUser(String prefix) {
        String username = prefix + "-" + System.nanoTime();
        accounts.register(new Registration(username, "Imp Orter", PASSWORD));
        SignedIn.as(users, username);
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    /** A Claude export of {@code chats} one-message chats, each with its own id. */
    private static String claudeExport(int chats) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < chats; i++) {
            json.append(i == 0 ? "" : ",").append("""
                    {"uuid": "chat-%1$d", "name": "Chat %1$d", "created_at": "2024-05-02T09:00:00Z",
                     "updated_at": "2024-05-02T09:00:00Z", "chat_messages": [{"uuid": "m-%1$d", "text": "Hello %1$d",
                     "sender": "human", "created_at": "2024-05-02T09:00:00Z"}]}""".formatted(i));
        }
        return json.append("]").toString();
    }

    private Path zip(String fixture) throws IOException {
        Path zip = Files.createTempFile(dir, "export", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("conversations.json"));
            out.write(read(fixture).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("user.json"));
            out.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }

    private static String read(String name) throws IOException {
        try (InputStream in = ChatImportTest.class.getResourceAsStream("/imports/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
