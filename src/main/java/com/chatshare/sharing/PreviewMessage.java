package com.chatshare.sharing;

import com.chatshare.conversations.MessageRole;
import com.chatshare.disclosure.SnapshotCheck;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One message of the share dialog's preview: rendered as viewers will see it, whether it is ticked
 * (shared), and what the check before sharing found in it.
 *
 * @param messageId the conversation's id of the message, for a {@link MessageChoice}
 * @param position its position in the conversation
 * @param content its text as stored; the dialog renders it with the one sanitiser
 *        ({@code MarkdownRenderer.messageHtml}) only when the message is put on the page, so a long
 *        chat's preview does not render a thousand messages to show twenty
 * @param shared false when the owner left it out of the link's snapshot before (an Update keeps
 *        that); true for every other message, new ones included
 * @param findings what looks like a secret or personal data in it, masked (decision 0014); never
 *        stored, never logged; empty until the check has run ({@link #checked})
 * @param model the model that wrote an answer, as the page says "Answered by"; null for the
 *        user's messages and answers stored before models were recorded
 */
public record PreviewMessage(long messageId, int position, MessageRole role, String content, boolean shared,
        List<SnapshotCheck.Finding> findings, @Nullable String model) {

    public PreviewMessage {
        findings = List.copyOf(findings);
    }

    /** The same message with what this check finds in it. */
    public PreviewMessage checked(SnapshotCheck check) {
        return new PreviewMessage(messageId, position, role, content, shared, check.scan(content), model);
    }

    /** The same message, shared or left out. */
    public PreviewMessage withShared(boolean value) {
        return value == shared ? this : new PreviewMessage(messageId, position, role, content, value, findings, model);
    }
}
