-- A continued copy shows which messages came from the shared chat (not the recipient's words).
-- Copies made before this migration: their imported messages were written with the copy's own
-- creation time, so those are the ones.
alter table message add column from_share boolean not null default false;

update message m join conversation c on c.id = m.conversation_id
set m.from_share = true
where c.imported_from_share and m.created_at = c.created_at;
