package com.chatshare.conversations.ui;

import com.chatshare.base.ui.HasDrawerContent;
import com.chatshare.base.ui.Notifications;
import com.chatshare.base.ui.PageNotFoundException;
import com.chatshare.conversations.AnswersLimitedException;
import com.chatshare.conversations.AssistantUnavailableException;
import com.chatshare.conversations.ChatChangedElsewhereException;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.MessagePage;
import com.chatshare.conversations.MessageRole;
import com.chatshare.conversations.MessageStatus;
import com.chatshare.conversations.ModelOptions;
import com.chatshare.conversations.ConversationNotFoundException;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ChatPaths;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.InvalidChatInputException;
import com.chatshare.conversations.ReplyStream;
import com.chatshare.conversations.ShareDialogOpener;
import com.chatshare.conversations.SharedConversations;
import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import reactor.core.Disposable;

/**
 * The chat: the chat list in the drawer, the conversation with streamed answers, and the input.
 * What the user typed is kept until it is safely stored.
 */
@Route("")
@RouteAlias("chat/:conversationId([0-9]{1,18})")
@PageTitle("Chats · Chatshare")
@Menu(order = 0, icon = "vaadin:chat", title = "Chats")
@PermitAll
public class ChatView extends VerticalLayout implements BeforeEnterObserver, HasDrawerContent {

    static final String NOT_FOUND = "This conversation does not exist.";

    private static final Logger log = LoggerFactory.getLogger(ChatView.class);

    static final String CONVERSATION_ID = "conversationId";
    static final String NOT_SAVED_MESSAGE = "Your message could not be saved: the database is not reachable. "
            + "Your text is still here; send it again in a moment.";

    private final transient ConversationService service;
    private final transient ShareDialogOpener shareDialogs;
    private final ChatList chatList;

    private final ChatHeader header;
    private final ChatWelcome welcome;
    private final ChatMessages messageList;
    private final Span answering = new Span("The assistant is writing…");
    private final AssistantFailure failure = new AssistantFailure(this::retry, this::waitOver);
    private final ChatComposer composer = new ChatComposer(this::send, this::stopGeneration);

    private @Nullable ConversationSummary conversation;
    private @Nullable Notification notSaved;
    private transient @Nullable Disposable generation;
    private int answers;

    ChatView(ConversationService service, CurrentUser currentUser, ShareDialogOpener shareDialogs,
            ObjectProvider<SharedConversations> sharedConversations, MarkdownRenderer markdown) {
        this.service = service;
        String userName = currentUser.require().displayName();
        this.messageList = new ChatMessages(markdown, userName, service.assistantName());
        this.shareDialogs = shareDialogs;
        addClassName("chat-view");
        setSizeFull();
        setPadding(false);
        setSpacing(false);

        chatList = new ChatList(service, sharedConversations.getIfAvailable(), this::newChat, this::openShareDialog, this::renamed, this::deleted);

        header = new ChatHeader(service.assistantName(), () -> openShareDialog(conversation), this::chooseModel);
        welcome = new ChatWelcome(userName);
        // The loading state between a question and the first words of the answer; a status, so
        // screen readers say it without moving the focus.
        answering.setId("assistant-answering");
        answering.addClassName("assistant-answering");
        answering.getElement().setAttribute("role", "status");
        answering.setVisible(false);

        messageList.setActions(new ChatBranching(service, () -> Optional.ofNullable(conversation), this::isGenerating,
                () -> show(conversation), this::startReply, messageList));
        messageList.onShowLatest(() -> Optional.ofNullable(conversation).ifPresent(this::show));
        add(header, welcome, messageList, answering, failure, composer);
        setFlexGrow(1, welcome, messageList);
        setHorizontalComponentAlignment(Alignment.CENTER, welcome, messageList, answering, failure, composer);
        showWelcome();
    }

    @Override
    public Component drawerContent() {
        return chatList;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> requested = event.getRouteParameters().getLong(CONVERSATION_ID);
        Optional<Long> message = messageParameter(event);
        Long current = conversation == null ? null : conversation.id();
        if (requested.isPresent() && requested.get().equals(current)) {
            message.ifPresent(this::openAt);
            return;
        }
        stopGeneration();
        if (requested.isEmpty()) {
            showWelcome();
            return;
        }
        try {
            show(service.getConversation(requested.get()));
            message.ifPresent(this::openAt);
        } catch (ConversationNotFoundException e) {
            event.rerouteToError(new PageNotFoundException(NOT_FOUND), NOT_FOUND);
        }
    }

