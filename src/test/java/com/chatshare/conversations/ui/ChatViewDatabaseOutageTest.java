package com.chatshare.conversations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.OwnSpringContext;
import com.chatshare.SignedIn;
import com.chatshare.base.database.EmbeddedDatabaseOutage;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/**
 * A message sent while the database is down, for real (the context's embedded MariaDB is
 * stopped): the user is told in plain words, and what they typed stays in the composer to send
 * again. Its own context (the property only sets it apart from the shared one), closed after.
 */
@TestPropertySource(properties = "chatshare.test.context=chat-view-database-outage")
@OwnSpringContext
class ChatViewDatabaseOutageTest extends KaribuTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ConversationService service;

    @Autowired
    UserDetailsService users;

    @BeforeEach
    void signIn() {
        login("alice");
    }

    @AfterEach
    void databaseRunsAgain() {
        EmbeddedDatabaseOutage.restartAndReconnect(context);
    }

    @Test
    void a_message_sent_while_the_database_is_down_is_kept_in_the_composer_with_a_clear_notice() {
        SignedIn.as(users, "alice");
        ConversationSummary chat = service.startConversation("Before the outage");
        UI.getCurrent().navigate("chat/" + chat.id());
        // The view as the browser has it, chat list loaded, before the database goes away.
        TextArea input = input();
        Button send = _get(Button.class, spec -> spec.withId("send"));
        ChatMessages messages = _get(ChatMessages.class);

        EmbeddedDatabaseOutage.stop(context);
        input.setValue("Typed during the outage");
        _click(send);

        // Exactly this one notice, in plain words: no exception, no stack trace, no SQL.
        // An error notice stays until closed (it has a Close button), so its text is in its children.
        assertThat(NotificationsKt.getNotifications()).singleElement().satisfies(notice ->
                assertThat(notice.getElement().getTextRecursively()).isEqualTo(ChatView.NOT_SAVED_MESSAGE));
        assertThat(ChatView.NOT_SAVED_MESSAGE).doesNotContain("Exception").doesNotContain("SQL");
        assertThat(input.getValue()).isEqualTo("Typed during the outage");
        assertThat(messages.entries()).extracting(MessageEntry::getText)
                .containsExactly("Before the outage");

        // Once the database is back (and the pool has connected again), the same text goes through
        // with the same button.
        EmbeddedDatabaseOutage.restartAndReconnect(context);
        _click(send);
        ChatViewTest.awaitUntil(send::isVisible); // the answer has been streamed and stored

        assertThat(input.getValue()).isEmpty();
        // Stored now: the error about the first try is closed, not left saying the opposite.
        assertThat(NotificationsKt.getNotifications()).noneMatch(Notification::isOpened);
        SignedIn.as(users, "alice");
        assertThat(service.findMessages(chat.id())).extracting(ChatMessage::content)
                .startsWith("Before the outage", "Typed during the outage");
    }

    private static TextArea input() {
        return _get(TextArea.class, spec -> spec.withId("message-input"));
    }
}
