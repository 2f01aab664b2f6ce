-- Sharing follows the screen (issue 24, decision 0023): the link remembers the last message it
-- shared, so the share dialog can tell when the path on screen no longer goes through it (the
-- owner switched to another version or edited before it). Null for links shared before: their
-- chats were single paths.
alter table share_link add column source_last_message_id bigint null;
