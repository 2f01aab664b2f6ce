package com.chatshare.moderation.ui;

import com.chatshare.base.ui.PageNotFoundException;
import com.chatshare.moderation.ReportRateLimitedException;
import com.chatshare.moderation.ReportReason;
import com.chatshare.moderation.ReportService;
import com.chatshare.security.ClientAddress;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.PermitAll;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The report form of the signed-in page ({@code /share/TOKEN/view/report}): how a reader of a link
 * for signed-in users or for specific people reports it. Only someone who may open the link gets
 * the form; every other token gets the same not-found answer. A link for specific people reaches
 * the moderators only this way (docs/decisions/0012-audience-and-expiry.md).
 */
@Route("share/:token/view/report")
@PageTitle("Report a shared chat · Chatshare")
@PermitAll
public class ReaderReportView extends VerticalLayout implements BeforeEnterObserver {

    static final String NOT_AVAILABLE = "This shared chat is not available.";

    private final transient ReportService reports;

    ReaderReportView(ReportService reports) {
        this.reports = reports;
        addClassName("page");
        setId("reader-report");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        removeAll();
        Optional<String> title = reports.readerReportableTitle(token);
        if (title.isEmpty()) {
            event.rerouteToError(new PageNotFoundException(NOT_AVAILABLE), NOT_AVAILABLE);
            return;
        }
        H2 heading = new H2("Report a shared chat");
        Paragraph about = new Paragraph("“" + title.get() + "”");
        about.getElement().setAttribute("dir", "auto");
        RadioButtonGroup<ReportReason> reason = new RadioButtonGroup<>("What is wrong with it?");
        reason.setId("reader-report-reason");
        reason.setItems(ReportReason.values());
        reason.setItemLabelGenerator(ReportReason::label);
        reason.setRequired(true);
        TextArea details = new TextArea("Details (optional)");
        details.setId("reader-report-details");
        details.setMaxLength(ReportService.DETAILS_MAX_LENGTH);
        details.setWidthFull();
        details.setHelperText("Up to " + ReportService.DETAILS_MAX_LENGTH + " characters. Moderators read every "
                + "report, and can then read this chat even if it is shared with specific people only.");
        Anchor back = new Anchor("share/" + token + "/view", "Back to the shared chat");
        back.setId("reader-report-back");
        back.getElement().setAttribute("router-link", true);
        Button send = new Button("Send report", click -> {
            if (reason.getValue() == null) {
                reason.setErrorMessage("Choose a reason.");
                reason.setInvalid(true);
                return;
            }
            try {
                reports.fileAsReader(token, reason.getValue(), details.getValue(), clientAddress());
                removeAll();
                Paragraph thanks = new Paragraph("Thank you for your report. Our moderators will look at it. "
                        + "If the chat breaks the rules, it will be taken down.");
                thanks.setId("reader-report-thanks");
                add(new H2("Thank you for your report"), thanks, back);
            } catch (ReportRateLimitedException | IllegalArgumentException e) {
                details.setErrorMessage(e.getMessage());
                details.setInvalid(true);
            }
        });
        send.setId("reader-report-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(heading, about, reason, details, send, back);
    }

    private static InetAddress clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : ClientAddress.parse(request.getRemoteAddr()).orElse(null);
    }
}
