-- Who can open a link and until when (issue 14, docs/decisions/0012-audience-and-expiry.md).
-- audience: ANYONE (the public page, as before), SIGNED_IN (any signed-in account, on the signed-in
-- page only) or PEOPLE (the accounts listed in share_link_member, and the owner). expires_at: after
-- it the link answers like a deleted one; null for never.
alter table share_link
    add column audience   varchar(16)  not null default 'ANYONE',
    add column expires_at timestamp(6) null,
    add constraint share_link_audience_ck check (audience in ('ANYONE', 'SIGNED_IN', 'PEOPLE'));

-- The people a PEOPLE link is shared with. account_id is an account's id kept by sharing, without a
-- foreign key into accounts' table (decision 0008): sharing deletes the rows when it hears that the
-- account was deleted. The rows go with their link by the foreign key within sharing's own tables.
create table share_link_member (
    share_link_id bigint not null,
    account_id    bigint not null,
    constraint share_link_member_pk primary key (share_link_id, account_id),
    constraint share_link_member_link_fk foreign key (share_link_id) references share_link (id) on delete cascade,
    index share_link_member_account_idx (account_id)
) engine = InnoDB;
