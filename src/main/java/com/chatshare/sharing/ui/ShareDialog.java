package com.chatshare.sharing.ui;

import com.chatshare.sharing.ExpiryPolicy;
import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.base.ui.ClipboardCopy;
import com.chatshare.base.ui.Notifications;
import com.chatshare.base.ui.PublicUrls;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.SharePreview;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettingsException;
import com.chatshare.sharing.ShareTargets;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingPolicy;
import com.chatshare.disclosure.SnapshotCheck;
import com.vaadin.flow.component.ScrollIntoViewOption;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.UI;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.Optional;

/**
 * The share dialog, in the order a person decides: the title with a pencil ({@link ShareTitle});
 * who the page names (your name or anonymous) and who can open it until when
 * ({@link ShareAccessFields}); the link in a read-only field with its own Copy button once it
 * exists; then the preview of the snapshot, read-only until "Choose messages"
 * ({@link MessageChoiceList}), with the check before sharing running on it while the dialog is open
 * ({@link PreviewCheck}). The main button creates the link and copies it; once it exists, it
 * appears only when there is something to update — messages newer than the snapshot ("Update link
 * (3 new)") or a change made in the dialog. This class puts the parts together and talks to the
 * service.
 */
public class ShareDialog extends Dialog {

    static final String NOTICE = "Messages you send after creating your link won't be shared. "
            + "Anyone with the URL will be able to view the shared chat.";
    static final String NOTICE_SIGNED_IN = "Messages you send after creating your link won't be shared. "
            + "Anyone signed in to Chatshare with the URL will be able to view the shared chat.";
    static final String NOTICE_PEOPLE = "Messages you send after creating your link won't be shared. "
            + "Only the people you list can open it, signed in, with the URL. "
            + "Moderators see it only if one of them reports it.";
    static final String CREATE = "Copy Link";
    static final String UPDATE = "Update link";
    static final String COPIED = "Link copied to the clipboard.";

    private final transient ShareService shares;
    private final transient PublicUrls urls;
    private final transient PreviewCheck check;
    private final long conversationId;

    private final ShareTitle title;
    private final RadioButtonGroup<ShareVisibility> author = new RadioButtonGroup<>("Show on the page");
    private final MessageChoiceList messages;
    private final ShareStatusLine status = new ShareStatusLine();
    private final ShareAccessFields access;
    private final TextField link = new TextField("Link");
    private final Button copyUrl = new Button("Copy", VaadinIcon.COPY_O.create());
    private final HorizontalLayout linkRow;
    private final ShareSheet sheet = new ShareSheet();
    private final Button copy = new Button();
    private final Button delete = new Button("Delete link", VaadinIcon.TRASH.create());

    private String ownerName = "";
    private ExpiryPolicy expiryPolicy = new ExpiryPolicy(null, false);
    private java.util.List<com.chatshare.sharing.ShareAudience> audiences = java.util.List.of();
    private boolean cardsAllowed = true;
    private Optional<ShareDetails> current = Optional.empty();
    private boolean takenDown;
    /** Something was changed in the dialog since the link was last read: there is something to update. */
    private boolean edited;
    /** Who can open the link or until when was changed and not saved: the sheet would send the old link. */
    private boolean accessEdited;
    /** The messages left out as last shared: a change of ticks from these is an edit. */
    private java.util.Set<Long> shownExclusions = java.util.Set.of();

