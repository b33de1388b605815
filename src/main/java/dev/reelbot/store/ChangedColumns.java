package dev.reelbot.store;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a compare-and-set writes: the columns that differ from the row as this store last wrote it, when the row is
 * still at that version; else every column. An {@code UPDATE} naming every column rewrote every index on
 * {@code jobs} (ten of them: SQLite updates an index whenever the {@code SET} list names one of its columns, changed
 * or not), so a poll that moved the progress wrote a dozen pages to the WAL; now it writes the row's page and the
 * indexes whose columns changed. A row another writer changed since (another instance, an admin's command) has
 * another version: it is written whole.
 *
 * <p>Threading: thread-safe. Only the writes that succeeded are kept, each with the version it made.
 */
final class ChangedColumns {
    /**
     * How many distinct sets of columns get a statement of their own (each is prepared once and kept); the steps of
     * a job change a few dozen. Past that, a write names every column.
     */
    static final int MOST_SHAPES = 64;
    /**
     * Rows kept at most. A row is forgotten when its job settles or another writer changed it, but a job whose lease
     * moved to another instance may never be written here again: past this many, all are forgotten (their next
     * writes name every column), so memory stays bounded however long the process runs.
     */
    static final int MOST_ROWS = 50_000;

    private final Map<String, Written> rows = new ConcurrentHashMap<>();
    private final Set<String> shapes = ConcurrentHashMap.newKeySet();

    /** A row's values as written, and the version the write gave it. */
    private record Written(long version, Object[] values) {
    }

    /**
     * The columns ({@link JobRows#COLUMNS} indexes) whose {@code values} differ from the row at {@code version} as
     * last written here, or {@code null} when that row is not known (write every column).
     */
    int[] changed(String jobId, long version, Object[] values) {
        Written last = rows.get(jobId);
        if (last == null || last.version() != version) {
            return null;
        }
        int count = 0;
        int[] changed = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!Objects.equals(values[i], last.values()[i])) {
                changed[count++] = i;
            }
        }
        return Arrays.copyOf(changed, count);
    }

    /** The {@code UPDATE} of {@code columns} only, or {@code null} when too many shapes have their own already. */
    String updateOf(int[] columns, String head, String tail) {
        String text = update(columns, head, tail);
        if (shapes.contains(text) || shapes.size() < MOST_SHAPES && shapes.add(text)) {
            return text;
        }
        return null;
    }

    /** {@code head}, then {@code , column = ?} for each of {@code columns}, then {@code tail}. */
    static String update(int[] columns, String head, String tail) {
        StringBuilder sql = new StringBuilder(head);
        for (int column : columns) {
            sql.append(", ").append(JobRows.COLUMNS.get(column)).append(" = ?");
        }
        return sql.append(tail).toString();
    }

    /** The row of {@code jobId} was written with {@code values} and is at {@code version} now. */
    void written(String jobId, long version, Object[] values, boolean settled) {
        if (settled) {
            // A settled job is rarely written again: not worth keeping in memory.
            rows.remove(jobId);
        } else {
            if (rows.size() >= MOST_ROWS && !rows.containsKey(jobId)) {
                rows.clear();
            }
            rows.put(jobId, new Written(version, values));
        }
    }

    /** A write of the row failed (another writer changed it): what was kept of it is no longer its state. */
    void forget(String jobId) {
        rows.remove(jobId);
    }

    /** How many rows are known (for tests). */
    int known() {
        return rows.size();
    }
}
