-- Attachments of outbox mails (R-CONF-4: a calendar invitation with a booking's confirmation). Text
-- files only, in order; forgotten with the mail's body once it is sent or given up.
create table mail_outbox_attachments (
    outbox_id    bigint        not null references mail_outbox (id) on delete cascade,
    position     integer       not null,
    name         varchar(100)  not null,
    content_type varchar(200)  not null,
    body_text    varchar(100000) not null,
    primary key (outbox_id, position)
);
