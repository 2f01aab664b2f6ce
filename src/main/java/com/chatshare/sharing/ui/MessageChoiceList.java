package com.chatshare.sharing.ui;

import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.base.ui.ScrollRegions;
import com.chatshare.disclosure.SnapshotCheck.Finding;
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
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The share dialog's preview: every message as viewers will see it, read-only at first, with
 * "Leave out" next to what the check before sharing found (its findings arrive while the dialog is
 * open: {@link PreviewCheck}); a line above says how many are shared and, until the check is over,
 * that it is still checking.
 * "Choose messages" turns on choosing: then each message has a tick (all ticked but the ones the
 * link leaves out) and "Share up to here".
 */
class MessageChoiceList extends Div {

    static final String NOTHING_TICKED = "No message is ticked: tick at least one to share.";
    static final String CHOOSE = "Choose messages";
    static final int FIRST_SHOWN = 20;
    static final int MORE_SHOWN = 100;
    static final String DONE_CHOOSING = "Done choosing";
    static final String CHECKING = "Checking the messages for secrets and personal data…";

    private final Paragraph summary = new Paragraph();
    private final Button choose = new Button(CHOOSE);
    private final Div messages = new Div();
    private final List<MessageRow> rows = new ArrayList<>();
    /** Every message of the preview, shown or not, and whether each is shared. */
    private List<PreviewMessage> all = List.of();
    private final Map<Long, Boolean> shared = new HashMap<>();
    /** What the check before sharing found so far, by message; messages without findings are absent. */
    private final Map<Long, List<Finding>> found = new HashMap<>();
    private boolean checking;
    private final Button more = new Button();
    private long lastShownMessageId = -1;
    private int previewedVersion;
    private transient Runnable onChange = () -> { };

    private final transient MarkdownRenderer markdown;

    MessageChoiceList(MarkdownRenderer markdown) {
        this.markdown = markdown;
        addClassName("share-preview-list");
        summary.setId("share-choice-summary");
        summary.addClassName("share-choice-summary");
        messages.setId("share-preview");
        messages.addClassName("share-preview");
        // It scrolls on its own, and until Choose messages it holds nothing to focus.
        ScrollRegions.keyboardScrollable(messages, "Preview of the shared page");
        choose.setId("choose-messages");
        choose.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        choose.addClickListener(event -> setChoosing(!isChoosing()));
        HorizontalLayout header = new HorizontalLayout(summary, choose);
        header.addClassName("share-choice-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(summary);
        more.setId("preview-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(event -> showMore(MORE_SHOWN));
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

    /**
     * Shows a preview's messages, ticked as the link has them. Only the first
     * {@value #FIRST_SHOWN} are put on the page; "Show more" adds {@value #MORE_SHOWN} at a time: a
     * long chat's dialog opens at once (a thousand messages on the page took seconds), and the
     * choice of the ones not yet shown is kept here.
     */
    void show(SharePreview preview) {
        lastShownMessageId = preview.lastMessageId();
        previewedVersion = preview.snapshotVersion();
        all = preview.messages();
        shared.clear();
        all.forEach(message -> shared.put(message.messageId(), message.shared()));
        found.clear();
        all.stream().filter(message -> !message.findings().isEmpty())
                .forEach(message -> found.put(message.messageId(), message.findings()));
        checking = false;
        rows.clear();
        messages.removeAll();
        if (preview.isEmpty()) {
            messages.add(new Paragraph(ShareService.EMPTY_CONVERSATION_MESSAGE));
        }
        showMore(FIRST_SHOWN);
        changed();
    }

    /** Puts up to {@code count} more messages on the page, with the "Show more" button after them while any are left. */
    private void showMore(int count) {
        messages.getChildren().filter(child -> child == more).findFirst().ifPresent(messages::remove);
        int until = Math.min(all.size(), rows.size() + count);
        for (int index = rows.size(); index < until; index++) {
            PreviewMessage message = all.get(index);
            int at = index;
            MessageRow row = new MessageRow(message.withShared(shared.get(message.messageId())), markdown,
                    () -> shareUpTo(at));
            row.showFindings(found.getOrDefault(message.messageId(), List.of()));
            row.onSharedChange(() -> {
                shared.put(message.messageId(), row.isShared());
                changed();
            });
            rows.add(row);
            messages.add(row);
        }
        if (!rows.isEmpty()) {
            rows.forEach(row -> row.offerUpToHere(true));
            if (rows.size() == all.size()) {
                rows.getLast().offerUpToHere(false);
            }
        }
        if (rows.size() < all.size()) {
            messages.add(more);
            updateMore();
        }
    }

    /** "Show 100 more of 980 messages (2 with warnings)", counting what the check found so far. */
    private void updateMore() {
        int left = all.size() - rows.size();
        long warned = all.subList(rows.size(), all.size()).stream().filter(m -> found.containsKey(m.messageId())).count();
        more.setText("Show " + Math.min(left, MORE_SHOWN) + " more of " + left + " messages"
                + (warned == 0 ? "" : warned == 1 ? " (1 with a warning)" : " (" + warned + " with warnings)"));
    }

    /**
     * What the check before sharing found in some of the messages, shown on those on the page and
     * counted for the others; {@code complete}: the check is over.
     */
    void showFindings(Map<Long, List<Finding>> arrived, boolean complete) {
        found.putAll(arrived);
        checking = !complete;
        rows.stream().filter(row -> arrived.containsKey(row.messageId()))
                .forEach(row -> row.showFindings(arrived.get(row.messageId())));
        if (rows.size() < all.size()) {
            updateMore();
        }
        changed();
    }

    /** The choice shown was shared as this snapshot version: the next choice is made on it. */
    void shared(int snapshotVersion) {
        previewedVersion = snapshotVersion;
    }

    /** Called whenever a tick changes. */
    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** The owner's choice: the messages of the preview, less the unticked ones (shown or not). */
    MessageChoice choice() {
        return new MessageChoice(shared.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .collect(Collectors.toSet()), lastShownMessageId, previewedVersion);
    }

    boolean isAnyShared() {
        return shared.containsValue(true);
    }

    /** Ticks the message at this index and unticks every later one, shown or not. */
    private void shareUpTo(int index) {
        for (int i = index; i < all.size(); i++) {
            boolean value = i == index;
            if (i < rows.size()) {
                rows.get(i).setShared(value);
            }
            shared.put(all.get(i).messageId(), value);
        }
        changed();
    }

    private void changed() {
        long sharedCount = shared.values().stream().filter(Boolean::booleanValue).count();
        long flagged = all.stream().filter(m -> shared.get(m.messageId()) && found.containsKey(m.messageId())).count();
        summary.setVisible(!all.isEmpty());
        if (sharedCount == 0) {
            summary.setText(NOTHING_TICKED);
        } else {
            String count = sharedCount == all.size()
                    ? (all.size() == 1 ? "The message will be shared." : "All " + all.size() + " messages will be shared.")
                    : sharedCount + " of " + all.size() + " messages will be shared.";
            summary.setText(count + (flagged == 0 ? "" : flagged == 1
                    ? " One of them may hold a secret or personal data: see the warning below."
                    : " " + flagged + " of them may hold a secret or personal data: see the warnings below.")
                    + (checking ? " " + CHECKING : ""));
        }
        setClassName("has-warnings", flagged > 0);
        setClassName("checking", checking);
        setClassName("nothing-ticked", sharedCount == 0);
        choose.setVisible(!all.isEmpty());
        if (sharedCount == 0 && !all.isEmpty()) {
            // Nothing left to share: the ticks are the way back.
            setChoosing(true);
        }
        onChange.run();
    }
}
