package com.chatshare.sharing.ui;

import com.chatshare.conversations.ConversationSummary;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.SharePreview;
import com.chatshare.base.ui.ClipboardCopy;
import com.chatshare.base.ui.PublicUrls;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettingsException;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SnapshotHtml;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.util.Optional;

/**
 * The share dialog: a preview of the snapshot as viewers will see it, the title with a pencil,
 * name or anonymous, and Copy Link / Update and Copy Link.
 */
public class ShareDialog extends Dialog {

    static final String NOTICE = "Messages you send after creating your link won't be shared. "
            + "Anyone with the URL will be able to view the shared chat.";
    static final String NOTICE_SIGNED_IN = "Messages you send after creating your link won't be shared. "
            + "Anyone signed in to Chatshare with the URL will be able to view the shared chat.";
    static final String NOTICE_PEOPLE = "Messages you send after creating your link won't be shared. "
            + "Only the people you list can view the shared chat, signed in, with the URL.";

    private final transient ShareService shares;
    private final transient PublicUrls urls;
    private final long conversationId;

    private final H3 title = new H3();
    private final TextField titleField = new TextField();
    private final Button editTitle = new Button(VaadinIcon.PENCIL.create());
    private final HorizontalLayout titleView;
    private final HorizontalLayout titleEdit;
    private final Span attribution = new Span();
    private final Div status = new Div();
    private final Div preview = new Div();
    private final TextField link = new TextField();
    private final Button copy = new Button();
    private final MenuItem shareNamed;
    private final MenuItem shareAnonymously;
    private final MenuItem deleteLink;
    private final ShareAccessFields access;

    private ShareVisibility visibility = ShareVisibility.ANONYMOUS;
    private String ownerName = "";
    private Optional<ShareDetails> current = Optional.empty();

    ShareDialog(ShareService shares, PublicUrls urls, Clock clock, ConversationSummary conversation) {
        this.shares = shares;
        this.urls = urls;
        this.conversationId = conversation.id();
        setId("share-dialog");
        addClassNames("share-dialog", "full-screen-on-phone");
        setWidth("min(48rem, 96vw)");
        setHeaderTitle("Share chat");

        title.setId("share-title");
        title.addClassName("share-dialog-title");
        editTitle.setId("edit-title");
        editTitle.setAriaLabel("Edit title");
        editTitle.setTooltipText("Edit title");
        editTitle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        editTitle.addClickListener(event -> startEditingTitle());
        titleView = new HorizontalLayout(title, editTitle);
        titleView.setAlignItems(FlexComponent.Alignment.CENTER);

        titleField.setId("share-title-field");
        titleField.setMaxLength(ShareDetails.TITLE_MAX_LENGTH);
        titleField.setAriaLabel("Title");
        titleField.setWidthFull();
        Button doneEditing = new Button("Done", event -> finishEditingTitle());
        doneEditing.setId("title-done");
        titleField.addKeyDownListener(Key.ENTER, event -> finishEditingTitle());
        titleEdit = new HorizontalLayout(titleField, doneEditing);
        titleEdit.setWidthFull();
        titleEdit.setAlignItems(FlexComponent.Alignment.BASELINE);
        titleEdit.setVisible(false);

        MenuBar menu = new MenuBar();
        menu.setId("share-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_ICON);
        MenuItem more = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_H.create());
        more.setAriaLabel("Sharing options");
        shareNamed = more.getSubMenu().addItem("Share your name", event -> setVisibility(ShareVisibility.NAMED));
        shareNamed.setCheckable(true);
        shareAnonymously = more.getSubMenu().addItem("Share anonymously",
                event -> setVisibility(ShareVisibility.ANONYMOUS));
        shareAnonymously.setCheckable(true);
        deleteLink = more.getSubMenu().addItem("Delete link", event -> confirmDelete());
        deleteLink.setId("delete-link");

        HorizontalLayout top = new HorizontalLayout(titleView, titleEdit, menu);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        top.setFlexGrow(1, titleView, titleEdit);

        attribution.setId("share-attribution");
        attribution.addClassName("share-attribution");
        status.setId("share-status");
        status.addClassName("share-status");
        preview.setId("share-preview");
        preview.addClassName("share-preview");

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
        add(top, attribution, preview, status, access, notice, link);
        Button close = new Button("Close", event -> close());
        getFooter().add(close, copy);
        load();
    }

