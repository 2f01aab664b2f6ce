package com.chatshare.sharing.ui;

import com.chatshare.base.ui.Dates;
import com.chatshare.base.ui.PageNotFoundException;
import com.chatshare.base.ui.ScrollRegions;
import com.chatshare.sharing.PublicSnapshot;
import com.chatshare.sharing.SharedChatService;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.SnapshotHtml;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/**
 * The signed-in page of a shared chat ({@code /share/TOKEN/view}): where links for signed-in users
 * or for specific people are read, and any link the caller may open. The service decides who may
 * (docs/decisions/0012-audience-and-expiry.md); everyone else, and every unknown, expired or
 * deleted token, gets the same not-found answer. Signed-out visitors are sent to sign in first,
 * whatever the token, which tells them nothing.
 */
@Route("share/:token/view")
@PageTitle("Shared chat · Chatshare")
@PermitAll
public class SharedChatView extends VerticalLayout implements BeforeEnterObserver {

    /** The one answer for every token the caller may not open. */
    static final String NOT_AVAILABLE = "This shared chat is not available.";


    private final transient SharedChatService sharedChats;

    SharedChatView(SharedChatService sharedChats) {
        this.sharedChats = sharedChats;
        addClassName("page");
        setId("shared-chat");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        removeAll();
        Optional<PublicSnapshot> found = sharedChats.findSnapshot(token);
        if (found.isEmpty()) {
            event.rerouteToError(new PageNotFoundException(NOT_AVAILABLE), NOT_AVAILABLE);
            return;
        }
        PublicSnapshot snapshot = found.get();
        H2 title = new H2(snapshot.title());
        title.setId("shared-chat-title");
        title.getElement().setAttribute("dir", "auto");
        Paragraph meta = new Paragraph(snapshot.attribution().line()
                + " · " + Dates.date(snapshot.sharedAt())
                + (snapshot.version() > 1 ? " · updated " + Dates.date(snapshot.updatedAt()) : ""));
        meta.setId("shared-chat-meta");
        meta.addClassName("share-attribution");
        // The messages' HTML comes from the one sanitiser (MarkdownRenderer), as in the share dialog's preview.
        Div messages = new Div(new Html(SnapshotHtml.of(snapshot.messages())));
        messages.setId("shared-chat-messages");
        messages.addClassName("share-preview");
        ScrollRegions.keyboardScrollable(messages, "Messages");
        Anchor continueLink = new Anchor(ShareToken.pathOf(token).substring(1) + "/continue",
                "Continue this conversation");
        continueLink.setId("shared-chat-continue");
        continueLink.getElement().setAttribute("router-link", true);
        // The report form is moderation's (ReaderReportView): only a reader's report lets
        // moderators see a link for specific people.
        Anchor reportLink = new Anchor(ShareToken.pathOf(token).substring(1) + "/view/report", "Report");
        reportLink.setId("shared-chat-report");
        reportLink.getElement().setAttribute("router-link", true);
        add(title, meta, messages, continueLink, reportLink,
                new Paragraph("A snapshot of a conversation with an AI assistant, shared with you. "
                        + "Messages added after it was shared are not shown."));
    }
}
