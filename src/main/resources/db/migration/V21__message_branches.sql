-- Edit, regenerate, branches (issue 24). See docs/decisions/0023-branches.md.
-- A conversation becomes a tree: each message knows its parent (null for a first message) and the
-- conversation remembers the leaf on screen. position is the depth along a path, so the messages
-- of one path are numbered 0..n-1 and versions of a message (siblings) share their position.
-- No foreign keys on either column: InnoDB cascades stop at 15 levels and a chat is 2,000 deep,
-- and the conversation's cascade already deletes every message of it.
alter table message add column parent_id bigint null;
alter table conversation add column current_leaf_id bigint null;

-- Existing chats become single paths: each message's parent is the message one position before.
update message m join message p on p.conversation_id = m.conversation_id and p.position = m.position - 1
set m.parent_id = p.id;

update conversation c
set c.current_leaf_id = (select m.id from message m where m.conversation_id = c.id
                         order by m.position desc, m.id desc limit 1);

-- Siblings share a position now; the tree is read by conversation (and the paging by position).
-- (The new index first: the conversation foreign key needs one on conversation_id.)
create index message_conversation_position_idx on message (conversation_id, position);
alter table message drop index message_conversation_position_uk;
create index message_parent_idx on message (parent_id);
