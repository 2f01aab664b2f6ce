package com.chatshare.sharing.ui;

import com.chatshare.sharing.ShareDetails;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;

/** The share dialog's line about the existing link: taken down, expired, or new messages since it was shared. */
class ShareStatusLine extends Div {

    static final String OTHER_VERSION = "You switched to another version since sharing: "
            + "updating shares the conversation as it is on screen now.";

    ShareStatusLine() {
        setId("share-status");
        addClassName("share-status");
        setVisible(false);
    }

    void show(Optional<ShareDetails> link) {
        removeAll();
        removeClassName("taken-down");
        setVisible(false);
        link.ifPresent(details -> {
            if (details.isTakenDown()) {
                say("Taken down by moderation" + (details.takedownReason() == null
                        ? "." : ": " + details.takedownReason()));
                addClassName("taken-down");
            } else if (details.expired()) {
                say("Expired: the link answers like a deleted one. Choose when it expires and Update to renew it.");
            } else if (details.otherVersion()) {
                say(OTHER_VERSION);
            } else if (details.newMessages() > 0) {
                say(details.newMessages() == 1
                        ? "1 new message since you shared. Update to include it."
                        : details.newMessages() + " new messages since you shared. Update to include them.");
            }
        });
    }

    private void say(String text) {
        add(new Span(text));
        setVisible(true);
    }
}
