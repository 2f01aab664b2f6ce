create table app_user (
    id            bigint       not null auto_increment,
    username      varchar(32)  not null,
    display_name  varchar(80)  not null,
    password_hash varchar(255) not null,
    enabled       boolean      not null default true,
    created_at    timestamp(6) not null,
    updated_at    timestamp(6) not null,
    version       bigint       not null default 0,
    constraint app_user_pk primary key (id),
    constraint app_user_username_uk unique (username)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table app_user_role (
    user_id bigint      not null,
    role    varchar(20) not null,
    constraint app_user_role_pk primary key (user_id, role),
    constraint app_user_role_user_fk foreign key (user_id) references app_user (id) on delete cascade,
    constraint app_user_role_role_ck check (role in ('USER', 'MODERATOR', 'ADMIN'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index app_user_role_role_idx on app_user_role (role);
