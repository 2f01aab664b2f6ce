create table conversation (
    id                  bigint       not null auto_increment,
    owner_id            bigint       not null,
    title               varchar(200) not null,
    imported_from_share boolean      not null default false,
    created_at          timestamp(6) not null,
    updated_at          timestamp(6) not null,
    version             bigint       not null default 0,
    constraint conversation_pk primary key (id),
    constraint conversation_owner_fk foreign key (owner_id) references app_user (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The chat list: one owner's conversations, newest activity first.
create index conversation_owner_updated_idx on conversation (owner_id, updated_at desc, id desc);

create table message (
    id              bigint       not null auto_increment,
    conversation_id bigint       not null,
    position        int          not null,
    role            varchar(16)  not null,
    content         mediumtext   not null,
    status          varchar(16)  not null,
    created_at      timestamp(6) not null,
    constraint message_pk primary key (id),
    constraint message_conversation_fk foreign key (conversation_id) references conversation (id) on delete cascade,
    constraint message_conversation_position_uk unique (conversation_id, position),
    constraint message_role_ck check (role in ('USER', 'ASSISTANT')),
    constraint message_status_ck check (status in ('COMPLETE', 'GENERATING', 'STOPPED', 'FAILED'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
