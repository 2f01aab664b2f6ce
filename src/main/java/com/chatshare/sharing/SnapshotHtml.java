package com.chatshare.sharing;

import com.chatshare.conversations.MessageRole;
import java.util.List;

/**
 * The HTML of a snapshot for the Vaadin UI (share dialog preview, moderation detail), laid out
 * like the public page. The messages' HTML is already sanitised by the renderer; only this fixed
 * wrapper markup is added, so the result may go into a Vaadin {@code Html} component. Where the
 * owner left messages out, a marker says how many.
 */
public final class SnapshotHtml {

    private SnapshotHtml() {
    }

    public static String of(List<SnapshotMessage> messages) {
        StringBuilder html = new StringBuilder("<div class=\"share-preview-body\">");
        for (SnapshotMessage message : messages) {
            if (message.omittedBefore() > 0) {
                html.append("<div class=\"preview-omitted\">").append(message.omittedLabel()).append("</div>");
            }
            boolean user = message.role() == MessageRole.USER;
            html.append("<div class=\"preview-message ").append(user ? "from-user" : "from-assistant").append("\">")
                    .append("<div class=\"preview-author\">").append(user ? "User" : "Assistant").append("</div>")
                    .append("<div class=\"preview-content\" dir=\"auto\">").append(message.html())
                    .append("</div></div>");
        }
        return html.append("</div>").toString();
    }
}
