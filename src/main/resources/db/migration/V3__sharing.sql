create table share_link (
    id                     bigint       not null auto_increment,
    token                  char(22)     not null,
    conversation_id        bigint       not null,
    owner_id               bigint       not null,
    title                  varchar(200) not null,
    visibility             varchar(16)  not null,
    shared_by_name         varchar(80),
    status                 varchar(16)  not null default 'ACTIVE',
    takedown_reason        varchar(2000),
    taken_down_by          bigint,
    taken_down_at          timestamp(6),
    snapshot_version       int          not null,
    source_last_position   int          not null,
    view_count             bigint       not null default 0,
    created_at             timestamp(6) not null,
    updated_at             timestamp(6) not null,
    version                bigint       not null default 0,
    constraint share_link_pk primary key (id),
    constraint share_link_token_uk unique (token),
    constraint share_link_conversation_uk unique (conversation_id),
    constraint share_link_conversation_fk foreign key (conversation_id) references conversation (id) on delete cascade,
    constraint share_link_owner_fk foreign key (owner_id) references app_user (id) on delete cascade,
    constraint share_link_visibility_ck check (visibility in ('NAMED', 'ANONYMOUS')),
    constraint share_link_status_ck check (status in ('ACTIVE', 'TAKEN_DOWN'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index share_link_owner_created_idx on share_link (owner_id, created_at desc, id desc);

create table snapshot_message (
    id            bigint      not null auto_increment,
    share_link_id bigint      not null,
    position      int         not null,
    role          varchar(16) not null,
    content       mediumtext  not null,
    constraint snapshot_message_pk primary key (id),
    constraint snapshot_message_share_fk foreign key (share_link_id) references share_link (id) on delete cascade,
    constraint snapshot_message_share_position_uk unique (share_link_id, position),
    constraint snapshot_message_role_ck check (role in ('USER', 'ASSISTANT'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
