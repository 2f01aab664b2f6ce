package com.chatshare.datacontrols.ui;

import com.chatshare.base.ui.ClipboardCopy;
import com.chatshare.base.ui.CopyLinkDialog;
import com.chatshare.base.ui.Notifications;
import com.chatshare.conversations.ChatPaths;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.ShareDialogOpener;
import com.chatshare.moderation.ReviewRequestOpener;
import com.chatshare.sharing.OwnLinksService;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One row's menu in the shared-links list, labelled "Actions" and with words, not bare icons:
 * Open chat, Copy link, Update snapshot (with how many new messages), Who can open it / Expiry
 * (the chat's Share dialog), Ask for a review (taken down) or Renew (expired), and Delete (asked
 * first).
 */
class LinkRowActions extends MenuBar {

    /**
     * @param shares for the Update, which shares the link again as it is
     * @param ownLinks for the Renew dialog
     * @param near the grid the row is in: the copy runs on it (a row's own components are attached
     *     only while the row is rendered)
     * @param shareDialogs the Share dialog, for who can open the link and until when; null leaves
     *     the item out
     */
    LinkRowActions(ShareSummary link, Component near, ShareService shares, OwnLinksService ownLinks,
            ReviewRequestOpener reviews, Function<String, String> absoluteUrl, Runnable refresh,
            Consumer<ShareSummary> onDelete, @Nullable ShareDialogOpener shareDialogs) {
        addClassName("link-actions");
        addThemeVariants(MenuBarVariant.LUMO_SMALL, MenuBarVariant.LUMO_TERTIARY);
        MenuItem root = addItem("Actions");
        root.add(VaadinIcon.ANGLE_DOWN.create());
        root.setAriaLabel("Actions for " + link.title());
        SubMenu items = root.getSubMenu();

        // The chat view belongs to another feature: reached by its path.
        items.addItem("Open chat", event -> UI.getCurrent().navigate(ChatPaths.chat(link.conversationId())))
                .setId("open-chat");
        items.addItem("Copy link", event -> {
            String url = absoluteUrl.apply(link.path());
            ClipboardCopy.copy(near, url, copied -> {
                if (copied) {
                    Notifications.success("Link copied: " + url);
                } else {
                    new CopyLinkDialog(url).open();
                }
            });
        }).addClassName("copy-link");
        MenuItem update = items.addItem(link.newMessages() > 0
                ? "Update snapshot (" + link.newMessages() + " new)" : "Update snapshot", event -> {
                    try {
                        shares.share(ShareRequest.of(link.conversationId(), link.title(), link.visibility()));
                        Notifications.success("“" + link.title() + "” updated.");
                        refresh.run();
                    } catch (ShareException e) {
                        Notifications.error(e.getMessage());
                    }
                });
        update.addClassName("update-link");
        update.setEnabled(!link.isTakenDown());
        if (shareDialogs != null && !link.isTakenDown()) {
            items.addItem("Who can open it / Expiry…", event -> shareDialogs.open(
                    new ConversationSummary(link.conversationId(), link.title(), link.updatedAt(), false), refresh))
                    .addClassName("link-access");
        }
        if (link.isTakenDown()) {
            items.addItem("Ask for a review…", event -> reviews.open(link.shareId(), link.title(), refresh))
                    .addClassName("request-review");
        } else if (link.expired()) {
            items.addItem("Renew…", event -> new RenewLinkDialog(ownLinks, link, refresh).open())
                    .addClassName("renew-link");
        }
        items.addItem("Delete…", event -> onDelete.accept(link)).addClassName("delete-link");
    }
}
