-- Each session's data key, under which Temporal holds what its end user said and is called, wrapped
-- (AES-GCM) under a payload key. An erasure deletes the row: those payloads then open nowhere.
create table data_keys (
    key_id      varchar(40)  primary key,
    subject     varchar(64)  not null unique,
    wrapped     varchar(200) not null,
    wrapped_by  varchar(40)  not null,
    created_at  timestamp with time zone not null
);
alter table end_user_erasures add column data_keys_destroyed bigint;
