-- Business hours: whether the inactivity timers count only open time, the schedule (time zone,
-- weekly periods, holidays) as JSON, and what an end user who writes while closed is told.
alter table messaging_settings add column timers_count varchar(16) default 'CALENDAR' not null;
alter table messaging_settings add column business_hours_json varchar(16000);
alter table messaging_settings add column out_of_hours_text varchar(1000);
