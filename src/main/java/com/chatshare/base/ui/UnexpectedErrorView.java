package com.chatshare.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Shown instead of a stack trace when navigation fails unexpectedly. The details go to the log
 * under a short reference the user can quote.
 *
 * <p>When the database did not answer (down, hung past the driver's socket timeout, no pooled
 * connection within Hikari's connection timeout), however deep in the failure that is (a view's
 * service call, or the main layout's while it was being built), the page says so in plain words
 * with 503, and the log gets one WARN line instead of a stack trace per page while it lasts.
 */
@AnonymousAllowed
public class UnexpectedErrorView extends VerticalLayout implements HasErrorParameter<Exception>, HasDynamicTitle {

    public static final String DATABASE_UNAVAILABLE = "Chatshare cannot reach its database just now, so this page "
            + "could not be opened. Please try again in a minute.";

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

    private String title = "Something went wrong · Chatshare";

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        addClassName("page");
        Optional<RuntimeException> database = databaseFailure(parameter.getCaughtException());
        if (database.isPresent()) {
            // The path may hold a share token: only its first segment goes to the log.
            log.warn("The database did not answer while opening /{}/…: {}", event.getLocation().getFirstSegment(),
                    database.get().getMessage());
            title = "Try again soon · Chatshare";
            setId("database-unavailable");
            Paragraph text = new Paragraph(DATABASE_UNAVAILABLE);
            text.setId("database-unavailable-text");
            add(new H2("This page cannot be shown right now"), text, new Anchor("", "Back to your chats"));
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        // The first segment only: a full path can hold a share token (/share/TOKEN/continue).
        log.error("Unexpected error on /{}/… (reference {})", event.getLocation().getFirstSegment(), reference,
                parameter.getCaughtException());
        add(new H2("Something went wrong"),
                new Paragraph("The page could not be shown. Please try again in a moment. If it keeps happening, "
                        + "tell your administrator the reference " + reference + "."),
                new Anchor("", "Back to your chats"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    /** A data access or transaction failure in the cause chain (a transaction that could not begin is the latter). */
    private static Optional<RuntimeException> databaseFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof TransactionException) {
                return Optional.of((RuntimeException) cause);
            }
        }
        return Optional.empty();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
