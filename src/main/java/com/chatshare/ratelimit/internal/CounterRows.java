package com.chatshare.ratelimit.internal;

import com.chatshare.ratelimit.CounterKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The rows of rate_limit_counter, base's own table. */
@Component
public class CounterRows {

    private static final String COLUMNS =
            "scope, key_hash, newest_slice, slice_hits, marked_at, locked_at, locked_until, expires_at";

    private final JdbcTemplate jdbc;

    public CounterRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the missing rows (empty, expired at {@code now}) and locks every one of them until
     * the transaction ends, in the order given; then reads them. Each row is locked and read by
     * its primary key alone, so no range is locked and other keys never wait.
     */
    public Map<CounterKey, StoredCounter> lock(List<CounterKey> keys, Instant now) {
        List<Object> arguments = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        for (CounterKey key : keys) {
            arguments.addAll(List.of(key.scope(), key.keyHash(), at, at));
        }
        // An insert that meets an existing row locks it (primary key: the row alone) before the
        // no-op update; a new row is locked as it is inserted.
        jdbc.update("insert into rate_limit_counter (scope, key_hash, newest_slice, slice_hits, expires_at) values "
                + String.join(", ", Collections.nCopies(keys.size(), "(?, ?, ?, '', ?)"))
                + " on duplicate key update scope = scope", arguments.toArray());
        Map<CounterKey, StoredCounter> rows = new HashMap<>();
        for (CounterKey key : keys) {
            // A locking read: the latest committed row, whatever this transaction's snapshot saw before.
            rows.put(key, jdbc.queryForObject("select " + COLUMNS + " from rate_limit_counter "
                    + "where scope = ? and key_hash = ? for update", (rs, n) -> stored(rs), key.scope(), key.keyHash()));
        }
        return rows;
    }

    /** The rows of these keys that exist, as they stand, without locking them. */
    public Map<CounterKey, StoredCounter> read(List<CounterKey> keys) {
        Map<String, CounterKey> byId = new HashMap<>();
        List<Object> arguments = new ArrayList<>();
        for (CounterKey key : keys) {
            byId.put(id(key.scope(), key.keyHash()), key);
            arguments.add(key.scope());
            arguments.add(key.keyHash());
        }
        Map<CounterKey, StoredCounter> rows = new HashMap<>();
        jdbc.query("select " + COLUMNS + " from rate_limit_counter where "
                + String.join(" or ", Collections.nCopies(keys.size(), "(scope = ? and key_hash = ?)")),
                (ResultSet rs) -> {
                    rows.put(byId.get(id(rs.getString("scope"), rs.getBytes("key_hash"))), stored(rs));
                }, arguments.toArray());
        return rows;
    }

    public void save(Map<CounterKey, StoredCounter> rows) {
        List<Object[]> arguments = rows.entrySet().stream().map(row -> new Object[] {
                Timestamp.from(row.getValue().newestSlice()), row.getValue().sliceHits(),
                timestamp(row.getValue().markedAt()), timestamp(row.getValue().lockedAt()),
                timestamp(row.getValue().lockedUntil()), Timestamp.from(row.getValue().expiresAt()),
                row.getKey().scope(), row.getKey().keyHash()}).toList();
        if (!arguments.isEmpty()) {
            jdbc.batchUpdate("update rate_limit_counter set newest_slice = ?, slice_hits = ?, marked_at = ?, "
                    + "locked_at = ?, locked_until = ?, expires_at = ? where scope = ? and key_hash = ?", arguments);
        }
    }

    public void delete(List<CounterKey> keys) {
        if (!keys.isEmpty()) {
            jdbc.batchUpdate("delete from rate_limit_counter where scope = ? and key_hash = ?",
                    keys.stream().map(key -> new Object[] {key.scope(), key.keyHash()}).toList());
        }
    }

    /** Deletes up to {@code limit} rows that expired before {@code now}. @return how many */
    public int deleteExpired(Instant now, int limit) {
        return jdbc.update("delete from rate_limit_counter where expires_at < ? limit ?", Timestamp.from(now), limit);
    }

    private static StoredCounter stored(ResultSet rs) throws SQLException {
        return new StoredCounter(rs.getTimestamp("newest_slice").toInstant(), rs.getString("slice_hits"),
                instant(rs.getTimestamp("marked_at")), instant(rs.getTimestamp("locked_at")),
                instant(rs.getTimestamp("locked_until")), rs.getTimestamp("expires_at").toInstant());
    }

    private static String id(String scope, byte[] keyHash) {
        return scope + "/" + java.util.HexFormat.of().formatHex(keyHash);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
