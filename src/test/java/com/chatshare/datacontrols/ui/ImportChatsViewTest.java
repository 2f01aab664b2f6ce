package com.chatshare.datacontrols.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.ImportSource;
import com.chatshare.conversations.ui.ChatViewTest;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** Settings → Data controls → Import chats: an upload, the progress, the summary. */
class ImportChatsViewTest extends KaribuTest {

    @Autowired
    ConversationService conversations;

    @Autowired
    AccountService accounts;

    @BeforeEach
    void signIn() {
        String username = "uploader-" + System.nanoTime();
        accounts.register(new Registration(username, "Uma Uploader", "long-enough-password"));
        login(username);
        UI.getCurrent().navigate(DataControlsView.class);
    }

    @Test
    void an_uploaded_claude_export_is_imported_and_summarised_with_a_link_to_the_chats() throws IOException {
        UploadKt._upload(upload(), "conversations.json", "application/json", fixture("claude-conversations.json"));

        ChatViewTest.awaitUntil(() -> status().startsWith("Imported 2 chats."));
        assertThat(_get(Anchor.class, spec -> spec.withId("import-open-chats")).getText()).isEqualTo("Open your chats");
        assertThat(conversations.findConversations(PageRequest.of(0, 10)).getContent())
                .extracting(ConversationSummary::importedFrom).containsOnly(ImportSource.CLAUDE).hasSize(2);
        assertThat(upload().isVisible()).isTrue();
    }

    @Test
    void a_file_that_is_no_export_is_refused_with_a_message_and_nothing_imported() {
        UploadKt._upload(upload(), "holiday.json", "application/json",
                "{\"photos\": [1, 2, 3]}".getBytes(StandardCharsets.UTF_8));

        ChatViewTest.awaitUntil(() -> status().contains("not a ChatGPT, Claude or Chatshare export"));
        assertThat(status()).contains("Nothing was imported");
        assertThat(conversations.countConversations()).isZero();
    }

    private static Upload upload() {
        return _get(Upload.class, spec -> spec.withId("import-upload"));
    }

    private static String status() {
        return _get(Paragraph.class, spec -> spec.withId("import-status")).getText();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ImportChatsViewTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }
}
