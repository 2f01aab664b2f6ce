/**
 * Sharing a conversation by link: links, their frozen snapshots, who can open them (audience) and
 * until when (expiry), and the revocation feed's writer (docs/decisions/0008, 0011, 0012, 0015,
 * 0020). Its root package is its API, one service per kind of caller:
 * <ul>
 * <li>{@link com.chatshare.sharing.ShareService}: the share dialog (preview, share with a
 *     {@link com.chatshare.sharing.ShareRequest}, delete a chat's link);</li>
 * <li>{@link com.chatshare.sharing.OwnLinksService}: the owner's links all at once (data controls,
 *     the export, the notices of a takedown);</li>
 * <li>{@link com.chatshare.sharing.SharedChatService}: reading a shared chat inside the app and
 *     continuing it;</li>
 * <li>{@link com.chatshare.sharing.PublicLinks}: the public page's reads, for the {@code sharepage}
 *     module;</li>
 * <li>{@link com.chatshare.sharing.ShareModeration}: moderation's queue, takedowns and the
 *     retention's purge;</li>
 * <li>{@link com.chatshare.sharing.LinkPolicyEnforcement} and the port
 *     {@link com.chatshare.sharing.SharingRules}: the sharing policy, which the
 *     {@code sharingpolicy} module keeps;</li>
 * </ul>
 * with the records they take and hand out, the events ({@link com.chatshare.sharing.ShareEvents},
 * {@link com.chatshare.sharing.LinksRevoked}) and the settings
 * ({@link com.chatshare.sharing.SharingSettings}), and {@link com.chatshare.sharing.ShareTargets}:
 * the share sheet's addresses and what a link offers (decision 0026). {@code internal/} holds the
 * tables and the rules behind the services; {@code ui/} the share dialog, the signed-in page and the
 * continue page.
 *
 * <p>It may use the APIs of conversations, accounts, the check before sharing ({@code disclosure}),
 * the shared rate limits, security and base. It knows neither the public page ({@code sharepage})
 * nor the sharing policy's module ({@code sharingpolicy}): those depend on it, the page reading
 * through {@code PublicLinks} and learning of revocations from the feed and {@code LinksRevoked},
 * the policy module implementing {@code SharingRules}. It owns the tables {@code share_link},
 * {@code snapshot_message}, {@code share_revocation}, {@code share_link_member} and
 * {@code share_link_excluded_message}; no other module's SQL names them.
 */
@NullMarked
package com.chatshare.sharing;

import org.jspecify.annotations.NullMarked;
