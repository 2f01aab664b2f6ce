/**
 * The share page's memory: {@code SharePages} (head lookups, from memory or shared in one query,
 * and the rendered pages of each version), {@code KnownHeads} (the heads this node remembers),
 * {@code FeedReader} (reads the revocation feed through sharing's API and makes the memory forget)
 * and {@code ViewCounter} (views once per reader a day, added to the links' counts every few
 * seconds). Reads and writes links only through {@link com.chatshare.sharing.PublicLinks}.
 */
@NullMarked
package com.chatshare.sharepage.internal;

import org.jspecify.annotations.NullMarked;
