-- The model that wrote each shared answer, frozen with the snapshot: the page says "Answered by …".
-- Sharing owns snapshot_message.
alter table snapshot_message add column model varchar(200) null;