    ShareDialog(ShareService shares, PublicUrls urls, Clock clock, MarkdownRenderer markdown, Executor background,
            ConversationSummary conversation) {
        this.shares = shares;
        this.check = new PreviewCheck(background, SnapshotCheck.forLocale(getLocale()));
        addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                check.stop();
            }
        });
        addDetachListener(event -> check.stop());
        this.messages = new MessageChoiceList(markdown);
        this.urls = urls;
        this.conversationId = conversation.id();
        setId("share-dialog");
        addClassNames("share-dialog", "full-screen-on-phone");
        setWidth("min(48rem, 96vw)");
        setHeaderTitle("Share chat");

        title = new ShareTitle(SnapshotCheck.forLocale(getLocale()));
        title.onEdited(this::edited);

        author.setId("share-author");
        author.setItems(ShareVisibility.NAMED, ShareVisibility.ANONYMOUS);
        author.setItemLabelGenerator(v -> v == ShareVisibility.NAMED ? "Your name (" + ownerName + ")" : "Anonymous");
        author.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                edited();
            }
        });

        messages.onChange(this::messagesChanged);

        link.setId("share-url");
        link.setReadOnly(true);
        link.setAutoselect(true);
        link.setWidthFull();
        copyUrl.setId("copy-url");
        copyUrl.addClickListener(event -> current.ifPresent(details -> copyExisting(urls.absolute(details.path()))));
        linkRow = new HorizontalLayout(link, copyUrl);
        linkRow.addClassName("share-link-row");
        linkRow.setWidthFull();
        linkRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        linkRow.expand(link);

        copy.setId("copy-link");
        copy.setIcon(VaadinIcon.LINK.create());
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        copy.addClickListener(event -> shareAndCopy());

        delete.setId("delete-link");
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.addClickListener(event -> confirmDelete());

        Paragraph notice = new Paragraph(NOTICE);
        notice.addClassName("share-notice");
        access = new ShareAccessFields(shares::suggestPeople, clock);
        access.onAudienceChange(audience -> notice.setText(switch (audience) {
            case ANYONE -> NOTICE;
            case SIGNED_IN -> NOTICE_SIGNED_IN;
            case PEOPLE -> NOTICE_PEOPLE;
        }));
        access.onEdited(() -> {
            // Who can open it decides the link's address: the sheet waits for Update.
            accessEdited = true;
            edited();
        });
        add(title, author, access, notice, linkRow, sheet, status, messages);
        Button close = new Button("Close", event -> close());
        Span spacer = new Span();
        spacer.addClassName("share-footer-spacer");
        getFooter().add(delete, spacer, close, copy);
        load(true);
    }

    /**
     * Reads the preview again. With {@code everything} false, what the owner set up in the dialog
     * (title, name or anonymous, audience and expiry) stays as it is; only the messages and the
     * link's state are read again.
     */
    private void load(boolean everything) {
        SharePreview state = shares.preview(conversationId);
        current = state.link();
        if (everything) {
            ownerName = state.ownerDisplayName();
            author.setItemLabelGenerator(v -> v == ShareVisibility.NAMED ? "Your name (" + ownerName + ")" : "Anonymous");
            author.setValue(state.visibility());
            title.show(state.title());
            expiryPolicy = state.expiryPolicy();
            SharingPolicy policy = shares.sharingPolicy();
            audiences = policy.audiences();
            cardsAllowed = policy.previewCardsAllowed();
            access.show(state.settings(), expiryPolicy, audiences);
            access.showCard(state.link().map(ShareDetails::previewCard).orElse(false), cardsAllowed);
        }
        messages.show(state);
        // What is on screen is checked before the dialog shows, the rest while it is open.
        check.start(UI.getCurrent(), state.messages(), MessageChoiceList.FIRST_SHOWN, messages::showFindings);
        if (everything) {
            edited = false;
            accessEdited = false;
        }
        refresh();
    }

    private void refresh() {
        linkRow.setVisible(current.isPresent());
        current.ifPresent(details -> link.setValue(urls.absolute(details.path())));
        delete.setVisible(current.isPresent());
        status.show(current);
        takenDown = current.map(ShareDetails::isTakenDown).orElse(false);
        refreshCopy();
    }

    private void edited() {
        edited = true;
        refreshCopy();
    }

    private void messagesChanged() {
        // The ticks are read when the preview is shown, too: only the owner's changes count.
        if (current.isPresent() && !messages.choice().excluded().equals(shownExclusions)) {
            edited = true;
        }
        refreshCopy();
    }

    /** The main button: create, or update when there is something to update; nothing while taken down. */
    private void refreshCopy() {
        sheet.refresh(current.flatMap(details -> ShareTargets.forLink(details, urls.absolute(details.path()))),
                edited && accessEdited);
        if (current.isEmpty()) {
            copy.setText(CREATE);
            copy.setVisible(true);
        } else {
            int newMessages = current.get().newMessages();
            copy.setText(newMessages > 0 ? UPDATE + " (" + newMessages + " new)" : UPDATE);
            copy.setVisible(edited || newMessages > 0 || current.get().expired() || current.get().otherVersion());
        }
        copy.setEnabled(!takenDown && messages.isAnyShared());
        copyUrl.setEnabled(!takenDown && current.map(details -> !details.expired()).orElse(false));
    }

    private void shareAndCopy() {
        try {
            ShareDetails details = shares.share(ShareRequest.of(conversationId, title.value(), author.getValue())
                    .withSettings(access.settings()).withChoice(messages.choice())
                    .withPreviewCard(access.previewCard()));
            boolean updated = current.isPresent();
            String url = urls.absolute(details.path());
            // What the dialog shows is what was just shared: no second preview of every message.
            current = Optional.of(details);
            title.show(details.title());
            access.show(details.settings(), expiryPolicy, audiences);
            access.showCard(details.previewCard(), cardsAllowed);
            messages.shared(details.snapshotVersion());
            shownExclusions = messages.choice().excluded();
            edited = false;
            accessEdited = false;
            refresh();
            ClipboardCopy.copy(copyUrl, url, copied -> afterCopy(copied, updated));
        } catch (ShareSettingsException e) {
            access.showError(e);
        } catch (ShareException e) {
            switch (e.reason()) {
                case TITLE -> title.refuse(e.getMessage());
                case CHANGED_SINCE_PREVIEW -> {
                    // Show the choice that was shared elsewhere; what the owner set up here stays.
                    load(false);
                    Notifications.error(e.getMessage());
                }
                default -> Notifications.error(e.getMessage());
            }
        }
    }

    private void copyExisting(String url) {
        ClipboardCopy.copy(copyUrl, url, copied -> afterCopy(copied, false));
    }

    /**
     * Says "copied" beside the link only when the browser copied (a toast would cover the title,
     * and on a phone the link); otherwise selects the link and says how to copy it.
     */
    private void afterCopy(boolean copied, boolean updated) {
        // On a phone the link and where to send it are below the first screen: bring them up, so
        // that the click visibly did something (a larger screen, where they show already, stays
        // put). Not copied, the link itself, selected for the person to copy.
        (copied && sheet.isVisible() ? sheet : linkRow).scrollIntoView(ScrollIntoViewOption.Block.NEAREST);
        if (copied) {
            link.setHelperText(updated ? "Link updated and copied to the clipboard." : COPIED);
            copyUrl.setText("Copied");
            copyUrl.setIcon(VaadinIcon.CHECK.create());
        } else {
            link.setHelperText((updated ? "Link updated but not copied. " : "Not copied. ")
                    + ClipboardCopy.PRESS_TO_COPY + ".");
            link.focus();
        }
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("delete-link-confirm");
        confirm.setHeader("Delete link?");
        confirm.setText("“" + title.text() + "” will no longer be available at its link. "
                + "Your chat stays, and so do copies others made.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete link");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                shares.deleteShare(conversationId);
                Notifications.success("Link deleted.");
            } catch (ShareException e) {
                Notifications.error(e.getMessage());
            }
            link.setHelperText(null);
            load(true);
        });
        confirm.open();
    }
}
