import { createHmac, randomBytes } from 'node:crypto';
import { Knex } from 'knex';

const KEY_ID = 'channels';

/**
 * Opaque names for the signal channels of entities, claims and requests.
 * Anyone may listen on any channel, so a channel's name must not say whose
 * it is, and its messages say only "changed": the page learns the name
 * from the permission-checked API and refetches through it.
 */
export class SignalChannels {
  /** With the key stored in the plugin's database, created once for all replicas. */
  static async fromDatabase(db: Knex): Promise<SignalChannels> {
    await db('storage_signal_keys')
      .insert({ id: KEY_ID, secret: randomBytes(32).toString('hex') })
      .onConflict('id')
      .ignore();
    const row = await db('storage_signal_keys').where({ id: KEY_ID }).first();
    return new SignalChannels(row.secret);
  }

  constructor(private readonly secret: string) {}

  /**
   * `storage:entity:<ref>` → `storage:entity:<hmac>`: the kind of channel
   * stays readable, what it is about does not. The shared `storage`
   * channel stays as it is: it carries nudges about nothing in particular.
   */
  opaque(channel: string): string {
    const [prefix, kind, ...rest] = channel.split(':');
    if (!kind) return channel;
    const digest = createHmac('sha256', this.secret)
      .update(`${kind}:${rest.join(':')}`)
      .digest('base64url')
      .slice(0, 32);
    return `${prefix}:${kind}:${digest}`;
  }
}
