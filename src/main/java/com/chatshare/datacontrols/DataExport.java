package com.chatshare.datacontrols;

import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.ImportSource;
import com.chatshare.conversations.TreeMessage;
import com.chatshare.security.CurrentUser;
import com.chatshare.sharing.ShareQuery;
import com.chatshare.sharing.OwnLinksService;
import com.chatshare.sharing.ShareSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** "Export my data": the caller's conversations and shared links as one JSON document. */
@Service
@PreAuthorize("isAuthenticated()")
public class DataExport {

    private static final int PAGE = 500;

    record Export(String format, Instant exportedAt, String username, String displayName,
            List<ExportedConversation> conversations, List<ShareSummary> sharedLinks) {
    }

    /**
     * @param importedFrom the service it was imported from (decision 0028); null for a chat begun here
     * @param messages every version of every message, oldest first, each with its parent id (decision 0023)
     */
    record ExportedConversation(long id, String title, Instant updatedAt, boolean importedFromShare,
            @Nullable ImportSource importedFrom, List<TreeMessage> messages) {
    }

    private final ConversationService conversations;
    private final OwnLinksService ownLinks;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    DataExport(ConversationService conversations, OwnLinksService ownLinks, CurrentUser currentUser, Clock clock) {
        this.conversations = conversations;
        this.ownLinks = ownLinks;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    private Slice<ConversationSummary> chats(boolean archived, Pageable pageable) {
        return archived ? conversations.findArchivedConversations(pageable) : conversations.findConversations(pageable);
    }

    @Transactional(readOnly = true)
    public void writeTo(OutputStream out) throws IOException {
        List<ExportedConversation> exported = new ArrayList<>();
        // The chat list, then the archived chats: every chat the user has.
        for (boolean archived : new boolean[] {false, true}) {
            Slice<ConversationSummary> page = chats(archived, PageRequest.of(0, PAGE));
            while (true) {
                for (ConversationSummary c : page) {
                    exported.add(new ExportedConversation(c.id(), c.title(), c.updatedAt(), c.importedFromShare(),
                            c.importedFrom(), conversations.findMessageTree(c.id())));
                }
                if (!page.hasNext()) {
                    break;
                }
                page = chats(archived, page.nextPageable());
            }
        }
        List<ShareSummary> links = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<ShareSummary> batch = ownLinks.findOwnLinks(ShareQuery.newestFirst(), offset, PAGE);
            links.addAll(batch);
            if (batch.size() < PAGE) {
                break;
            }
        }
        var user = currentUser.require();
        json.writeValue(out, new Export("chatshare-export/2", clock.instant(), user.getUsername(), user.displayName(),
                exported, links));
    }
}
