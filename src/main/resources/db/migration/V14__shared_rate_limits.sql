-- Rate limits and sign-in lockouts that every node counts against together
-- (docs/decisions/0010-shared-rate-limits.md). One row per limit (scope) and key: the key is
-- stored as its SHA-256, never in clear (usernames, client addresses, share tokens, account ids).
-- The hits of the last window are kept in fifteen slices, newest first; a request locks its row,
-- so requests for one key on any node are counted one after the other. The ratelimit module owns it.
create table rate_limit_counter (
    scope        varchar(40)   not null,
    key_hash     binary(32)    not null,
    -- Start of the newest slice: the first number in slice_hits.
    newest_slice timestamp(6)  not null,
    -- Hits per slice, newest first, comma-separated, trailing zeros left out ('' for none).
    slice_hits   varchar(200)  not null,
    -- Set by the limit that uses it: the sign-in throttle marks the last failure of a username from an address.
    marked_at    timestamp(6),
    locked_at    timestamp(6),
    locked_until timestamp(6),
    -- From then on the row holds nothing that counts; a scheduled job deletes it.
    expires_at   timestamp(6)  not null,
    constraint rate_limit_counter_pk primary key (scope, key_hash),
    constraint rate_limit_counter_slice_hits_ck check (slice_hits regexp '^([0-9]+(,[0-9]+)*)?$')
) engine = InnoDB default charset = ascii collate = ascii_bin;

create index rate_limit_counter_expires_idx on rate_limit_counter (expires_at);
