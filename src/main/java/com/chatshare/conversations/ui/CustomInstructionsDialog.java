package com.chatshare.conversations.ui;

import com.chatshare.base.ui.Notifications;
import com.chatshare.base.ui.UserMenuItem;
import com.chatshare.conversations.CustomInstructions;
import com.chatshare.conversations.InvalidChatInputException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * "Custom instructions" in the user menu: a dialog where the signed-in person writes what the
 * assistant should know or do in every chat. Longer text than allowed is kept in the field with a
 * clear message, never cut off.
 */
@Component
@Order(10)
class CustomInstructionsDialog implements UserMenuItem {

    private static final Logger log = LoggerFactory.getLogger(CustomInstructionsDialog.class);

    private final CustomInstructions instructions;

    CustomInstructionsDialog(CustomInstructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public String label() {
        return "Custom instructions";
    }

    @Override
    public String id() {
        return "custom-instructions-menu";
    }

    @Override
    public void select() {
        Dialog dialog = new Dialog();
        dialog.setId("custom-instructions-dialog");
        dialog.setHeaderTitle("Custom instructions");
        Paragraph about = new Paragraph("Sent to the assistant with every message in your chats. Private: never "
                + "part of a shared link, its Markdown, an export or a copy someone continues.");
        about.addClassName("dialog-explanation");
        TextArea text = new TextArea("What should the assistant know about you, and how should it answer?");
        text.setId("custom-instructions");
        text.setWidthFull();
        text.setMinWidth("min(28rem, 80vw)");
        text.setMinHeight("10rem");
        text.setMaxHeight("50vh");
        text.setValueChangeMode(ValueChangeMode.EAGER);
        text.setHelperText(counter(0));
        text.addValueChangeListener(event -> {
            text.setHelperText(counter(event.getValue().length()));
            if (text.isInvalid() && event.getValue().strip().length() <= CustomInstructions.MAX_LENGTH) {
                text.setInvalid(false);
            }
        });
        try {
            text.setValue(instructions.current());
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not read custom instructions: {}", e.toString());
            Notifications.error("Your custom instructions could not be read: the database is not reachable. "
                    + "Try again in a moment.");
            return;
        }
        Button save = new Button("Save", event -> save(dialog, text));
        save.setId("custom-instructions-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> dialog.close());
        String stored = text.getValue();
        // Esc or a click outside closes the dialog only when nothing typed would be lost.
        dialog.addDialogCloseActionListener(event -> {
            if (text.getValue().equals(stored)) {
                dialog.close();
            } else {
                text.setErrorMessage("Not saved yet: Save your changes, or Cancel to leave them.");
                text.setInvalid(true);
            }
        });
        dialog.add(about, text);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        text.focus();
    }

    private void save(Dialog dialog, TextArea text) {
        try {
            instructions.change(text.getValue());
            dialog.close();
            Notifications.success("Custom instructions saved.");
        } catch (InvalidChatInputException e) {
            text.setErrorMessage(e.getMessage());
            text.setInvalid(true);
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not save custom instructions: {}", e.toString());
            text.setErrorMessage("Not saved: the database is not reachable. Your text is still here; try again in a moment.");
            text.setInvalid(true);
        }
    }

    private static String counter(int length) {
        return String.format("%,d of %,d characters", length, CustomInstructions.MAX_LENGTH);
    }
}
