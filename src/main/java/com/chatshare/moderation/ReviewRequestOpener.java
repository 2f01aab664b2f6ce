package com.chatshare.moderation;

/**
 * Opens the dialog in which an owner asks for a review of a takedown. Moderation provides it;
 * the data controls' links grid calls it without depending on moderation's views.
 */
public interface ReviewRequestOpener {

    /** @param onSent runs after the request was filed */
    void open(long shareId, String linkTitle, Runnable onSent);
}
