-- The integration (CHANNEL principal) that created each conversation: only it may act on it.
create table conversation_channels (
    conversation_id  varchar(128) primary key,
    channel          varchar(128) not null
);
