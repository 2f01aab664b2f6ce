package com.chatshare.conversations.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** What the chat shows before a conversation is chosen or started: the empty state of the chat. */
class ChatWelcome extends Div {

    ChatWelcome(String userName) {
        setId("welcome-panel");
        addClassName("chat-welcome");
        H2 greeting = new H2("Welcome, " + userName);
        greeting.setId("welcome");
        add(greeting, new Paragraph("Ask the assistant anything. Your chats appear in the list on the left."));
    }
}