    /** Shows the message a search result found, loaded down to it if need be ({@link EarlierMessages#openAt}). */
    private void openAt(long messageId) {
        if (conversation != null) {
            new EarlierMessages(service, conversation.id()).openAt(messageList, messageId, () -> show(conversation));
        }
    }

    /** The message a search result opens the chat at ({@link ChatPaths#message}). */
    private static Optional<Long> messageParameter(BeforeEnterEvent event) {
        return event.getLocation().getQueryParameters().getSingleParameter(ChatPaths.MESSAGE_PARAMETER)
                .filter(value -> value.matches("[0-9]{1,18}")).map(Long::valueOf);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopGeneration();
        super.onDetach(detachEvent);
    }

    private void showWelcome() {
        conversation = null;
        messageList.clear();
        header.setVisible(false);
        messageList.setVisible(false);
        welcome.setVisible(true);
        failure.hide();
        chatList.setCurrent(null);
        composer.focusInput();
    }

    private void show(ConversationSummary summary) {
        conversation = summary;
        header.show(summary);
        header.setVisible(true);
        showModels(summary.id());
        messageList.setVisible(true);
        welcome.setVisible(false);
        failure.hide();
        MessagePage latest = service.findLatestMessages(summary.id(), ChatMessages.PAGE);
        messageList.show(latest, new EarlierMessages(service, summary.id()));
        List<ChatMessage> messages = latest.messages();
        chatList.setCurrent(summary.id());
        setGenerating(false);
        if (!messages.isEmpty() && isUnanswered(messages.getLast())) {
            failure.showUnanswered();
        }
    }

    /** The last message is a question, or an answer that failed before a word of it arrived. */
    private static boolean isUnanswered(ChatMessage last) {
        return last.role() == MessageRole.USER
                || last.status() == MessageStatus.FAILED && last.content().isBlank();
    }

    private void waitOver() {
        composer.setWaiting(false);
    }

    private void newChat() {
        UI.getCurrent().navigate(ChatView.class);
        // Pressed from the keyboard in the chat list: the next thing to do is to write.
        composer.focusInput();
    }

    private void send() {
        if (isGenerating()) {
            return;
        }
        String text = composer.text();
        ChatMessage sent;
        try {
            if (conversation == null) {
                ConversationSummary started = service.startConversation(text);
                conversation = started;
                header.show(started);
                header.setVisible(true);
                showModels(started.id());
                messageList.setVisible(true);
                welcome.setVisible(false);
                UI.getCurrent().getPage().getHistory().replaceState(null, ChatPaths.chat(started.id()));
                chatList.setCurrent(started.id());
                sent = service.findLatestMessages(started.id(), 1).messages().getFirst();
            } else {
                Long shownLast = messageList.lastMessageId();
                sent = shownLast == null ? service.postUserMessage(conversation.id(), text)
                        : service.postUserMessage(conversation.id(), text, shownLast);
                chatList.refresh();
            }
        } catch (ChatChangedElsewhereException e) {
            show(conversation);
            composer.showError(e.getMessage());
            return;
        } catch (InvalidChatInputException e) {
            composer.showError(e.getMessage());
            return;
        } catch (ConversationNotFoundException e) {
            composer.showError("This conversation was deleted. Start a new chat; your text is still here.");
            return;
        } catch (DataAccessException | TransactionException e) {
            // The database did not take it: the text stays in the composer for another try.
            log.warn("Could not store a chat message: {}", e.toString());
            notSaved = Notifications.error(NOT_SAVED_MESSAGE);
            return;
        }
        if (notSaved != null) {
            // Stored now: the error about the earlier try no longer holds.
            notSaved.close();
            notSaved = null;
        }
        composer.clearStored();
        messageList.add(sent);
        startReply(() -> service.streamReply(conversation.id()));
    }

    /** The models the chat may use, in the header's picker, with the one it uses chosen. */
    private void showModels(long conversationId) {
        ModelOptions options = service.modelOptions();
        header.showModels(options, options.effective(service.chosenModel(conversationId).orElse(null)));
    }

