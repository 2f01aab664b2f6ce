-- What each person chose for the app's look: follow the system's light or dark setting (no row,
-- or SYSTEM), or always LIGHT or DARK. Its own table, not a column of app_user: choosing a look is
-- no change of the account (its version, roles, enabled flag), so it can neither lose an admin's
-- change nor be lost to one. Goes with the account. The accounts feature owns it.
create table app_user_preference (
    user_id    bigint       not null,
    appearance varchar(10)  not null,
    updated_at timestamp(6) not null,
    constraint app_user_preference_pk primary key (user_id),
    constraint app_user_preference_user_fk foreign key (user_id) references app_user (id) on delete cascade,
    constraint app_user_preference_appearance_ck check (appearance in ('SYSTEM', 'LIGHT', 'DARK'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
