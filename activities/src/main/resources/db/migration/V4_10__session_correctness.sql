-- The first outcome of each settlement, answered again to every retry of it (the session-end
-- triggers read what changed even when the first completion was lost).
create table settlement_outcomes (
    session_id    varchar(64)   not null,
    round         integer       not null,
    outcome_json  varchar(4000) not null,
    at            timestamp with time zone not null,
    primary key (session_id, round)
);
