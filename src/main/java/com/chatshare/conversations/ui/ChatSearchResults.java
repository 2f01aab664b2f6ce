package com.chatshare.conversations.ui;

import com.chatshare.conversations.ChatPaths;
import com.chatshare.conversations.ChatSearchResult;
import com.chatshare.conversations.MarkedText;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.shared.ApplicationConstants;
import java.util.List;

/**
 * The chats a search in the chat list found, in place of the list while a search is typed: each a
 * link to the chat at its matching message, with the title, an "Archived" badge where it applies,
 * and a snippet, the matching words in {@code <mark>}. Titles and messages are untrusted: they
 * become text nodes only, never markup.
 */
class ChatSearchResults extends Div {

    ChatSearchResults() {
        setId("chat-search-results");
        addClassName("chat-search-results");
        getElement().setAttribute("role", "list");
        getElement().setAttribute("aria-label", "Search results");
    }

    void show(String typed, List<ChatSearchResult> results) {
        removeAll();
        if (results.isEmpty()) {
            Paragraph none = new Paragraph("No chats match “" + typed.strip() + "”.");
            none.setId("chat-search-none");
            none.addClassName("chat-search-none");
            add(none);
            return;
        }
        results.forEach(result -> add(row(result)));
    }

    private static Div row(ChatSearchResult result) {
        long id = result.chat().id();
        Long messageId = result.messageId();
        Anchor link = new Anchor(messageId == null ? ChatPaths.chat(id) : ChatPaths.message(id, messageId));
        // Followed by the client-side router, as the chat list's own rows are.
        link.getElement().setAttribute(ApplicationConstants.ROUTER_LINK_ATTRIBUTE, "");
        link.addClassName("chat-search-result-link");
        Span title = marked(result.title());
        title.addClassName("chat-search-result-title");
        link.add(title);
        if (result.chat().archived()) {
            Span archived = new Span("Archived");
            archived.getElement().getThemeList().add("badge");
            archived.getElement().getThemeList().add("small");
            archived.getElement().getThemeList().add("contrast");
            archived.addClassName("chat-search-result-archived");
            link.add(archived);
        }
        if (!result.snippet().isEmpty()) {
            Span snippet = marked(result.snippet());
            snippet.addClassName("chat-search-result-snippet");
            link.add(snippet);
        }
        Div row = new Div(link);
        row.addClassName("chat-search-result");
        row.getElement().setAttribute("role", "listitem");
        row.getElement().setAttribute("data-conversation-id", String.valueOf(id));
        return row;
    }

    /** Text nodes, the matches inside {@code <mark>}: nothing of the text is read as HTML. */
    private static Span marked(MarkedText text) {
        Span span = new Span();
        for (MarkedText.Part part : text.parts()) {
            span.getElement().appendChild(part.marked()
                    ? new Element("mark").setText(part.text())
                    : Element.createText(part.text()));
        }
        return span;
    }
}
