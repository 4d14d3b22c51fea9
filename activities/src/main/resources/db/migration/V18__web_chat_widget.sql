-- The web chat widget. Origins an admin allows to start visitors, one per line.
alter table messaging_settings add column widget_origins varchar(8000);

-- Keys a customer's backend signs verified visitors' JWTs with (HS256): the secret is encrypted
-- with the service's secrets key, and a revoked key stays listed so its kid is never reused.
create table widget_keys (
    kid         varchar(64)  primary key,
    secret      varchar(512) not null,
    created_by  varchar(200) not null,
    created_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone
);

-- A visitor is one browser's (or one verified person's) credential for one conversation. Only the
-- token's SHA-256 is kept.
create table widget_visitors (
    visitor_id       varchar(64)  primary key,
    token_hash       varchar(64)  not null unique,
    conversation_id  varchar(128) not null,
    end_user_id      varchar(128) not null,
    end_user_name    varchar(200),
    external_id      varchar(200),
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null
);

-- A verified visitor's conversation: the same external_id gets the same one from any browser.
create table widget_identities (
    external_id      varchar(200) primary key,
    conversation_id  varchar(128) not null unique,
    created_at       timestamp with time zone not null
);
