-- The revocation feed (docs/decisions/0011-revocation-feed.md): every change that can make a node's
-- remembered answer for a token wrong (delete, takedown, reinstatement, Update, owner disabled or
-- enabled) adds a row here in the same transaction. Every node reads the last seconds of it a few
-- times a second and forgets those tokens, so a node can serve a known-good page from memory
-- without a query per request. Rows older than an hour are deleted by the nodes.
create table share_revocation (
    id         bigint      not null auto_increment,
    token      char(22)    character set ascii collate ascii_bin not null,
    revoked_at datetime(6) not null,
    constraint share_revocation_pk primary key (id),
    index share_revocation_at_idx (revoked_at)
) engine = InnoDB;
