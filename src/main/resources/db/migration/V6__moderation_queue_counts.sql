-- The moderation queue sorts and filters a million public snapshots by their reports: keep the
-- open-report count and the time of the last report on the link (maintained by moderation in the
-- same transaction as the report, dismissal or takedown) and index the orders the queue offers.
alter table share_link
    add column open_reports   int          not null default 0,
    add column last_report_at timestamp(6) null;

create index share_link_queue_reports_idx on share_link (open_reports, last_report_at, id);
create index share_link_queue_last_report_idx on share_link (last_report_at, id);
create index share_link_queue_created_idx on share_link (created_at, id);
create index share_link_queue_views_idx on share_link (view_count, id);
create index share_link_queue_status_reports_idx on share_link (status, open_reports, last_report_at, id);
create index share_link_queue_status_created_idx on share_link (status, created_at, id);
