package com.chatshare;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import java.util.List;
import tools.jackson.databind.node.BooleanNode;

/**
 * The browser's side of a copy to the clipboard, which Karibu cannot run: a test answers for the
 * browser, as one with a clipboard (copied) or one without, such as plain HTTP on a LAN address
 * (not copied).
 *
 * <p>Answer right after the click that copies: Karibu's look-ups ({@code _get}, notifications)
 * play a round trip to the browser, which takes what was queued for it, and the copy with it.
 */
public final class BrowserClipboard {

    private BrowserClipboard() {
    }

    /**
     * Answers the one copy the UI asked the browser for since the last answer.
     *
     * @return the text the UI asked to copy
     */
    public static String answer(boolean copied) {
        // What a component runs in the browser is queued for the next response: send it.
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<PendingJavaScriptInvocation> all = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        List<PendingJavaScriptInvocation> copies = all
                .stream()
                .filter(call -> call.getInvocation().getExpression().contains("execCommand('copy')"))
                .toList();
        assertThat(copies).as("copies asked of the browser").hasSize(1);
        String text = copies.getFirst().getInvocation().getParameters().stream().filter(String.class::isInstance)
                .map(String.class::cast).findFirst().orElseThrow();
        copies.getFirst().complete(BooleanNode.valueOf(copied));
        return text;
    }

}
