package dev.reelbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The columns a compare-and-set writes: those that differ from the row this store wrote last, at that row's
 * version only; and no more statements than {@link ChangedColumns#MOST_SHAPES} of them.
 */
class ChangedColumnsTest {
    private static final int N = JobRows.COLUMNS.size();

    @Test
    void onlyTheColumnsThatDifferFromTheLastWriteAtItsVersion() {
        ChangedColumns changes = new ChangedColumns();
        Object[] before = values();
        assertThat(changes.changed("a", 1, before)).as("a row never written here: every column").isNull();
        changes.written("a", 1, before, false);

        Object[] after = values();
        after[3] = "other";
        after[7] = null;
        assertThat(changes.changed("a", 1, after)).containsExactly(3, 7);
        assertThat(changes.changed("a", 1, values())).isEmpty();
        assertThat(changes.changed("a", 2, after)).as("another writer's version: every column").isNull();

        changes.forget("a");
        assertThat(changes.changed("a", 1, after)).isNull();
        changes.written("a", 1, before, true);
        assertThat(changes.known()).as("a settled job is not kept").isZero();
    }

    @Test
    void pastTheMostRowsAllAreForgottenSoMemoryStaysBounded() {
        ChangedColumns changes = new ChangedColumns();
        Object[] values = values();
        for (int i = 0; i < ChangedColumns.MOST_ROWS; i++) {
            changes.written("job" + i, 1, values, false);
        }
        changes.written("job0", 2, values, false);
        assertThat(changes.known()).as("a row it has: kept in its place").isEqualTo(ChangedColumns.MOST_ROWS);
        changes.written("one more", 1, values, false);
        assertThat(changes.known()).isEqualTo(1);
        assertThat(changes.changed("job1", 1, values)).as("forgotten: every column").isNull();
    }

    @Test
    void pastTheMostShapesAWriteNamesEveryColumn() {
        ChangedColumns changes = new ChangedColumns();
        for (int i = 0; i < ChangedColumns.MOST_SHAPES; i++) {
            assertThat(changes.updateOf(new int[] {i % N, (i + 1) % N, (i / N + 2) % N}, "UPDATE jobs SET v = 1",
                    " WHERE id = ?")).isNotNull();
        }
        assertThat(changes.updateOf(new int[] {0, 5, 9, 11}, "UPDATE jobs SET v = 1", " WHERE id = ?")).isNull();
        assertThat(changes.updateOf(new int[] {0, 1, 2}, "UPDATE jobs SET v = 1", " WHERE id = ?"))
                .as("a shape it has").isEqualTo("UPDATE jobs SET v = 1, request_key = ?, platform = ?, workspace = ?"
                        + " WHERE id = ?");
    }

    private static Object[] values() {
        return IntStream.range(0, N).mapToObj(i -> i % 3 == 0 ? (Object) ("v" + i) : i % 3 == 1 ? i : (long) i)
                .toArray();
    }
}
