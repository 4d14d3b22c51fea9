-- Webhooks keep the order the admin gave them: those saved in one PUT share their created_at, so
-- ordering by it (then by a random id) shuffled them.
alter table webhooks add column position int default 0 not null;
