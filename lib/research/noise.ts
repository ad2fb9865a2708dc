import type { ClickworkDB } from '../db/schema';

/**
 * Local differential privacy for counts: two-sided geometric noise (the discrete Laplace
 * mechanism, Ghosh, Roughgarden & Sundararajan 2009). A count changed by one action (sensitivity 1)
 * gets Z with P(Z = z) = (1 − α)/(1 + α) · α^|z|, α = e^(−ε): ε-differential privacy for that count.
 * Mean 0, variance 2α/(1 − α)². Z is the difference of two geometric variables, each from a uniform
 * number by inversion.
 *
 * The uniforms come from HMAC-SHA-256 of the row's key under a secret of 256 bits drawn with
 * crypto.getRandomValues when the study first needs noise, kept under the study's pseudonym and
 * deleted with it: every file of one study gives a row the same noise (saving twice and averaging
 * removes nothing), and two studies' noise is independent.
 */
export const MAX_EPSILON = 10;
export const MIN_EPSILON = 0.01;

/** The theoretical variance of the noise for ε. */
export const noiseVariance = (epsilon: number) => {
  const a = Math.exp(-epsilon);
  return (2 * a) / (1 - a) ** 2;
};

/** A geometric variable on 0, 1, 2… with P(G ≥ k) = α^k, from a uniform number in (0, 1]. */
const geometric = (alpha: number, u: number) => Math.floor(Math.log(u) / Math.log(alpha));

/** Discrete Laplace noise for ε from two uniform numbers in (0, 1]. */
export function discreteLaplace(epsilon: number, u1: number, u2: number): number {
  const alpha = Math.exp(-epsilon);
  return geometric(alpha, u1) - geometric(alpha, u2);
}

/** Two uniform numbers in (0, 1] from 16 random bytes (53 bits each). */
function uniforms(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, 16);
  const u = (at: number) => ((view.getUint32(at) >>> 11) * 2 ** 32 + view.getUint32(at + 4) + 1) / 2 ** 53;
  return [u(0), u(8)];
}

/** Noise from crypto.getRandomValues, fresh each call (what the unit test measures). */
export function freshNoise(epsilon: number): number {
  return discreteLaplace(epsilon, ...uniforms(crypto.getRandomValues(new Uint8Array(16))));
}

const metaKey = (pseudonym: string) => `noise-key:${pseudonym}`;

/** The study's noise secret: made once (crypto.getRandomValues), then read. */
export async function noiseSecret(db: ClickworkDB, pseudonym: string): Promise<Uint8Array> {
  return db.transaction('rw', db.meta, async () => {
    const stored = (await db.meta.get(metaKey(pseudonym)))?.value;
    if (typeof stored === 'string' && /^[0-9a-f]{64}$/.test(stored))
      return Uint8Array.from(stored.match(/../g) as string[], (h) => Number.parseInt(h, 16));
    const secret = crypto.getRandomValues(new Uint8Array(32));
    await db.meta.put({ key: metaKey(pseudonym), value: [...secret].map((b) => b.toString(16).padStart(2, '0')).join('') });
    return secret;
  });
}

/** Forgets it (on leaving the study). */
export async function forgetNoiseSecret(db: ClickworkDB, pseudonym: string): Promise<void> {
  await db.meta.delete(metaKey(pseudonym));
}

/** The noise of each key for ε, the same for the same secret, key and attempt. */
export async function keyedNoise(
  secret: Uint8Array,
  keys: readonly string[],
  epsilon: number,
  attempt = 0,
): Promise<Map<string, number>> {
  const key = await crypto.subtle.importKey('raw', secret as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const out = new Map<string, number>();
  for (const k of keys) {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${attempt}|${k}`)));
    out.set(k, discreteLaplace(epsilon, ...uniforms(mac)));
  }
  return out;
}
