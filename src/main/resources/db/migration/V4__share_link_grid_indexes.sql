-- The data controls grid of a heavy user (100,000 links): each order it offers walks an index
-- instead of sorting all of the owner's rows (newest first already has share_link_owner_created_idx).
create index share_link_owner_views_idx on share_link (owner_id, view_count, id);
create index share_link_owner_title_idx on share_link (owner_id, title, id);
