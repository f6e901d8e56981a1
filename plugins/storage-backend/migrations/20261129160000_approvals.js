// @ts-check

/**
 * Approvals: what a pending request waits for (the policy rule, its reason,
 * the approvers, how many must approve, when it expires and when approvers
 * are reminded), and each approver's decision, one per person.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('storage_requests', table => {
    table
      .string('approval_rule', 255)
      .nullable()
      .comment('The policy rule that decided the request');
    table.text('approval_reason').nullable().comment('Why, in plain words');
    table
      .text('approval_approvers')
      .nullable()
      .comment('Group and user refs who may approve, JSON');
    table.string('approval_mode', 8).nullable().comment('any | all');
    table.integer('approval_min_approvals').nullable();
    table.timestamp('approval_expires_at', { useTz: true }).nullable();
    table.timestamp('approval_remind_at', { useTz: true }).nullable();
    table.timestamp('approval_reminded_at', { useTz: true }).nullable();
    table.index(
      ['status', 'approval_expires_at'],
      'storage_requests_approval_idx',
    );
  });

  await knex.schema.createTable('storage_request_approvals', table => {
    table.comment(
      'The decisions of approvers on pending requests, one per person',
    );
    table.bigIncrements('id').primary();
    table
      .string('request_id', 64)
      .notNullable()
      .references('id')
      .inTable('storage_requests')
      .onDelete('CASCADE');
    table.string('approver', 255).notNullable().comment('User entity ref');
    table.string('decision', 16).notNullable().comment('approve | reject');
    table
      .text('approver_for')
      .notNullable()
      .comment("The request's approvers this person decided as, JSON");
    table.text('comment').nullable();
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.unique(['request_id', 'approver'], {
      indexName: 'storage_request_approvals_person_idx',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('storage_request_approvals');
  await knex.schema.alterTable('storage_requests', table => {
    table.dropIndex(
      ['status', 'approval_expires_at'],
      'storage_requests_approval_idx',
    );
    for (const column of [
      'approval_rule',
      'approval_reason',
      'approval_approvers',
      'approval_mode',
      'approval_min_approvals',
      'approval_expires_at',
      'approval_remind_at',
      'approval_reminded_at',
    ]) {
      table.dropColumn(column);
    }
  });
};
