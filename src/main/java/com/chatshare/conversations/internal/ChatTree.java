package com.chatshare.conversations.internal;

import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationNotFoundException;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.MessagePage;
import com.chatshare.conversations.MessageRole;
import com.chatshare.conversations.MessageStatus;
import com.chatshare.conversations.MessageVersion;
import com.chatshare.conversations.TreeMessage;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads a conversation as a tree (decision 0023): the path on screen, a page of it, the whole tree;
 * and moves the path on screen to another version. {@link ConversationService} checks ownership
 * and takes the conversation's lock first, and calls this in its transaction.
 */
@Component
public class ChatTree {

    private final MessageRepository messages;
    private final Clock clock;

    ChatTree(MessageRepository messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** Stores a user's message after {@code parentId} (null: as a first message) and shows it. */
    public ChatMessage addUserMessage(Conversation conversation, @Nullable Long parentId, int position, String text) {
        Message message = messages.save(new Message(conversation.getId(), parentId, position, MessageRole.USER, text,
                MessageStatus.COMPLETE, clock.instant()));
        conversation.showPathTo(message.getId());
        return message.toChatMessage();
    }

    /**
     * What the assistant answers to: the finished messages of the path that ends at {@code lastId}
     * (none for null), whichever path is on screen.
     */
    public List<ChatTurn> history(Conversation conversation, @Nullable Long lastId) {
        if (lastId == null) {
            return List.of();
        }
        MessageTree tree = of(conversation);
        return load(tree.find(lastId).map(tree::pathTo).orElse(List.of())).stream()
                .filter(m -> m.status() == MessageStatus.COMPLETE || m.status() == MessageStatus.STOPPED)
                .map(m -> new ChatTurn(m.role(), m.content()))
                .toList();
    }

    /** How many versions the message has, itself included. */
    public int versionsOf(Conversation conversation, Message message) {
        MessageTree tree = of(conversation);
        return tree.find(message.getId()).map(node -> tree.versionsOf(node).size()).orElse(1);
    }

    public MessageTree of(Conversation conversation) {
        return new MessageTree(messages.findTree(conversation.getId()));
    }

    /** The messages of the path on screen, first message first. */
    public List<ChatMessage> path(Conversation conversation) {
        return load(of(conversation).path(conversation.getCurrentLeafId()));
    }

    /** The last message on screen, if the conversation has any. */
    public Optional<Message> leaf(Conversation conversation) {
        return of(conversation).leaf(conversation.getCurrentLeafId()).flatMap(node -> messages.findById(node.id()));
    }

    /** The position of a message on the path on screen; empty when it is not on it. */
    public OptionalInt positionOnScreen(Conversation conversation, long messageId) {
        List<TreeNode> path = of(conversation).path(conversation.getCurrentLeafId());
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).id() == messageId) {
                // Positions are depths: the path's element at an index is the message at that position.
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The last {@code count} messages of the path on screen, with their versions. */
    public MessagePage latest(Conversation conversation, int count) {
        MessageTree tree = of(conversation);
        List<TreeNode> path = tree.path(conversation.getCurrentLeafId());
        return page(tree, path, path.size(), count);
    }

    /** The {@code count} messages of the path on screen just before a position. */
    public MessagePage before(Conversation conversation, int position, int count) {
        MessageTree tree = of(conversation);
        List<TreeNode> path = tree.path(conversation.getCurrentLeafId());
        // Positions are depths: the message at a position is the path's element at that index.
        return page(tree, path, Math.clamp(position, 0, path.size()), count);
    }

    private MessagePage page(MessageTree tree, List<TreeNode> path, int end, int count) {
        int start = Math.max(0, end - count);
        List<TreeNode> shown = path.subList(start, end);
        Map<Long, MessageVersion> versions = new HashMap<>();
        for (TreeNode node : shown) {
            MessageVersion version = tree.version(node);
            if (version.hasOthers()) {
                versions.put(node.id(), version);
            }
        }
        return new MessagePage(load(shown), start > 0, versions);
    }

    /** Every message of every branch, oldest first, each saying whether it is on screen. */
    public List<TreeMessage> whole(Conversation conversation) {
        Set<Long> onScreen = of(conversation).path(conversation.getCurrentLeafId()).stream()
                .map(TreeNode::id).collect(Collectors.toSet());
        return messages.findByConversationIdOrderById(conversation.getId()).stream().map(m -> {
            ChatMessage c = m.toChatMessage();
            return new TreeMessage(c.id(), m.getParentId(), c.position(), c.role(), c.content(), c.status(),
                    c.createdAt(), c.fromShare(), onScreen.contains(c.id()), c.model());
        }).toList();
    }

    /** One message of this conversation, in the given role; another conversation's reads as missing. */
    public Message message(Conversation conversation, long messageId, MessageRole role) {
        return messages.findById(messageId)
                .filter(m -> m.getConversationId() == conversation.getId() && m.getRole() == role)
                .orElseThrow(ConversationNotFoundException::new);
    }

    /**
     * Shows another version of a message: {@code step} versions on (negative: back), as far as
     * there are; the path then goes on to the newest message under that version.
     *
     * @return the version now shown
     */
    public ChatMessage switchVersion(Conversation conversation, long messageId, int step) {
        MessageTree tree = of(conversation);
        TreeNode node = tree.find(messageId).orElseThrow(ConversationNotFoundException::new);
        List<TreeNode> versions = tree.versionsOf(node);
        int to = Math.clamp((long) versions.indexOf(node) + step, 0, versions.size() - 1);
        conversation.showPathTo(tree.newestUnder(versions.get(to)).id());
        return load(List.of(versions.get(to))).getFirst();
    }

    private List<ChatMessage> load(List<TreeNode> nodes) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        return messages.findAllById(nodes.stream().map(TreeNode::id).toList()).stream()
                .map(Message::toChatMessage)
                .sorted(Comparator.comparingInt(ChatMessage::position))
                .toList();
    }
}
