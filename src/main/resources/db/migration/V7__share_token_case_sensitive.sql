-- Tokens are base64url: case matters. Under the table's case-insensitive collation a token with
-- its letters' case changed found the same link, and the unique key compared tokens the same way.
-- ascii_bin compares bytes, and the key shrinks from 88 to 22 bytes a token.
alter table share_link modify token char(22) character set ascii collate ascii_bin not null;
