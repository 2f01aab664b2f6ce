package com.chatshare.moderation.ui;

import com.chatshare.moderation.ModerationService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/**
 * A moderation decision with a note: reinstate, dismiss reports, uphold or reinstate after a
 * review. What the service refuses shows beside the note, and the note stays.
 */
class NoteDialog extends Dialog {

    NoteDialog(String header, String action, String noteLabel, Consumer<String> run, Runnable afterAction) {
        setId("note-dialog");
        setHeaderTitle(header);
        TextArea note = new TextArea(noteLabel);
        note.setId("note");
        note.setMaxLength(ModerationService.NOTE_MAX_LENGTH);
        note.setWidthFull();
        Button confirm = new Button(action, e -> {
            try {
                run.accept(note.getValue());
                close();
                afterAction.run();
            } catch (IllegalArgumentException | IllegalStateException ex) {
                note.setErrorMessage(ex.getMessage());
                note.setInvalid(true);
            }
        });
        confirm.setId("note-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(note);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                note.focus();
            }
        });
    }
}
