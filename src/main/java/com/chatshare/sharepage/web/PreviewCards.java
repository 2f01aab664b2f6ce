package com.chatshare.sharepage.web;

import com.chatshare.sharing.PublicSnapshot;
import com.chatshare.sharing.ShareToken;
import org.jspecify.annotations.Nullable;

/**
 * A link's preview card (decision 0027): the Open Graph and Twitter tags the public page carries
 * when the owner turned the card on (and the policy allows cards), and its picture. Everything in
 * the tags is the same for every reader of a version: the title, the configured site name and
 * public address, and the version in the image's address (so caches of unfurlers follow updates).
 */
final class PreviewCards {

    /** What follows {@code /share/TOKEN} in the card image's path. */
    static final String IMAGE_SUFFIX = "/card.png";
    static final String IMAGE_TYPE = "image/png";

    /**
     * The tags of a card, as the page's template writes them.
     *
     * @param url the page's absolute address, or null without a configured public address
     * @param image the picture's absolute address with the version in it, or null likewise
     * @param twitterCard {@code summary_large_image} with a picture, {@code summary} without one
     */
    record Tags(String title, String description, String siteName, @Nullable String url, @Nullable String image,
            int imageWidth, int imageHeight, String imageAlt, String twitterCard) {
    }

    private final PreviewCardSettings settings;

    PreviewCards(PreviewCardSettings settings) {
        this.settings = settings;
    }

    /** The card's tags for this version of the link, or null when it has no card. */
    @Nullable Tags tags(String token, PublicSnapshot snapshot) {
        if (!snapshot.previewCard()) {
            return null;
        }
        String site = settings.siteName();
        String page = settings.hasPublicUrl() ? settings.publicUrl() + ShareToken.PATH_PREFIX + token : null;
        String image = page == null ? null : page + IMAGE_SUFFIX + "?v=" + snapshot.version();
        return new Tags(snapshot.title(), "A conversation shared on " + site, site, page, image,
                PreviewCardImage.WIDTH, PreviewCardImage.HEIGHT, "“" + snapshot.title() + "”, shared on " + site,
                image == null ? "summary" : "summary_large_image");
    }

    /** The card's picture for this version of the link: PNG bytes. */
    byte[] draw(PublicSnapshot snapshot) {
        return PreviewCardImage.png(snapshot.title(), settings.siteName());
    }
}
