/**
 * Viewer reports, the moderation queue, take-down and reinstate, review requests and owners'
 * notices. Owns {@code abuse_report}, {@code review_request} and {@code owner_notice}; reaches
 * links through {@code sharing.ShareModeration} and listens to sharing's and the policy's events.
 */
@NullMarked
package com.chatshare.moderation;

import org.jspecify.annotations.NullMarked;
