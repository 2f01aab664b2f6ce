package com.chatshare.sharing.ui;

import com.chatshare.sharing.ShareDetails;
import com.chatshare.disclosure.SnapshotCheck;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The shared page's title in the share dialog: shown as a heading with a pencil, edited in a field;
 * what the check before sharing finds in it is shown below, with a button to edit it.
 */
class ShareTitle extends Div {

    private final transient SnapshotCheck check;
    private final H3 title = new H3();
    private final TextField field = new TextField();
    private final HorizontalLayout view;
    private final HorizontalLayout edit;
    private final FindingList findings = new FindingList();
    private transient Runnable onEdited = () -> { };

    ShareTitle(SnapshotCheck check) {
        this.check = check;
        addClassName("share-title");
        title.setId("share-title");
        title.addClassName("share-dialog-title");
        Button pencil = new Button(VaadinIcon.PENCIL.create(), event -> startEditing());
        pencil.setId("edit-title");
        pencil.setAriaLabel("Edit title");
        pencil.setTooltipText("Edit title");
        pencil.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        view = new HorizontalLayout(title, pencil);
        view.setAlignItems(FlexComponent.Alignment.CENTER);

        field.setId("share-title-field");
        field.setMaxLength(ShareDetails.TITLE_MAX_LENGTH);
        field.setAriaLabel("Title");
        field.setWidthFull();
        Button done = new Button("Done", event -> finishEditing());
        done.setId("title-done");
        field.addKeyDownListener(Key.ENTER, event -> finishEditing());
        edit = new HorizontalLayout(field, done);
        edit.setWidthFull();
        edit.setAlignItems(FlexComponent.Alignment.BASELINE);
        edit.setVisible(false);
        findings.setId("share-title-findings");
        add(view, edit, findings);
    }

    /** Called when the owner changes the title (not when it is shown). */
    void onEdited(Runnable listener) {
        this.onEdited = listener;
        field.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                onEdited.run();
            }
        });
    }

    void show(String text) {
        title.setText(text);
        field.setValue(text);
        field.setInvalid(false);
        edit.setVisible(false);
        view.setVisible(true);
        check();
    }

    /** The title as typed, also while it is being edited. */
    String value() {
        return field.getValue();
    }

    /** The title as shown. */
    String text() {
        return title.getText();
    }

    void startEditing() {
        view.setVisible(false);
        edit.setVisible(true);
        field.focus();
    }

    /** Shows the server's refusal on the field, in edit mode, with what was typed kept. */
    void refuse(String message) {
        startEditing();
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void finishEditing() {
        String value = field.getValue().strip();
        if (value.isEmpty()) {
            field.setErrorMessage("Enter a title.");
            field.setInvalid(true);
            return;
        }
        field.setInvalid(false);
        title.setText(value);
        edit.setVisible(false);
        view.setVisible(true);
        check();
    }

    private void check() {
        Button change = new Button("Edit title", event -> startEditing());
        change.addThemeVariants(ButtonVariant.LUMO_SMALL);
        findings.show(check.scan(title.getText()), change);
    }
}
