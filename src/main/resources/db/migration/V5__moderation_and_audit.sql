create table abuse_report (
    id            bigint        not null auto_increment,
    share_link_id bigint        not null,
    reason        varchar(32)   not null,
    details       varchar(2000),
    reporter_id   bigint,
    status        varchar(16)   not null default 'OPEN',
    created_at    timestamp(6)  not null,
    resolved_at   timestamp(6),
    constraint abuse_report_pk primary key (id),
    constraint abuse_report_share_fk foreign key (share_link_id) references share_link (id) on delete cascade,
    constraint abuse_report_reporter_fk foreign key (reporter_id) references app_user (id) on delete set null,
    constraint abuse_report_status_ck check (status in ('OPEN', 'DISMISSED', 'ACTIONED')),
    constraint abuse_report_reason_ck check (reason in ('HARASSMENT', 'HATE', 'SEXUAL_CONTENT', 'VIOLENCE',
        'SELF_HARM', 'ILLEGAL', 'SPAM_OR_PHISHING', 'PERSONAL_INFORMATION', 'OTHER'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index abuse_report_share_status_idx on abuse_report (share_link_id, status, created_at);

-- Append-only: who did what to which target, when. Never message content.
create table audit_entry (
    id      bigint        not null auto_increment,
    at      timestamp(6)  not null,
    actor   varchar(64)   not null,
    action  varchar(40)   not null,
    target  varchar(200)  not null,
    details varchar(2000),
    constraint audit_entry_pk primary key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index audit_entry_at_idx on audit_entry (at, id);
create index audit_entry_action_at_idx on audit_entry (action, at);
create index audit_entry_actor_at_idx on audit_entry (actor, at);

create trigger audit_entry_no_update before update on audit_entry for each row
    signal sqlstate '45000' set message_text = 'audit entries are append-only';
create trigger audit_entry_no_delete before delete on audit_entry for each row
    signal sqlstate '45000' set message_text = 'audit entries are append-only';
