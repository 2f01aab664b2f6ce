package com.chatshare.moderation.ui;

import com.chatshare.base.ui.Notifications;
import com.chatshare.moderation.ModerationService;
import com.chatshare.moderation.ReportReason;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Collection;

/** Takes one or more links down: a reason the owner sees (required) and a note for the audit log. */
class TakeDownDialog extends Dialog {

    TakeDownDialog(ModerationService moderation, Collection<Long> shareIds, Runnable afterTakeDown) {
        setId("take-down-dialog");
        setHeaderTitle(shareIds.size() == 1 ? "Take down link" : "Take down " + shareIds.size() + " links");
        Select<ReportReason> reason = new Select<>();
        reason.setId("take-down-reason");
        // Required, said in words rather than with the required indicator: vaadin-select puts that
        // indicator's aria-required on its value button, where ARIA does not allow it (axe:
        // aria-allowed-attr, critical). The check stays on Take down.
        reason.setLabel("Reason, required (shown to the owner)");
        reason.setItems(ReportReason.values());
        reason.setItemLabelGenerator(ReportReason::label);
        TextArea note = new TextArea(ModerationDetailPanel.AUDIT_NOTE);
        note.setId("take-down-note");
        note.setMaxLength(ModerationService.NOTE_MAX_LENGTH);
        note.setWidthFull();
        Button confirm = new Button("Take down", e -> {
            if (reason.isEmpty()) {
                reason.setErrorMessage("Choose a reason.");
                reason.setInvalid(true);
                reason.focus();
                return;
            }
            try {
                int done = moderation.takeDown(shareIds, reason.getValue(), note.getValue());
                close();
                Notifications.success(done + (done == 1 ? " link taken down." : " links taken down."));
                afterTakeDown.run();
            } catch (IllegalArgumentException ex) {
                note.setErrorMessage(ex.getMessage());
                note.setInvalid(true);
                note.focus();
            }
        });
        confirm.setId("take-down-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        add(new VerticalLayout(reason, note));
        getFooter().add(new Button("Cancel", e -> close()), confirm);
        // Keyboard: the dialog opens on the reason, the first thing to decide.
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                reason.focus();
            }
        });
    }
}
