-- Usernames are compared byte for byte: sign-in maps what was typed to its canonical form
-- (security/Usernames) and looks up exactly that. Under utf8mb4_unicode_ci the database itself
-- matched 'bób' and 'ｂｏｂ' to 'bob', a second idea of "the same name" that the login throttle
-- knew nothing about (docs/decisions, sign-in that cannot be sidestepped).
alter table app_user
    modify username varchar(32) character set utf8mb4 collate utf8mb4_bin not null;

-- Only canonical names are stored: what registration (Account.USERNAME_PATTERN) already enforces.
alter table app_user
    add constraint app_user_username_canonical_ck check (username regexp '^[a-z0-9._-]{3,32}$');

-- Counts the account's password changes. A session remembers the count it signed in with, and
-- one with an older count is ended on its next request (security/RevokedSessionFilter): changing
-- the password signs out the account's other sessions.
alter table app_user
    add column credentials_version bigint not null default 0;
