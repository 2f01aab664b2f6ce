package com.chatshare.sharing;

/**
 * Published on the node that revoked links, on the revoking thread, once the transaction that
 * wrote their tokens to the revocation feed has ended (committed, or with an outcome the driver
 * cannot tell; not after a rollback), or right after the write when there was no transaction
 * (docs/decisions/0011-revocation-feed.md). A reader of the feed on this node listens and reads
 * the feed before it returns, so the very next request on this node is answered without the
 * revoked links: the revoking call waits for that read.
 *
 * @param forgetEverything the commit came {@link PublicLinks#LATE_COMMIT} or more after the feed rows
 *        were written, or its outcome is unknown: readers may have given up on those rows, so every
 *        node must forget everything it remembers. The reader on this node has that written to the
 *        feed ({@link PublicLinks#announceForgetEverything}) and forgets everything itself.
 */
public record LinksRevoked(boolean forgetEverything) {
}
