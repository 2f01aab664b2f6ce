package com.chatshare.sharing.ui;

import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.ShareDialogOpener;
import com.chatshare.base.ui.PublicUrls;
import com.chatshare.sharing.ShareService;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Opens the share dialog for the chat view, which knows nothing of sharing. */
@Component
class ShareDialogs implements ShareDialogOpener {

    private final ShareService shares;
    private final PublicUrls urls;
    private final Clock clock;
    private final MarkdownRenderer markdown;
    private final Executor background;

    /** @param background Spring Boot's task executor, for the check before sharing on a long chat */
    ShareDialogs(ShareService shares, PublicUrls urls, Clock clock, MarkdownRenderer markdown,
            @Qualifier("applicationTaskExecutor") Executor background) {
        this.markdown = markdown;
        this.background = background;
        this.shares = shares;
        this.urls = urls;
        this.clock = clock;
    }

    @Override
    public void open(ConversationSummary conversation, Runnable onClosed) {
        ShareDialog dialog = new ShareDialog(shares, urls, clock, markdown, background, conversation);
        dialog.addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                onClosed.run();
            }
        });
        dialog.open();
    }
}
