package com.chatshare.sharing.ui;

import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.ShareDialogOpener;
import com.chatshare.base.ui.PublicUrls;
import com.chatshare.sharing.ShareService;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Opens the share dialog for the chat view, which knows nothing of sharing. */
@Component
class ShareDialogs implements ShareDialogOpener {

    private final ShareService shares;
    private final PublicUrls urls;
    private final Clock clock;
    private final MarkdownRenderer markdown;

    ShareDialogs(ShareService shares, PublicUrls urls, Clock clock, MarkdownRenderer markdown) {
        this.markdown = markdown;
        this.shares = shares;
        this.urls = urls;
        this.clock = clock;
    }

    @Override
    public void open(ConversationSummary conversation, Runnable onClosed) {
        ShareDialog dialog = new ShareDialog(shares, urls, clock, markdown, conversation);
        dialog.addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                onClosed.run();
            }
        });
        dialog.open();
    }
}
