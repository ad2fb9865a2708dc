import type { ClickworkDB } from '../db/schema';

/** The first 128 bits of SHA-256, in hex. */
async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Target ids (a video id, a post id) are never stored: only a hash salted with a random value made
 * once per installation and kept in `meta`, so the same target gives the same key (to net out an
 * undo, to drop a duplicate) and the key cannot be looked up in a table of known ids.
 */
export class TargetHasher {
  private salt: Promise<string> | undefined;

  constructor(private readonly db: ClickworkDB) {}

  /** Reads the salt ahead of the first target (a worker woken by a click hashes that click's). */
  warm(): void {
    this.getSalt().catch(() => {});
  }

  /** The salted key of one platform's target. */
  async key(platform: string, rawTarget: string): Promise<string> {
    return sha256Hex(`${await this.getSalt()}|${platform}|${rawTarget}`);
  }

  private getSalt(): Promise<string> {
    // Read first: a read-write transaction is needed once per installation, to make the salt.
    this.salt ??= this.db.meta.get('salt').then((row) => (typeof row?.value === 'string' ? row.value : this.makeSalt()));
    // A failed first write (a full disk) is not remembered: the next sighting tries again.
    this.salt.catch(() => {
      this.salt = undefined;
    });
    return this.salt;
  }

  private makeSalt(): Promise<string> {
    return this.db.transaction('rw', this.db.meta, async () => {
      const row = await this.db.meta.get('salt');
      if (typeof row?.value === 'string') return row.value;
      const value = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
      await this.db.meta.put({ key: 'salt', value });
      return value;
    });
  }
}