    private void load() {
        SharePreview state = shares.preview(conversationId);
        ownerName = state.ownerDisplayName();
        visibility = state.visibility();
        current = state.link();
        title.setText(state.title());
        titleField.setValue(state.title());
        preview.removeAll();
        if (state.isEmpty()) {
            preview.add(new Paragraph(ShareService.EMPTY_CONVERSATION_MESSAGE));
        } else {
            preview.add(new Html(SnapshotHtml.of(state.messages())));
        }
        copy.setEnabled(!state.isEmpty());
        access.show(state.settings(), state.expiryPolicy());
        refresh();
    }

    private void refresh() {
        shareNamed.setChecked(visibility == ShareVisibility.NAMED);
        shareAnonymously.setChecked(visibility == ShareVisibility.ANONYMOUS);
        attribution.setText(visibility == ShareVisibility.NAMED ? "Shared by " + ownerName : "Shared anonymously");
        deleteLink.setVisible(current.isPresent());
        copy.setText(current.isPresent() ? "Update and Copy Link" : "Copy Link");
        link.setVisible(current.isPresent());
        current.ifPresent(details -> link.setValue(urls.absolute(details.path())));
        status.removeAll();
        status.setVisible(false);
        current.ifPresent(details -> {
            if (details.isTakenDown()) {
                status.add(new Span("Taken down by moderation" + (details.takedownReason() == null
                        ? "." : ": " + details.takedownReason())));
                status.addClassName("taken-down");
                status.setVisible(true);
                copy.setEnabled(false);
            } else if (details.expired()) {
                status.add(new Span("Expired: the link answers like a deleted one. Choose when it expires "
                        + "and Update to renew it."));
                status.setVisible(true);
            } else if (details.newMessages() > 0) {
                status.add(new Span(details.newMessages() == 1
                        ? "1 new message since you shared. Update to include it."
                        : details.newMessages() + " new messages since you shared. Update to include them."));
                status.setVisible(true);
            }
        });
    }

    private void startEditingTitle() {
        titleView.setVisible(false);
        titleEdit.setVisible(true);
        titleField.focus();
    }

    private void finishEditingTitle() {
        String value = titleField.getValue().strip();
        if (value.isEmpty()) {
            titleField.setErrorMessage("Enter a title.");
            titleField.setInvalid(true);
            return;
        }
        titleField.setInvalid(false);
        title.setText(value);
        titleEdit.setVisible(false);
        titleView.setVisible(true);
    }

    private void setVisibility(ShareVisibility visibility) {
        this.visibility = visibility;
        refresh();
    }

    private void shareAndCopy() {
        try {
            ShareDetails details = shares.share(conversationId, titleField.getValue(), visibility, access.settings());
            boolean updated = current.isPresent();
            current = Optional.of(details);
            String url = urls.absolute(details.path());
            load();
            ClipboardCopy.copy(copy, url, copied -> afterCopy(copied, updated, url));
        } catch (ShareSettingsException e) {
            access.showError(e);
        } catch (ShareException e) {
            titleField.setErrorMessage(e.getMessage());
            if (e.getMessage().contains("title")) {
                startEditingTitle();
                titleField.setInvalid(true);
            } else {
                Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }

    /** Says "copied" only when the browser copied; otherwise selects the link and says how to copy it. */
    private void afterCopy(boolean copied, boolean updated, String url) {
        if (copied) {
            link.setHelperText(null);
            Notification.show((updated ? "Link updated and copied: " : "Link copied: ") + url, 5000,
                    Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            link.setHelperText(ClipboardCopy.PRESS_TO_COPY + ".");
            link.focus();
            Notification.show((updated ? "Link updated but not copied. " : "Link created but not copied. ")
                    + "It is selected in the dialog: " + ClipboardCopy.PRESS_TO_COPY + ".", 8000,
                    Notification.Position.TOP_CENTER);
        }
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("delete-link-confirm");
        confirm.setHeader("Delete link?");
        confirm.setText("“" + title.getText() + "” will no longer be available at its link. "
                + "Your chat stays, and so do copies others made.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete link");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                shares.deleteShare(conversationId);
                Notification.show("Link deleted.", 3000, Notification.Position.TOP_CENTER);
            } catch (ShareException e) {
                Notification.show(e.getMessage());
            }
            load();
        });
        confirm.open();
    }

}
