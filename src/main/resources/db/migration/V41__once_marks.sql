-- Things done once whatever restarts or overlaps (a budget's 80% alert for a month), claimed by inserting the key.
CREATE TABLE once_marks (
    mark_key   TEXT   NOT NULL PRIMARY KEY,
    created_at BIGINT NOT NULL
);
