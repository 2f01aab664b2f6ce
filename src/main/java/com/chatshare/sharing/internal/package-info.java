/**
 * What sharing's services stand on, not visible to other modules: the link entity
 * ({@code ShareLink}) and its repository, the set-based SQL of the owner's links
 * ({@code OwnedLinks}), of moderation ({@code ModeratedLinks}, {@code TitleSearch},
 * {@code TakedownPurge}) and of the sharing policy ({@code PolicyLinks}); the revocation feed
 * ({@code RevocationFeed}) and the public page's head lookups ({@code PublicHeads}); who may read a
 * link, in one place ({@code ReadableLinks}); the rules the services share — who can open a link
 * and until when ({@code LinkAccess}) and what a share puts into a snapshot ({@code LinkSnapshots});
 * the people and left-out messages of a link; links following their owner's account and chats
 * ({@code OwnerLifecycle}); the chat list's badges ({@code ActiveLinks}); and the demo content.
 *
 * <p>It may use sharing's own API and what that may use (conversations, accounts, disclosure,
 * rate limits, security, base): it listens to accounts' and conversations' events and implements
 * conversations' port {@code SharedConversations}. JDBC and JPA on sharing's own tables only. Nothing outside
 * {@code com.chatshare.sharing} uses it. The entity's fields are filled by JPA; the columns that
 * may be empty are marked {@code @Nullable}.
 */
@NullMarked
package com.chatshare.sharing.internal;

import org.jspecify.annotations.NullMarked;
