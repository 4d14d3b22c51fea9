-- The end user's language per conversation (the last BCP 47 tag a channel named), and the texts an
-- admin translated, by locale, as JSON.
alter table conversations add column locale varchar(35);
alter table messaging_settings add column texts_json varchar(1000000);
