-- A model per chat and custom instructions (issue 24). See docs/decisions/0025-a-model-per-chat.md.
-- The model a chat's owner picked (null: the configured default), and the model that wrote each
-- answer (null for questions, and for answers written before models were recorded).
alter table conversation add column model varchar(200) null;
alter table message add column model varchar(200) null;

-- What each person wants the assistant to know or do in every chat, sent as the system prompt.
-- Private: never copied into a snapshot, an export or a continued copy. Goes with the account.
-- The conversations feature owns it.
create table custom_instruction (
    user_id    bigint       not null,
    content    text         not null,
    updated_at timestamp(6) not null,
    constraint custom_instruction_pk primary key (user_id),
    constraint custom_instruction_user_fk foreign key (user_id) references app_user (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
