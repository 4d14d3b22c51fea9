-- Who ended the session of a ticket, by principal name (agent id, admin subject or token name),
-- beside ended_by (the role). Tickets settled by older versions keep it empty.
alter table tickets add column ended_by_id varchar(200);
