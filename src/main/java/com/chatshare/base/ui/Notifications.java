package com.chatshare.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The one way the UI tells the user that something happened outside the place they look at: every
 * view calls this instead of {@code Notification.show}, so durations, position and look are the
 * same everywhere.
 *
 * <ul>
 * <li>{@link #success}: something the user asked for is done (green, a few seconds).</li>
 * <li>{@link #info}: a neutral word (a few seconds longer, to be read).</li>
 * <li>{@link #successWithUndo}: done, with an Undo button for a change that is easy to regret
 * (archiving a chat); it stays long enough to reach the button, and the change can be undone
 * elsewhere too.</li>
 * <li>{@link #error}: something did not happen. It stays until the user closes it (a focusable
 * Close button), so nobody has to read it against a clock, and screen readers hear it at once
 * (assertive live region).</li>
 * </ul>
 * Vaadin's notification card is a live region; success and info are announced politely.
 */
public final class Notifications {

    static final int SUCCESS_DURATION_MS = 4000;
    static final int INFO_DURATION_MS = 6000;
    static final int UNDO_DURATION_MS = 10000;
    static final Notification.Position POSITION = Notification.Position.TOP_CENTER;

    private Notifications() {
    }

    /** Something the user asked for is done: "2 links taken down." */
    public static Notification success(String text) {
        return show(text, SUCCESS_DURATION_MS, NotificationVariant.LUMO_SUCCESS);
    }

    /** A neutral word the user should read, nothing went wrong. */
    public static Notification info(String text) {
        return show(text, INFO_DURATION_MS, NotificationVariant.LUMO_CONTRAST);
    }

    /**
     * Something the user asked for is done, and can be taken back: the text and an "Undo" button
     * (id {@code notification-undo}) that runs {@code undo} once and closes the notification.
     */
    public static Notification successWithUndo(String text, Runnable undo) {
        Div message = new Div(text);
        message.addClassName("notification-text");
        Notification notification = new Notification();
        Button undoButton = new Button("Undo", event -> {
            notification.close();
            undo.run();
        });
        undoButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        undoButton.setId("notification-undo");
        undoButton.setDisableOnClick(true);
        Div layout = new Div(message, undoButton);
        layout.addClassName("notification-layout");
        notification.add(layout);
        notification.setDuration(UNDO_DURATION_MS);
        notification.setPosition(POSITION);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.open();
        return notification;
    }

    /** Something did not happen: stays until closed, announced assertively. */
    public static Notification error(String text) {
        Div message = new Div(text);
        message.addClassName("notification-text");
        Notification notification = new Notification();
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), event -> notification.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        close.setAriaLabel("Close");
        close.setTooltipText("Close");
        close.addClassName("notification-close");
        Div layout = new Div(message, close);
        layout.addClassName("notification-layout");
        notification.add(layout);
        notification.setDuration(0);
        notification.setPosition(POSITION);
        notification.setAssertive(true);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
        return notification;
    }

    private static Notification show(String text, int duration, NotificationVariant variant) {
        Notification notification = new Notification(text, duration, POSITION);
        notification.addThemeVariants(variant);
        notification.open();
        return notification;
    }
}
