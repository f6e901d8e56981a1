// @ts-check

/**
 * The key that makes signal channel names opaque, shared by every replica
 * (a browser may listen through one replica while another publishes).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('storage_signal_keys', table => {
    table.comment('Secret keys of the opaque signal channel names');
    table.string('id', 32).primary();
    table.string('secret', 128).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('storage_signal_keys');
};
