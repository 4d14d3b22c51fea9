-- The transactional outbox of message signals: a row is written in the transaction that stores an
-- end user's or an agent's message through the API and deleted (in batches) once its session was
-- signalled. A crash in between leaves the row, and the reconciler signals the message again.
create table message_signals (
    seq         bigint primary key,
    session_id  varchar(64) not null,
    created_at  timestamp with time zone not null
);
create index message_signals_by_age on message_signals (created_at);
