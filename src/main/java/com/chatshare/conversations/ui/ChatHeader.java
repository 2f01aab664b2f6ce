package com.chatshare.conversations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** Above the conversation: its title, which assistant answers, and the Share button. */
class ChatHeader extends HorizontalLayout {

    private final H2 title = new H2();
    private final Button share = new Button("Share", VaadinIcon.SHARE.create());

    ChatHeader(String assistantName, Runnable onShare) {
        title.setId("conversation-title");
        title.addClassName("conversation-title");
        Span assistantBadge = new Span();
        assistantBadge.setId("assistant-name");
        assistantBadge.getElement().getThemeList().add("badge contrast pill");
        assistantBadge.setText(assistantName);
        share.setId("header-share");
        // Labelled, as in ChatGPT and Claude: an arrow alone is not found by everyone.
        share.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        share.addClickListener(event -> onShare.run());
        add(title, assistantBadge, share);
        addClassName("conversation-header");
        setAlignItems(FlexComponent.Alignment.CENTER);
        setWidthFull();
        setFlexGrow(1, title);
    }

    void setTitle(String text) {
        title.setText(text);
    }

    /** Sharing waits while an answer is being written, so the snapshot holds it whole. */
    void setShareEnabled(boolean enabled) {
        share.setEnabled(enabled);
    }
}
