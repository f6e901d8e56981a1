// @ts-check

/**
 * Requests (every create, resize, snapshot, restore and delete goes through
 * one), their status history, and the claim transitions seen in clusters.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('storage_requests', table => {
    table.comment('Storage requests: the source of truth for all work');
    table.string('id', 64).primary().comment('Request id, also a PVC label');
    table
      .string('operation', 16)
      .notNullable()
      .comment('create | resize | snapshot | restore | delete');
    table.string('entity_ref', 255).notNullable();
    table.string('cluster', 255).notNullable();
    table.string('namespace', 63).notNullable();
    table.string('claim_name', 253).notNullable();
    table.string('offering_id', 255).nullable();
    table.text('spec').notNullable().comment('The full request as JSON');
    table
      .text('manifests')
      .notNullable()
      .comment('The rendered objects, as approved, JSON');
    table.string('status', 32).notNullable();
    table.string('requested_by', 255).notNullable();
    table.string('decided_by', 255).nullable();
    table.text('decision_reason').nullable();
    table.text('last_error').nullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('next_attempt_at', { useTz: true }).nullable();
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.index(['entity_ref', 'status'], 'storage_requests_entity_status_idx');
    table.index(['status', 'next_attempt_at'], 'storage_requests_work_idx');
  });

  await knex.schema.createTable('storage_request_history', table => {
    table.comment('Every status change of a request, with its reason');
    table.bigIncrements('id').primary();
    table
      .string('request_id', 64)
      .notNullable()
      .references('id')
      .inTable('storage_requests')
      .onDelete('CASCADE');
    table.string('from_status', 32).nullable();
    table.string('to_status', 32).notNullable();
    table.text('reason').nullable();
    table.string('actor', 255).notNullable();
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.index(['request_id'], 'storage_request_history_request_idx');
  });

  await knex.schema.createTable('storage_claim_transitions', table => {
    table.comment('Changes of claim state observed in the clusters');
    table.bigIncrements('id').primary();
    table.string('cluster', 255).notNullable();
    table.string('namespace', 63).notNullable();
    table.string('claim_name', 253).notNullable();
    table.string('claim_uid', 64).nullable();
    table.string('entity_ref', 255).nullable();
    table.string('request_id', 64).nullable();
    table.string('from_state', 32).nullable();
    table.string('to_state', 32).notNullable();
    table.string('severity', 16).notNullable();
    table.text('headline').notNullable();
    table
      .timestamp('observed_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.index(
      ['cluster', 'namespace', 'claim_name'],
      'storage_claim_transitions_claim_idx',
    );
    table.index(['entity_ref'], 'storage_claim_transitions_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('storage_claim_transitions');
  await knex.schema.dropTable('storage_request_history');
  await knex.schema.dropTable('storage_requests');
};