    private void chooseModel(String model) {
        if (conversation == null) {
            return;
        }
        try {
            service.chooseModel(conversation.id(), model);
        } catch (InvalidChatInputException e) {
            Notifications.error(e.getMessage());
            showModels(conversation.id());
        } catch (ConversationNotFoundException e) {
            Notifications.error("This conversation was deleted.");
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not store a chat's model: {}", e.toString());
            Notifications.error("The model could not be saved: the database is not reachable. Try again in a moment.");
            showModels(conversation.id());
        }
    }

    private void retry() {
        if (conversation != null) {
            failure.hide();
            startReply(() -> service.streamReply(conversation.id()));
        }
    }

    private void startReply(Supplier<ReplyStream> ask) {
        ReplyStream reply;
        try {
            reply = ask.get();
        } catch (ConversationNotFoundException e) {
            showFailure("This conversation was deleted.", false);
            return;
        } catch (AnswersLimitedException e) {
            // The question is stored; Send and Retry wait, counting down, until it can be answered.
            answering.setVisible(false);
            composer.setWaiting(true);
            failure.showLimited(e.withoutWait(), e.retryAfter());
            return;
        } catch (AssistantUnavailableException | InvalidChatInputException e) {
            // A full chat, or the assistant away: the question is stored, Retry stays.
            showFailure(e.getMessage(), false);
            return;
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not start an answer: {}", e.toString());
            showFailure("The database is not reachable, so the assistant cannot answer now.", false);
            return;
        }
        MessageEntry answer = messageList.add(reply.message());
        failure.hide();
        setGenerating(true);
        UI ui = UI.getCurrent();
        // What reaches the page late (UiAccess) must not undo the next answer's state.
        int number = ++answers;
        generation = AnswerBatches.of(reply.tokens())
                .subscribe(
                        pieces -> access(ui, () -> {
                            answering.setVisible(answering.isVisible() && number != answers);
                            answer.appendText(String.join("", pieces));
                            messageList.scrollToEnd();
                        }),
                        error -> access(ui, () -> {
                            // The stored answer has every piece, those dropped from the batch too.
                            if (number == answers) {
                                show(conversation);
                                showFailure(error instanceof AssistantUnavailableException ? error.getMessage()
                                        : "The assistant could not answer.", !answer.getText().isBlank());
                            }
                        }),
                        () -> access(ui, () -> {
                            answer.finishStreaming();
                            if (number == answers) {
                                setGenerating(false);
                                chatList.refresh();
                            }
                        }));
    }

    private boolean isGenerating() {
        return generation != null && !generation.isDisposed();
    }

    private void stopGeneration() {
        Disposable running = generation;
        generation = null;
        if (running != null && !running.isDisposed()) {
            running.dispose();
            if (conversation != null) {
                // Show exactly what was stored, including pieces still on their way to the browser.
                show(conversation);
            }
        }
        setGenerating(false);
    }

    private void showFailure(String message, boolean partAnswerKept) {
        answering.setVisible(false);
        failure.show(message, partAnswerKept);
    }

    private void setGenerating(boolean generating) {
        composer.setGenerating(generating);
        answering.setVisible(generating);
        header.setShareEnabled(!generating);
    }

    private void renamed(ConversationSummary renamed) {
        if (conversation != null && conversation.id() == renamed.id()) {
            conversation = renamed;
            header.show(renamed);
        }
    }

    private void deleted(long conversationId) {
        if (conversation != null && conversation.id() == conversationId) {
            stopGeneration();
            UI.getCurrent().navigate(ChatView.class);
        }
    }

    private void openShareDialog(ConversationSummary target) {
        if (target == null) {
            return;
        }
        // Sharing or deleting the link in the dialog changes the chat's "Shared" badge.
        shareDialogs.open(target, () -> {
            chatList.refresh();
            // Another tab may have switched the chat to another version meanwhile: the dialog then
            // previewed and shared that one, and this tab must not go on showing the other.
            if (conversation != null && conversation.id() == target.id() && !isGenerating()
                    && new EarlierMessages(service, target.id()).outOfDate(messageList)) {
                show(conversation);
            }
        });
    }

    /** The answer's batches and end come on Reactor's threads, which may be interrupted ({@link UiAccess}). */
    private static void access(UI ui, Runnable task) {
        UiAccess.run(ui, task);
    }
}
