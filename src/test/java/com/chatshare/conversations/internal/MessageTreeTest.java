package com.chatshare.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.conversations.MessageVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape of a chat with versions, without a database (decision 0023). */
class MessageTreeTest {

    //  1 (q) ─ 2 (a) ─ 3 (q) ─ 4 (a)
    //                └ 5 (q, edited) ─ 6 (a)
    //                                └ 7 (a, regenerated)
    //  8 (q, first question edited)
    private final MessageTree tree = new MessageTree(List.of(
            new TreeNode(7, 5L, 3), new TreeNode(1, null, 0), new TreeNode(2, 1L, 1), new TreeNode(3, 2L, 2),
            new TreeNode(4, 3L, 3), new TreeNode(5, 2L, 2), new TreeNode(6, 5L, 3), new TreeNode(8, null, 0)));

    @Test
    void the_path_runs_from_a_first_message_to_the_leaf() {
        assertThat(tree.path(7L)).extracting(TreeNode::id).containsExactly(1L, 2L, 5L, 7L);
        assertThat(tree.path(4L)).extracting(TreeNode::id).containsExactly(1L, 2L, 3L, 4L);
        assertThat(tree.path(8L)).extracting(TreeNode::id).containsExactly(8L);
    }

    @Test
    void without_a_remembered_leaf_the_newest_deepest_message_is_shown() {
        assertThat(tree.path(null)).extracting(TreeNode::id).containsExactly(1L, 2L, 5L, 7L);
        assertThat(tree.path(999L)).extracting(TreeNode::id).containsExactly(1L, 2L, 5L, 7L);
        assertThat(new MessageTree(List.of()).path(null)).isEmpty();
    }

    @Test
    void versions_are_the_messages_with_the_same_parent_oldest_first() {
        assertThat(tree.version(tree.find(5).orElseThrow())).isEqualTo(new MessageVersion(2, 2));
        assertThat(tree.version(tree.find(6).orElseThrow())).isEqualTo(new MessageVersion(1, 2));
        assertThat(tree.version(tree.find(8).orElseThrow())).isEqualTo(new MessageVersion(2, 2));
        assertThat(tree.version(tree.find(4).orElseThrow()).hasOthers()).isFalse();
    }

    @Test
    void the_newest_message_under_a_version_is_a_leaf_of_it() {
        assertThat(tree.newestUnder(tree.find(3).orElseThrow()).id()).isEqualTo(4L);
        assertThat(tree.newestUnder(tree.find(5).orElseThrow()).id()).isEqualTo(7L);
        assertThat(tree.newestUnder(tree.find(1).orElseThrow()).id()).isEqualTo(7L);
        assertThat(tree.newestUnder(tree.find(8).orElseThrow()).id()).isEqualTo(8L);
    }
}
