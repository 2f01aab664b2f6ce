-- Moderation's own migration for issue 14's sharing policy (decision 0016): an owner notice can
-- be about no single link, to tell an owner once what a policy change did to several (share_link_id and link_title null).
alter table owner_notice
    modify share_link_id bigint null,
    modify link_title varchar(200) null,
    drop constraint owner_notice_kind_ck,
    add constraint owner_notice_kind_ck
        check (kind in ('TAKEN_DOWN', 'REINSTATED', 'REVIEW_UPHELD', 'REVIEW_REINSTATED', 'SHARING_POLICY'));
