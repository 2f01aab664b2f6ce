package com.chatshare.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page for an address that shows nothing: unknown, a chat that is not the reader's, a shared
 * chat they may not read, a view their role does not open. Every reason looks the same unless a
 * view gave its own sentence ({@link PageNotFoundException}), and that sentence is the same
 * whether the thing is missing or someone else's, so the page tells nobody what exists. It
 * replaces Vaadin's own, which in production says only "Could not navigate to …" on a bare page,
 * and in development lists every route. It sits in the app's frame (header, navigation, chat
 * list toggle), so the way on is where it always is.
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    static final String TITLE = "Page not found · Chatshare";
    static final String GENERAL = "There is nothing here, or it is not yours to open.";

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        setId("not-found");
        addClassName("page");
        String sentence = parameter.getCaughtException() instanceof PageNotFoundException own
                ? own.getMessage()
                : GENERAL;
        Paragraph text = new Paragraph(sentence);
        text.setId("not-found-text");
        add(new H1("Page not found"), text, new Anchor("", "Back to your chats"));
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return TITLE;
    }
}
