package com.chatshare.sharing.ui;

import com.chatshare.base.ui.Notifications;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.sharing.PublicSnapshot;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.SharedChatService;
import com.chatshare.security.SignInDestination;
import com.chatshare.conversations.ChatPaths;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/**
 * "Continue this conversation": confirms, then copies the shared snapshot into the signed-in
 * user's own chats. A signed-out visitor is sent to sign in (or to register) and brought back
 * here, and the copy is made at once: signing in from the shared page was the confirmation.
 */
@Route("share/:token/continue")
@PageTitle("Continue a shared chat · Chatshare")
@PermitAll
public class ContinueView extends VerticalLayout implements BeforeEnterObserver {

    private final transient SharedChatService sharedChats;
    private final transient SignInDestination destination;
    private String token = "";

    ContinueView(SharedChatService sharedChats, SignInDestination destination) {
        this.sharedChats = sharedChats;
        this.destination = destination;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        removeAll();
        Optional<PublicSnapshot> snapshot = sharedChats.findSnapshot(token);
        if (snapshot.isEmpty()) {
            H2 heading = new H2("This shared chat is not available");
            heading.setId("continue-unavailable");
            add(heading, new Paragraph("It may have been deleted or taken down."), new Anchor("", "Back to your chats"));
            return;
        }
        if (destination.takeSignedInFor(VaadinSession.getCurrent().getSession(), ContinueSignInPurpose.path(token))) {
            // Signed in (or registered) on the way here from the shared page: that was the
            // confirmation, so the copy is made now and opened.
            try {
                // Without Spring Security's "?continue" marker of the sign-in's return.
                event.forwardTo(ChatPaths.chat(sharedChats.continueConversation(token).id()), QueryParameters.empty());
                return;
            } catch (ShareException e) {
                Notifications.error(e.getMessage());
            }
        }
        H2 heading = new H2("Continue this shared chat");
        H3 title = new H3(snapshot.get().title());
        title.setId("continue-title");
        title.addClassName("share-dialog-title");
        int messages = snapshot.get().messages().size();
        Button confirm = new Button("Continue this conversation", click -> continueConversation());
        confirm.setId("continue-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(heading, title,
                new Paragraph("A private copy of its " + (messages == 1 ? "message" : messages + " messages")
                        + " goes into your chats, where you can ask follow-up questions. "
                        + "The copy is yours: it stays even if the shared link is deleted, "
                        + "and nobody else sees what you add."),
                confirm);
    }

    private void continueConversation() {
        try {
            ConversationSummary copy = sharedChats.continueConversation(token);
            UI.getCurrent().navigate(ChatPaths.chat(copy.id()));
        } catch (ShareException e) {
            Notifications.error(e.getMessage());
        }
    }
}
