// @ts-check

/**
 * The platform console: volume usage samples from the kubelets' stats (with
 * retention), the fleet's daily cost, the claims the tracker saw deleted (so
 * a volume they left behind keeps its owner), and the claims the backend
 * cleans up itself (expiry, or a delete that waits for its snapshot).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('storage_volume_usage', table => {
    table.comment('Used and capacity bytes of the file system of each claim');
    table.bigIncrements('id').primary();
    table.string('cluster', 253).notNullable();
    table.string('namespace', 253).notNullable();
    table.string('claim_name', 253).notNullable();
    table
      .timestamp('observed_at', { useTz: true })
      .notNullable()
      .comment('When the kubelet took the reading');
    // Doubles: EFS reports 8 EiB of capacity, beyond a signed 64-bit integer.
    table.double('used_bytes').notNullable();
    table.double('capacity_bytes').notNullable();
    table.unique(['cluster', 'namespace', 'claim_name', 'observed_at'], {
      indexName: 'storage_volume_usage_reading_idx',
    });
    table.index(['observed_at'], 'storage_volume_usage_time_idx');
  });

  await knex.schema.createTable('storage_fleet_costs', table => {
    table.comment(
      'The monthly list-price cost of each cluster, one row per day',
    );
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.string('cluster', 253).notNullable();
    table.double('monthly_usd').notNullable();
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.primary(['day', 'cluster']);
  });

  await knex.schema.createTable('storage_former_claims', table => {
    table.comment(
      'Claims seen deleted, so the volumes they leave behind keep an owner',
    );
    table.string('cluster', 253).notNullable();
    table.string('namespace', 253).notNullable();
    table.string('claim_name', 253).notNullable();
    table.string('claim_uid', 64).notNullable().defaultTo('');
    table.text('labels').notNullable().comment('JSON');
    table.timestamp('deleted_at', { useTz: true }).notNullable();
    table.primary(['cluster', 'namespace', 'claim_name', 'claim_uid']);
  });

  await knex.schema.createTable('storage_claim_cleanups', table => {
    table.comment(
      'Claims the backend deletes itself: at expiry, or once a snapshot is ready',
    );
    table.string('cluster', 253).notNullable();
    table.string('namespace', 253).notNullable();
    table.string('claim_name', 253).notNullable();
    table.string('claim_uid', 64).notNullable().defaultTo('');
    table.string('reason', 16).notNullable().comment('expiry | console');
    table.string('entity_ref', 512).notNullable();
    table
      .string('requested_by', 255)
      .notNullable()
      .comment('Who the delete request is made for');
    table.timestamp('expires_at', { useTz: true }).nullable();
    table.timestamp('warned_at', { useTz: true }).nullable();
    table
      .string('status', 16)
      .notNullable()
      .comment(
        'upcoming | warned | snapshotting | deleting | deleted | failed',
      );
    table.boolean('snapshot_first').notNullable().defaultTo(false);
    table.string('snapshot_name', 253).nullable();
    table.string('snapshot_request_id', 64).nullable();
    table.string('delete_request_id', 64).nullable();
    table.text('message').nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['cluster', 'namespace', 'claim_name', 'claim_uid']);
    table.index(['status'], 'storage_claim_cleanups_status_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('storage_claim_cleanups');
  await knex.schema.dropTable('storage_former_claims');
  await knex.schema.dropTable('storage_fleet_costs');
  await knex.schema.dropTable('storage_volume_usage');
};
