package com.chatshare.conversations.internal;

import com.chatshare.conversations.MessageVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A conversation's messages as a tree (decision 0023): each message's parent, the versions of a
 * message (siblings: the same parent, oldest first) and the path from a first message to a leaf.
 * Built from ids and positions only; a chat holds at most {@code ChatMessage.MAX_PER_CONVERSATION}
 * messages, all branches together, so it is small.
 */
public final class MessageTree {

    private final Map<Long, TreeNode> byId = new HashMap<>();
    private final Map<@Nullable Long, List<TreeNode>> children = new HashMap<>();

    public MessageTree(List<TreeNode> nodes) {
        List<TreeNode> oldestFirst = nodes.stream().sorted(Comparator.comparingLong(TreeNode::id)).toList();
        for (TreeNode node : oldestFirst) {
            byId.put(node.id(), node);
            children.computeIfAbsent(node.parentId(), k -> new ArrayList<>()).add(node);
        }
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public int size() {
        return byId.size();
    }

    public Optional<TreeNode> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The leaf to show: the remembered one while it is in the tree, otherwise the newest message
     * of the deepest position (a chat written without a remembered leaf is one path).
     */
    public Optional<TreeNode> leaf(@Nullable Long remembered) {
        if (remembered != null && byId.containsKey(remembered)) {
            return Optional.of(byId.get(remembered));
        }
        return byId.values().stream()
                .max(Comparator.comparingInt(TreeNode::position).thenComparingLong(TreeNode::id));
    }

    /** The path from a first message to this one, first message first. */
    public List<TreeNode> pathTo(TreeNode leaf) {
        List<TreeNode> path = new ArrayList<>();
        for (TreeNode at = leaf; at != null; at = at.parentId() == null ? null : byId.get(at.parentId())) {
            path.add(at);
        }
        return path.reversed();
    }

    /** The path on screen for a remembered leaf; empty for an empty conversation. */
    public List<TreeNode> path(@Nullable Long rememberedLeaf) {
        return leaf(rememberedLeaf).map(this::pathTo).orElse(List.of());
    }

    /** The versions of a message: the messages with its parent, oldest first, itself among them. */
    public List<TreeNode> versionsOf(TreeNode node) {
        return children.getOrDefault(node.parentId(), List.of());
    }

    /** Which version a message is, 1-based, of how many. */
    public MessageVersion version(TreeNode node) {
        List<TreeNode> versions = versionsOf(node);
        return new MessageVersion(versions.indexOf(node) + 1, versions.size());
    }

    /**
     * The newest message under this one, itself included: always a leaf, since a message's
     * replies are newer than it. Switching to a version shows the path to it.
     */
    public TreeNode newestUnder(TreeNode top) {
        TreeNode newest = top;
        List<TreeNode> toVisit = new ArrayList<>(List.of(top));
        while (!toVisit.isEmpty()) {
            TreeNode node = toVisit.removeLast();
            if (node.id() > newest.id()) {
                newest = node;
            }
            toVisit.addAll(children.getOrDefault(node.id(), List.of()));
        }
        return newest;
    }
}
