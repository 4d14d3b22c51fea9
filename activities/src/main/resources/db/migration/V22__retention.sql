-- Retention: how long transcripts and survey comments are kept after their session ended (null:
-- for ever), each session's last purge, and a record of every pass.
create table retention_settings (
    id                    integer      primary key,
    transcripts_kept_for  varchar(32),
    updated_at            timestamp with time zone not null,
    updated_by            varchar(128) not null
);

alter table sessions add column transcript_purged_at timestamp with time zone;
create index sessions_by_end on sessions (status, ended_at);

create table retention_runs (
    run_id           varchar(64)  primary key,
    finished_at      timestamp with time zone not null,
    cutoff           timestamp with time zone not null,
    sessions         bigint       not null,
    messages         bigint       not null,
    survey_comments  bigint       not null
);
create index retention_runs_by_time on retention_runs (finished_at);

insert into retention_settings (id, transcripts_kept_for, updated_at, updated_by)
values (1, null, current_timestamp, 'default');
