-- The instance's sharing policy (issue 14, docs/decisions/0016-sharing-policy.md), set by admins in
-- the sharing-policy view: one row. Until an admin first saves it (changed_at null), the expiry
-- rules come from chatshare.sharing.max-expiry / require-expiry and the rest is today's behaviour
-- (public links allowed, anyone by default). version: a save from a form opened before another
-- admin's save is refused, not silently applied over it.
create table sharing_policy (
    id                 tinyint      not null,
    allow_public       boolean      not null default true,
    default_audience   varchar(16)  not null default 'ANYONE',
    max_expiry_seconds bigint       null,
    require_expiry     boolean      not null default false,
    version            int          not null default 0,
    changed_at         timestamp(6) null,
    changed_by         varchar(64)  null,
    constraint sharing_policy_pk primary key (id),
    constraint sharing_policy_one_row_ck check (id = 1),
    constraint sharing_policy_default_audience_ck check (default_audience in ('ANYONE', 'SIGNED_IN')),
    constraint sharing_policy_public_default_ck check (allow_public or default_audience <> 'ANYONE'),
    constraint sharing_policy_max_expiry_ck check (max_expiry_seconds is null or max_expiry_seconds > 0)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

insert into sharing_policy (id) values (1);
