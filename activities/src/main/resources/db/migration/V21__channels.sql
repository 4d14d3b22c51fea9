-- Channels: each session keeps the channel its first message came through (web, whatsapp, ...),
-- and the settings hold each channel's overrides as JSON.
alter table sessions add column channel varchar(32) default 'web' not null;
alter table messaging_settings add column channels_json varchar(1000000);
