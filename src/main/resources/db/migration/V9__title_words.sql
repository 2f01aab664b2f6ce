-- The title with every run of characters that are not letters, digits or '_' turned into one
-- space, behind a leading space: word beginnings as ' word', the way the FULLTEXT index splits
-- titles. Title search checks it with like '% word%' when it walks the first rows of a sorted
-- index instead of asking the FULLTEXT index (see TitleSearch): the same matches either way,
-- case- and accent-insensitive like the index.
alter table share_link
    add column title_words varchar(402) as (concat(' ', regexp_replace(title, '[^\\p{L}\\p{N}_]+', ' '))) stored;
