/**
 * Deterministic bucketing for rollouts and control groups. The same seed always lands in the
 * same bucket on every device and SDK version, so a user never flips between groups.
 */

/** FNV-1a over UTF-16 code units, finished with murmur3's fmix32 so near-identical ids spread evenly. */
export function hash32(input: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export const BUCKETS = 10_000;

/** A bucket in 0..9999. */
export function bucketOf(seed: string): number {
  return hash32(seed) % BUCKETS;
}

/** Whether a bucket falls inside a percentage (0–100, fractions allowed: 12.5 → buckets 0..1249). */
export function inPercentage(bucket: number, percentage: number): boolean {
  return bucket < Math.round(percentage * (BUCKETS / 100));
}

export function rolloutBucket(userId: string, salt: string | undefined): number {
  return bucketOf(`rollout:${salt ?? ''}:${userId}`);
}

export function controlBucket(userId: string, experienceId: string): number {
  return bucketOf(`control:${experienceId}:${userId}`);
}
