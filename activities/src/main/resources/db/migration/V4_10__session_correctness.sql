-- The first outcome of each settlement, answered again to every retry of it (the session-end
-- triggers read what changed even when the first completion was lost).
create table settlement_outcomes (
    session_id    varchar(64)   not null,
    round         integer       not null,
    outcome_json  varchar(4000) not null,
    at            timestamp with time zone not null,
    primary key (session_id, round)
);

-- End requests under an Idempotency-Key: the first answer, per caller and key, for 24 hours. In
-- the database, not in a process: every replica of the service answers a retry alike.
create table end_requests (
    caller       varchar(200) not null,
    idem_key     varchar(200) not null,
    session_id   varchar(64)  not null,
    ended_by     varchar(16),
    end_reason   varchar(128),
    ended_at     timestamp with time zone,
    created_at   timestamp with time zone not null,
    primary key (caller, idem_key)
);
create index end_requests_by_age on end_requests (created_at);
