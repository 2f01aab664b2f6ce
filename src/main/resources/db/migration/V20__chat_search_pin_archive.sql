-- Chat search, pinned and archived chats (issue 24). See docs/decisions/0021-chat-search.md.
-- A pinned chat heads the chat list; an archived one leaves it but stays searchable and shared.
alter table conversation
    add column pinned_at   timestamp(6) null,
    add column archived_at timestamp(6) null;

-- Search by word prefix in the owner's titles and messages, as the links grid does (V8): FULLTEXT
-- indexes without stopwords, which InnoDB reads from the session that builds them.
set session innodb_ft_enable_stopword = off;
alter table conversation add fulltext index conversation_title_ft (title);
alter table message add fulltext index message_content_ft (content);
