-- Title search (data controls, moderation queue) by word prefix on a FULLTEXT index: a
-- like '%...%' scanned every title, 142 ms over one user's 100,000 and 2.4 s over a million.
-- See docs/decisions/0006-title-search.md. Without stopwords, so titles are findable by any
-- word ("How to ..."): InnoDB reads the setting of the session that builds the index or adds
-- rows to it, so every connection of the application sets it too (application.yml).
set session innodb_ft_enable_stopword = off;
alter table share_link add fulltext index share_link_title_ft (title);
