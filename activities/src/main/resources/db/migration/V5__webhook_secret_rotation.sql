-- Secrets are stored AES-GCM encrypted (longer than the secret). A replaced secret keeps signing
-- deliveries, beside the new one, until previous_secret_until.
alter table webhooks alter column secret set data type varchar(512);
alter table webhooks add column previous_secret varchar(512);
alter table webhooks add column previous_secret_until timestamp with time zone;
