package com.chatshare.base.ui;

import com.chatshare.security.CurrentUser;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The landing page after sign-in. */
@Route("")
@PageTitle("Chatshare")
@Menu(order = 0, icon = "vaadin:chat", title = "Chats")
@PermitAll
public class HomeView extends VerticalLayout {

    HomeView(CurrentUser currentUser) {
        addClassName("page");
        H2 greeting = new H2("Welcome, " + currentUser.require().displayName());
        greeting.setId("welcome");
        add(greeting, new Paragraph("Your conversations will appear here."));
    }
}
