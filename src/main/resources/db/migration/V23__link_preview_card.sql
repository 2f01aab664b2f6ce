-- A link preview card, if the owner wants one (issue 26). See docs/decisions/0027-link-preview-card.md.
-- Per link: whether the public page carries og:description/og:image and a Twitter card (off by
-- default: a card shows the title to everyone who sees the post). Sharing owns share_link.
alter table share_link add column preview_card boolean not null default false;

-- The instance policy may forbid cards; when it does, every link's card is turned off.
-- The sharing-policy feature owns sharing_policy.
alter table sharing_policy add column preview_cards_allowed boolean not null default true;
