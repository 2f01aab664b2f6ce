-- Choose messages (issue 14, docs/decisions/0015-choose-messages.md).
-- omitted_before: how many of the conversation's messages the owner left out just before this one
-- (0: none); the public page, the Markdown download and the signed-in page show "N messages not
-- shared" there. Messages left out after the last shared one are not counted.
alter table snapshot_message
    add column omitted_before int not null default 0,
    add constraint snapshot_message_omitted_before_ck check (omitted_before >= 0);

-- The messages an owner left out of a link's snapshot, so that an Update (from the dialog, the
-- links grid or anywhere else) keeps leaving them out, while messages added since are shared.
-- message_id is a conversations message id kept by sharing without a foreign key into that
-- feature's table (decision 0008); ids of messages that no longer exist are harmless and dropped
-- at the next Update. The rows go with their link.
create table share_link_excluded_message (
    share_link_id bigint not null,
    message_id    bigint not null,
    constraint share_link_excluded_message_pk primary key (share_link_id, message_id),
    constraint share_link_excluded_message_link_fk foreign key (share_link_id) references share_link (id)
        on delete cascade
) engine = InnoDB;
