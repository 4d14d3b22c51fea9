-- Each webhook's ordered lane per conversation (message.created, session.started): the sequence of
-- the last message it delivered or gave up. A lane with no row starts at its session's first message.
create table channel_lanes (
    hook_id          varchar(64)  not null,
    conversation_id  varchar(128) not null,
    delivered_seq    bigint       not null,
    updated_at       timestamp with time zone not null,
    primary key (hook_id, conversation_id)
);
-- A lane reads its conversation's messages past its position, in order.
create index messages_by_conversation on messages (conversation_id, seq);
-- The reconciler's sweep for lanes a crash left unwoken reads the last minutes' messages.
create index messages_by_time on messages (sent_at);
