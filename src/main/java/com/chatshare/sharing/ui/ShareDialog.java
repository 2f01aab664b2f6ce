package com.chatshare.sharing.ui;

import com.chatshare.base.ui.ClipboardCopy;
import com.chatshare.base.ui.Notifications;
import com.chatshare.base.ui.PublicUrls;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.SharePreview;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettingsException;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SnapshotCheck;
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
import java.time.Clock;
import java.util.Optional;

/**
 * The share dialog: the title with a pencil ({@link ShareTitle}), name or anonymous
 * ({@link ShareOptionsMenu}), a preview of the snapshot in which each message can be left out and
 * what looks like a secret is flagged ({@link MessageChoiceList}), who can open it and until when
 * ({@link ShareAccessFields}), and Copy Link / Update and Copy Link. This class puts them together
 * and talks to the service.
 */
public class ShareDialog extends Dialog {

    static final String NOTICE = "Messages you send after creating your link won't be shared. "
            + "Anyone with the URL will be able to view the shared chat.";
    static final String NOTICE_SIGNED_IN = "Messages you send after creating your link won't be shared. "
            + "Anyone signed in to Chatshare with the URL will be able to view the shared chat.";
    static final String NOTICE_PEOPLE = "Messages you send after creating your link won't be shared. "
            + "Only the people you list can open it, signed in, with the URL. "
            + "Moderators see it only if one of them reports it.";

    private final transient ShareService shares;
    private final transient PublicUrls urls;
    private final long conversationId;

    private final ShareTitle title;
    private final ShareOptionsMenu options;
    private final Span attribution = new Span();
    private final MessageChoiceList messages = new MessageChoiceList();
    private final ShareStatusLine status = new ShareStatusLine();
    private final ShareAccessFields access;
    private final TextField link = new TextField();
    private final Button copy = new Button();

    private ShareVisibility visibility = ShareVisibility.ANONYMOUS;
    private String ownerName = "";
    private Optional<ShareDetails> current = Optional.empty();
    private boolean takenDown;

    ShareDialog(ShareService shares, PublicUrls urls, Clock clock, ConversationSummary conversation) {
        this.shares = shares;
        this.urls = urls;
        this.conversationId = conversation.id();
        setId("share-dialog");
        addClassNames("share-dialog", "full-screen-on-phone");
        setWidth("min(48rem, 96vw)");
        setHeaderTitle("Share chat");

        title = new ShareTitle(SnapshotCheck.forLocale(getLocale()));
        options = new ShareOptionsMenu(this::setVisibility, this::confirmDelete);
        HorizontalLayout top = new HorizontalLayout(title, options);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        top.setFlexGrow(1, title);

        attribution.setId("share-attribution");
        attribution.addClassName("share-attribution");
        messages.onChange(this::refreshCopy);

        link.setId("share-url");
        link.setReadOnly(true);
        link.setAriaLabel("Link");
        link.setAutoselect(true);
        link.setWidthFull();
        link.setVisible(false);

        copy.setId("copy-link");
        copy.setIcon(VaadinIcon.LINK.create());
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        copy.addClickListener(event -> shareAndCopy());

        Paragraph notice = new Paragraph(NOTICE);
        notice.addClassName("share-notice");
        access = new ShareAccessFields(shares::suggestPeople, clock);
        access.onAudienceChange(audience -> notice.setText(switch (audience) {
            case ANYONE -> NOTICE;
            case SIGNED_IN -> NOTICE_SIGNED_IN;
            case PEOPLE -> NOTICE_PEOPLE;
        }));
        add(top, attribution, messages, status, access, notice, link);
        Button close = new Button("Close", event -> close());
        getFooter().add(close, copy);
        load(true);
    }

    /**
     * Reads the preview again. With {@code everything} false, what the owner set up in the dialog
     * (title, name or anonymous, audience and expiry) stays as it is; only the messages and the
     * link's state are read again.
     */
    private void load(boolean everything) {
        SharePreview state = shares.preview(conversationId, getLocale());
        current = state.link();
        if (everything) {
            ownerName = state.ownerDisplayName();
            visibility = state.visibility();
            title.show(state.title());
            access.show(state.settings(), state.expiryPolicy(), shares.sharingPolicy().audiences());
        }
        messages.show(state);
        refresh();
    }

    private void refresh() {
        options.show(visibility, current.isPresent());
        attribution.setText(visibility == ShareVisibility.NAMED ? "Shared by " + ownerName : "Shared anonymously");
        copy.setText(current.isPresent() ? "Update and Copy Link" : "Copy Link");
        link.setVisible(current.isPresent());
        current.ifPresent(details -> link.setValue(urls.absolute(details.path())));
        status.show(current);
        takenDown = current.map(ShareDetails::isTakenDown).orElse(false);
        refreshCopy();
    }

    private void refreshCopy() {
        copy.setEnabled(!takenDown && messages.isAnyShared());
    }

    private void setVisibility(ShareVisibility visibility) {
        this.visibility = visibility;
        refresh();
    }

    private void shareAndCopy() {
        try {
            ShareDetails details = shares.share(conversationId, title.value(), visibility, access.settings(),
                    messages.choice());
            boolean updated = current.isPresent();
            current = Optional.of(details);
            String url = urls.absolute(details.path());
            load(true);
            ClipboardCopy.copy(copy, url, copied -> afterCopy(copied, updated, url));
        } catch (ShareSettingsException e) {
            access.showError(e);
        } catch (ShareException e) {
            if (e.getMessage().contains("title")) {
                title.refuse(e.getMessage());
                return;
            }
            if (ShareService.CHANGED_SINCE_PREVIEW_MESSAGE.equals(e.getMessage())) {
                // Show the choice that was shared elsewhere; what the owner set up here stays.
                load(false);
            }
            Notifications.error(e.getMessage());
        }
    }

    /** Says "copied" only when the browser copied; otherwise selects the link and says how to copy it. */
    private void afterCopy(boolean copied, boolean updated, String url) {
        if (copied) {
            link.setHelperText(null);
            Notifications.success((updated ? "Link updated and copied: " : "Link copied: ") + url);
        } else {
            link.setHelperText(ClipboardCopy.PRESS_TO_COPY + ".");
            link.focus();
            Notifications.info((updated ? "Link updated but not copied. " : "Link created but not copied. ")
                    + "It is selected in the dialog: " + ClipboardCopy.PRESS_TO_COPY + ".");
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
            load(true);
        });
        confirm.open();
    }
}
