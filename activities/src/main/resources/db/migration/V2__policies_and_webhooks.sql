-- Admin policies (CSAT, settlement) as one JSON document, survey scales, webhooks.
alter table messaging_settings add column policy_json varchar(20000);

alter table surveys add column scale integer not null default 5;

create table webhooks (
    hook_id     varchar(64)   primary key,
    url         varchar(2000) not null,
    secret      varchar(256)  not null,
    events      varchar(200)  not null,
    created_at  timestamp with time zone not null
);

-- A reopened session withdraws its unanswered survey.
alter table surveys add column withdrawn_at timestamp with time zone;

-- Until when a new end-user message reopens an ended session (its own policy at the end).
alter table sessions add column reopen_until timestamp with time zone;

-- The message that reopened its session, so that a retry of it is answered and delivered alike.
alter table messages add column reopened_session boolean not null default false;
