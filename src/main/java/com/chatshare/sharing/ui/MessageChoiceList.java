package com.chatshare.sharing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.chatshare.sharing.MessageChoice;
import com.chatshare.sharing.PreviewMessage;
import com.chatshare.sharing.SharePreview;
import com.chatshare.sharing.ShareService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The share dialog's preview: every message as viewers will see it, read-only at first, with
 * "Leave out" next to what the check before sharing found; a line above says how many are shared.
 * "Choose messages" turns on choosing: then each message has a tick (all ticked but the ones the
 * link leaves out) and "Share up to here".
 */
class MessageChoiceList extends Div {

    static final String NOTHING_TICKED = "No message is ticked: tick at least one to share.";
    static final String CHOOSE = "Choose messages";
    static final String DONE_CHOOSING = "Done choosing";

    private final Paragraph summary = new Paragraph();
    private final Button choose = new Button(CHOOSE);
    private final Div messages = new Div();
    private final List<MessageRow> rows = new ArrayList<>();
    private int lastShownPosition = -1;
    private int previewedVersion;
    private transient Runnable onChange = () -> { };

    MessageChoiceList() {
        summary.setId("share-choice-summary");
        summary.addClassName("share-choice-summary");
        messages.setId("share-preview");
        messages.addClassName("share-preview");
        choose.setId("choose-messages");
        choose.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        choose.addClickListener(event -> setChoosing(!isChoosing()));
        HorizontalLayout header = new HorizontalLayout(summary, choose);
        header.addClassName("share-choice-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(summary);
        add(header, messages);
    }

    /** Ticks and "Share up to here" on every message, or the plain preview. */
    void setChoosing(boolean choosing) {
        messages.setClassName("choosing", choosing);
        choose.setText(choosing ? DONE_CHOOSING : CHOOSE);
        choose.getElement().setAttribute("aria-pressed", String.valueOf(choosing));
    }

    boolean isChoosing() {
        return messages.hasClassName("choosing");
    }

    /** Shows a preview's messages, ticked as the link has them. */
    void show(SharePreview preview) {
        lastShownPosition = preview.lastPosition();
        previewedVersion = preview.snapshotVersion();
        rows.clear();
        messages.removeAll();
        if (preview.isEmpty()) {
            messages.add(new Paragraph(ShareService.EMPTY_CONVERSATION_MESSAGE));
        }
        for (PreviewMessage message : preview.messages()) {
            int index = rows.size();
            MessageRow row = new MessageRow(message, () -> shareUpTo(index));
            row.onSharedChange(this::changed);
            rows.add(row);
            messages.add(row);
        }
        if (!rows.isEmpty()) {
            rows.getLast().offerUpToHere(false);
        }
        changed();
    }

    /** Called whenever a tick changes. */
    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** The owner's choice: the messages shown, less the unticked ones. */
    MessageChoice choice() {
        return new MessageChoice(rows.stream().filter(row -> !row.isShared()).map(MessageRow::messageId)
                .collect(Collectors.toSet()), lastShownPosition, previewedVersion);
    }

    boolean isAnyShared() {
        return rows.stream().anyMatch(MessageRow::isShared);
    }

    /** Ticks the message at this index and unticks every later one. */
    private void shareUpTo(int index) {
        for (int i = 0; i < rows.size(); i++) {
            if (i == index) {
                rows.get(i).setShared(true);
            } else if (i > index) {
                rows.get(i).setShared(false);
            }
        }
    }

    private void changed() {
        long shared = rows.stream().filter(MessageRow::isShared).count();
        long flagged = rows.stream().filter(row -> row.isShared() && row.isFlagged()).count();
        summary.setVisible(!rows.isEmpty());
        if (shared == 0) {
            summary.setText(NOTHING_TICKED);
        } else {
            String count = shared == rows.size()
                    ? (rows.size() == 1 ? "The message will be shared." : "All " + rows.size() + " messages will be shared.")
                    : shared + " of " + rows.size() + " messages will be shared.";
            summary.setText(count + (flagged == 0 ? "" : flagged == 1
                    ? " One of them may hold a secret or personal data: see the warning below."
                    : " " + flagged + " of them may hold a secret or personal data: see the warnings below."));
        }
        setClassName("has-warnings", flagged > 0);
        setClassName("nothing-ticked", shared == 0);
        choose.setVisible(!rows.isEmpty());
        if (shared == 0 && !rows.isEmpty()) {
            // Nothing left to share: the ticks are the way back.
            setChoosing(true);
        }
        onChange.run();
    }
}
