-- How each event's delivery to each webhook went, for the admins' page: attempts so far, the last
-- answer. Rows older than a few days are pruned as new ones come.
create table webhook_deliveries (
    hook_id           varchar(64)   not null,
    event_id          varchar(200)  not null,
    event_type        varchar(64)   not null,
    outcome           varchar(16)   not null,
    attempts          integer       not null,
    http_status       integer,
    error             varchar(1000),
    first_attempt_at  timestamp with time zone not null,
    last_attempt_at   timestamp with time zone not null,
    primary key (hook_id, event_id)
);
create index webhook_deliveries_by_hook on webhook_deliveries (hook_id, last_attempt_at);
