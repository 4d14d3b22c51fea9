-- Macros and triggers (ticket automation), the steps they applied, and who ended a session.

create sequence macro_number start with 1;
create sequence trigger_number start with 1;

create table macros (
    macro_id         varchar(32)    primary key,
    name             varchar(200)   not null,
    definition_json  varchar(20000) not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);

create table triggers (
    trigger_id       varchar(32)    primary key,
    name             varchar(200)   not null,
    enabled          boolean        not null,
    position         integer        not null,
    definition_json  varchar(20000) not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);

-- One row per applied step: a retried step answers this outcome and changes nothing again.
create table automation_steps (
    step_key   varchar(200)  primary key,
    ticket_id  varchar(32)   not null,
    outcome    varchar(16)   not null,
    detail     varchar(1000),
    at         timestamp with time zone not null
);

-- The macro or trigger that ended a session (macro:<id>, trigger:<id>) and the request's key.
alter table sessions add column ended_via varchar(64);
alter table sessions add column end_request_id varchar(200);
alter table tickets add column ended_via varchar(64);

-- Automation writes several entries of a kind per ticket: each step has its own key.
alter table ticket_audit add column step_key varchar(200) default '' not null;
alter table ticket_audit drop constraint audit_once;
alter table ticket_audit add constraint audit_once unique (ticket_id, session_id, kind, step_key);
