package com.chatshare.sharing;

/**
 * What the owner asks {@link ShareService#share} for: create the link of one of their
 * conversations, or replace its snapshot under the same URL, with this title and attribution; who
 * can open it and until when, and which messages it holds, each either kept as the link has them
 * or set anew. There is no {@code null} meaning "keep": a request says which it is
 * ({@link Access.Keep} / {@link Access.Chosen}, {@link Messages.Keep} / {@link Messages.Chosen}).
 *
 * <p>Start from {@link #of} (keep both) and change what the caller chose:
 * {@code ShareRequest.of(id, title, visibility).withSettings(settings).withChoice(choice)}.
 */
public record ShareRequest(long conversationId, String title, ShareVisibility visibility, Access access,
        Messages messages, PreviewCard previewCard) {

    /**
     * Whether the public page carries a preview card (decision 0027): kept as the link has it (off
     * for a new link), or turned on or off. On is refused for a link that is not for anyone, and
     * while the sharing policy forbids cards; a link whose audience becomes narrower loses its card.
     */
    public enum PreviewCard {
        KEEP, ON, OFF;

        /** On or off, as a checkbox says. */
        public static PreviewCard of(boolean on) {
            return on ? ON : OFF;
        }
    }

    /** A request that keeps the link's preview card as it is. */
    public ShareRequest(long conversationId, String title, ShareVisibility visibility, Access access,
            Messages messages) {
        this(conversationId, title, visibility, access, messages, PreviewCard.KEEP);
    }

    /** Who can open the link and until when. */
    public sealed interface Access {

        /** As the link has them; a new link gets the sharing policy's defaults. */
        record Keep() implements Access {
        }

        /**
         * These, as the owner chose them, checked against the sharing policy. People must be existing accounts (at most
         * {@link ShareSettings#MAX_PEOPLE}); a new or changed expiry must be in the future and
         * within the policy's {@link ExpiryPolicy} (an expiry the link already has is kept as it is).
         */
        record Chosen(ShareSettings settings) implements Access {
        }
    }

    /** Which of the conversation's messages the snapshot holds. */
    public sealed interface Messages {

        /**
         * Every shareable message, new ones included, except those the link left out before (an
         * Update from the links grid); a new link shares every message.
         */
        record Keep() implements Messages {
        }

        /** The owner's choice in the preview ({@link MessageChoice}), which the link keeps for later Updates. */
        record Chosen(MessageChoice choice) implements Messages {
        }
    }

    /** Shares with this title and attribution, keeping the link's audience, expiry and choice of messages. */
    public static ShareRequest of(long conversationId, String title, ShareVisibility visibility) {
        return new ShareRequest(conversationId, title, visibility, new Access.Keep(), new Messages.Keep());
    }

    /** The same request, setting who can open the link and until when. */
    public ShareRequest withSettings(ShareSettings settings) {
        return new ShareRequest(conversationId, title, visibility, new Access.Chosen(settings), messages, previewCard);
    }

    /** The same request, sharing the messages the owner chose in the preview. */
    public ShareRequest withChoice(MessageChoice choice) {
        return new ShareRequest(conversationId, title, visibility, access, new Messages.Chosen(choice), previewCard);
    }

    /** The same request, turning the public page's preview card on or off. */
    public ShareRequest withPreviewCard(boolean on) {
        return new ShareRequest(conversationId, title, visibility, access, messages, PreviewCard.of(on));
    }
}
