-- An account email change that waits for a link (issue 19): redeeming the one-time token sets the account's
-- address to this one. A staff user's change of an account with a password waits for the new address to
-- confirm it; after the change, the old address may undo it for a week.
create table email_change_links (
    token_hash   varchar(64)  not null primary key references one_time_tokens (token_hash),
    guardian_id  varchar(64)  not null references guardian_accounts (guardian_id),
    email        varchar(320) not null
);
create index email_change_links_guardian on email_change_links (guardian_id);
