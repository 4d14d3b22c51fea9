-- Every column holds the longest value the API accepts (see Limits): an internal note of 4,000
-- characters with its audit prefix, 20 such actions in one macro or trigger, 50 settlement rules.
alter table ticket_audit alter column detail set data type varchar(8000);
alter table automation_steps alter column detail set data type varchar(8000);
alter table macros alter column definition_json set data type varchar(1000000);
alter table triggers alter column definition_json set data type varchar(1000000);
alter table messaging_settings alter column policy_json set data type varchar(1000000);
