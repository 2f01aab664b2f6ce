-- Chats brought in from another service's export (issue 26, docs/decisions/0028-chat-imports.md):
-- where it came from, shown in the chat list as "Imported from ChatGPT"; null for the owner's own
-- chats and for continued copies of shared chats (imported_from_share).
alter table conversation add column import_source varchar(16) null;
alter table conversation add constraint conversation_import_source_ck
    check (import_source is null or import_source in ('CHATGPT', 'CLAUDE', 'CHATSHARE'));

-- The conversation's id in the export: importing the same export again skips the chats already in.
alter table conversation add column import_key varchar(100) null;
create unique index conversation_import_uk on conversation (owner_id, import_source, import_key);
