-- The transactional outbox of session starts: a row is written in the transaction that opens a
-- session and deleted once its workflow is started. A crash in between leaves the row, and the
-- reconciler starts the workflow (with the session's latest end-user message).
create table session_starts (
    session_id  varchar(64) primary key references sessions (session_id),
    created_at  timestamp with time zone not null
);
create index session_starts_by_age on session_starts (created_at);
