package com.chatshare.datacontrols.ui;

import com.chatshare.conversations.ChatPaths;
import com.chatshare.base.ui.ClipboardCopy;
import com.chatshare.base.ui.CopyLinkDialog;
import com.chatshare.base.ui.Notifications;
import com.chatshare.moderation.ReviewRequestOpener;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One row's actions in the shared-links grid: open the chat, copy the link, update the snapshot,
 * ask for a review (taken down) or renew (expired), and delete. Icon buttons with labels for
 * screen readers and tooltips for the eye.
 */
class LinkRowActions extends HorizontalLayout {

    /**
     * @param near the grid the row is in: the copy runs on it (a row's own components are attached
     *     only while the row is rendered)
     */
    LinkRowActions(ShareSummary link, Component near, ShareService shares, ReviewRequestOpener reviews,
            Function<String, String> absoluteUrl, Runnable refresh, Consumer<ShareSummary> onDelete) {
        // A router link by path: the chat view belongs to another feature.
        Anchor chat = new Anchor(ChatPaths.chat(link.conversationId()), VaadinIcon.COMMENT_O.create());
        chat.getElement().setAttribute("router-link", true);
        chat.getElement().setAttribute("aria-label", "Open the chat");
        chat.getElement().setAttribute("title", "Open the chat");

        Button copy = iconButton(VaadinIcon.LINK, "Copy link", () -> {
            String url = absoluteUrl.apply(link.path());
            ClipboardCopy.copy(near, url, copied -> {
                if (copied) {
                    Notifications.success("Link copied: " + url);
                } else {
                    new CopyLinkDialog(url).open();
                }
            });
        });
        copy.addClassName("copy-link");
        Button update = iconButton(VaadinIcon.REFRESH, "Update", () -> {
            try {
                shares.share(link.conversationId(), link.title(), link.visibility());
                Notifications.success("“" + link.title() + "” updated.");
                refresh.run();
            } catch (ShareException e) {
                Notifications.error(e.getMessage());
            }
        });
        update.setEnabled(!link.isTakenDown());
        Button delete = iconButton(VaadinIcon.TRASH, "Delete link", () -> onDelete.accept(link));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClassName("delete-link");
        add(chat, copy, update);
        if (link.isTakenDown()) {
            Button review = iconButton(VaadinIcon.SCALE, "Ask for a review",
                    () -> reviews.open(link.shareId(), link.title(), refresh));
            review.addClassName("request-review");
            add(review);
        } else if (link.expired()) {
            Button renew = iconButton(VaadinIcon.CLOCK, "Renew", () -> new RenewLinkDialog(shares, link, refresh)
                    .open());
            renew.addClassName("renew-link");
            add(renew);
        }
        add(delete);
        setSpacing(false);
        setAlignItems(FlexComponent.Alignment.CENTER);
    }

    private static Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), event -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }
}
