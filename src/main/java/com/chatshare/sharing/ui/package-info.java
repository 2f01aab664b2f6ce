/**
 * Sharing's Vaadin views and parts: the share dialog ({@code ShareDialog}, opened for the chat
 * view through conversations' {@code ShareDialogOpener}, with its title, access fields, status
 * line, the share sheet under the link ({@code ShareSheet}, {@code QrCodeImage}; what a link offers
 * is sharing's {@code ShareTargets}) and the preview whose messages the owner chooses), the
 * signed-in page of a shared chat ({@code SharedChatView}, {@code /share/TOKEN/view}), the continue
 * page ({@code ContinueView}) and the sign-in page's purpose on the way to continue.
 *
 * <p>It calls sharing's services ({@code ShareService}, {@code SharedChatService}) and uses their
 * records; conversations' chat paths and its port {@code ShareDialogOpener}, which the dialog
 * opener implements; security's sign-in destination and reasons; base's UI pieces and Markdown
 * renderer; and the check before sharing's findings. Never a repository, the database or
 * {@code internal/}. Nothing outside sharing uses it.
 */
@NullMarked
package com.chatshare.sharing.ui;

import org.jspecify.annotations.NullMarked;
