package com.chatshare.audit.ui;

import com.chatshare.base.ui.Dates;
import com.chatshare.audit.AuditAction;
import com.chatshare.audit.AuditEntry;
import com.chatshare.audit.AuditFilter;
import com.chatshare.audit.AuditLog;
import com.chatshare.base.ui.EmptyState;
import com.chatshare.base.ui.PhoneColumns;
import com.chatshare.security.AppRoles;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The append-only audit log, filtered and exported as CSV. */
@Route("moderation/audit")
@PageTitle("Audit log · Chatshare")
@Menu(order = 80, icon = "vaadin:records", title = "Audit log")
@RolesAllowed({AppRoles.MODERATOR, AppRoles.ADMIN})
public class AuditLogView extends VerticalLayout {


    private final transient AuditLog auditLog;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final EmptyState empty = new EmptyState("audit-empty", VaadinIcon.RECORDS, "", "");
    private AuditFilter filter = AuditFilter.all();

    AuditLogView(AuditLog auditLog) {
        this.auditLog = auditLog;
        setSizeFull();
        Select<AuditAction> action = new Select<>();
        action.setId("audit-action");
        action.setLabel("Action");
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption("All");
        action.setItems(AuditAction.values());
        action.addValueChangeListener(e -> apply(filter.withAction(e.getValue())));
        TextField actor = new TextField("Actor");
        actor.setId("audit-actor");
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.addValueChangeListener(e -> apply(filter.withActor(e.getValue())));
        TextField target = new TextField("Target");
        target.setId("audit-target");
        target.setPlaceholder("share:42");
        target.setValueChangeMode(ValueChangeMode.LAZY);
        target.addValueChangeListener(e -> apply(filter.withTarget(e.getValue())));
        DatePicker from = new DatePicker("From");
        DatePicker to = new DatePicker("To");
        from.addValueChangeListener(e -> apply(filter.withDates(e.getValue(), to.getValue())));
        to.addValueChangeListener(e -> apply(filter.withDates(from.getValue(), e.getValue())));
        Anchor csv = new Anchor((DownloadHandler) event -> {
            event.setFileName("chatshare-audit.csv");
            event.setContentType("text/csv");
            Writer writer = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
            auditLog.exportCsv(filter, writer);
            writer.flush();
        }, AttachmentType.DOWNLOAD, "Export CSV");
        csv.setId("audit-export");

        HorizontalLayout filters = new HorizontalLayout(action, actor, target, from, to, csv);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.setId("audit-grid");
        grid.addColumn(e -> Dates.preciseDateTime(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Actor");
        grid.addColumn(AuditEntry::action).setHeader("Action");
        grid.addColumn(AuditEntry::target).setHeader("Target").setKey("target");
        grid.addColumn(AuditEntry::details).setHeader("Details").setFlexGrow(3).setKey("details");
        PhoneColumns.hideOnPhone(grid, "target", "details");
        grid.setItems(q -> auditLog.find(filter, q.getOffset(), q.getLimit()).stream());
        grid.setSizeFull();
        add(new H2("Audit log"), filters, grid, empty);
        setFlexGrow(1, grid);
        updateEmptyState();
    }

    private void apply(AuditFilter next) {
        filter = next;
        grid.getDataProvider().refreshAll();
        updateEmptyState();
    }

    private void updateEmptyState() {
        boolean none = auditLog.find(filter, 0, 1).isEmpty();
        if (filter.equals(AuditFilter.all())) {
            empty.setText("The audit log is empty", "Moderation, sharing and account actions appear here as "
                    + "they happen.");
        } else {
            empty.setText("No entry matches these filters", "Change or clear a filter to see more.");
        }
        empty.setVisible(none);
        grid.setVisible(!none);
    }
}
