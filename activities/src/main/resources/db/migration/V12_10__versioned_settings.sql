-- Each change of the messaging settings raises their version by one. The API answers it as the
-- ETag (an admin's If-Match then refuses a stale save) and running sessions apply settings only
-- when they are newer than the ones they hold.
alter table messaging_settings add column settings_version bigint default 1 not null;
