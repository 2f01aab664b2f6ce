/**
 * The public page of a shared conversation, {@code /share/TOKEN}, and its Markdown download,
 * {@code /share/TOKEN.md} (docs/decisions/0004-public-share-page.md): the servlet filter that
 * serves them before Spring Security and registers itself, and the Jetty handler that answers a
 * page known to be good from memory ahead of the servlet chain (decision 0024) ({@code web/});
 * and the page's memory
 * ({@code internal/}): heads remembered and kept correct by reading the revocation feed
 * (decision 0011), concurrent head lookups shared in one query, rendered pages cached per
 * version, and view counts kept in memory, once per reader a day (decision 0013).
 *
 * <p>It may use sharing's public API only ({@link com.chatshare.sharing.PublicLinks}, the
 * records it hands out, {@link com.chatshare.sharing.LinksRevoked}, the settings
 * {@link com.chatshare.sharing.SharingSettings}), security's
 * {@link com.chatshare.security.ClientAddress}, base's {@link com.chatshare.base.FixedDates}, and
 * the libraries. It has no SQL, JDBC, JPA or repositories of its own: every read and write of the
 * links goes through {@code PublicLinks}.
 * Nothing depends on it, not even sharing: it learns of revocations from the feed and the event.
 */
@NullMarked
package com.chatshare.sharepage;

import org.jspecify.annotations.NullMarked;
