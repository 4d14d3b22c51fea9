-- Sessions pull settings at their next event, warning or auto-close. Only a change that brings a
-- deadline sooner is pushed to every open session: the newest such version, whose broadcast runs
-- (an older broadcast stops once a newer pushed version exists).
alter table messaging_settings add column pushed_version bigint default 0 not null;
