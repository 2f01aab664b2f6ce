-- Sharing alone writes share_link and snapshot_message, and a takedown outlives the owner's
-- deletions (issue 12, docs/decisions/0008-sharing-owns-its-tables.md).
--
-- No foreign keys from share_link into other features' tables: deleting a conversation or an
-- account no longer cascades into links. Sharing hears those deletions as events and deletes
-- the active links itself, while a taken-down link is only marked removed by its owner and kept,
-- with its snapshot, for moderators until the retention period ends.
alter table share_link
    drop foreign key share_link_conversation_fk,
    drop foreign key share_link_owner_fk;

-- owner_active: the owner's account is enabled (kept by sharing from accounts' events), so the
-- public page's lookup needs no join into accounts' table. removed_with_chat: the taken-down link
-- left the owner's list because its chat or account was deleted, so it can never come back.
alter table share_link
    add column owner_active        boolean      not null default true,
    add column removed_by_owner_at timestamp(6) null,
    add column removed_with_chat   boolean      not null default false;

update share_link s set s.owner_active = coalesce((select u.enabled from app_user u where u.id = s.owner_id), false);

create index share_link_removed_idx on share_link (removed_by_owner_at);

-- Reports are moderation's records: a link's deletion no longer deletes them.
alter table abuse_report drop foreign key abuse_report_share_fk;

-- An owner's request that moderators look at a takedown again: one per takedown.
create table review_request (
    id            bigint        not null auto_increment,
    share_link_id bigint        not null,
    takedown_at   timestamp(6)  not null,
    requester_id  bigint        not null,
    explanation   varchar(1000) not null,
    status        varchar(16)   not null default 'OPEN',
    created_at    timestamp(6)  not null,
    decided_at    timestamp(6),
    decided_by    bigint,
    decision_note varchar(1000),
    constraint review_request_pk primary key (id),
    constraint review_request_takedown_uk unique (share_link_id, takedown_at),
    constraint review_request_status_ck check (status in ('OPEN', 'UPHELD', 'REINSTATED', 'CLOSED'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index review_request_status_idx on review_request (status, created_at, id);

-- What moderation tells a link's owner: taken down, reinstated, a review decided.
create table owner_notice (
    id            bigint        not null auto_increment,
    recipient_id  bigint        not null,
    share_link_id bigint        not null,
    kind          varchar(24)   not null,
    link_title    varchar(200)  not null,
    message       varchar(2000),
    created_at    timestamp(6)  not null,
    read_at       timestamp(6),
    constraint owner_notice_pk primary key (id),
    constraint owner_notice_kind_ck check (kind in ('TAKEN_DOWN', 'REINSTATED', 'REVIEW_UPHELD', 'REVIEW_REINSTATED'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index owner_notice_recipient_idx on owner_notice (recipient_id, created_at, id);
create index owner_notice_share_idx on owner_notice (share_link_id);
create index review_request_share_idx on review_request (share_link_id);
