/** A network link between a server and its client: capacity and round trip. */
export interface LinkProfile {
  /** Capacity of the whole link, shared by every response in flight. */
  bytesPerSecond: number;
  /** Added once per request, before the first byte of its response. */
  latencyMs: number;
}

const BITS_PER_SECOND = { kbit: 1e3, mbit: 1e6, gbit: 1e9 } as const;

export const NETWORK_SYNTAX =
  'loopback, or BANDWIDTH,LATENCY such as 50mbit,40ms (bandwidth in kbit, mbit or gbit per ' +
  'second, latency in ms)';

/**
 * Reads `50mbit,40ms` (decimal units: 1 mbit = 1,000,000 bits a second) into a profile, or
 * `loopback` into no link (no shaping). Throws with the expected syntax otherwise.
 */
export function parseLinkProfile(text: string): { label: string; link?: LinkProfile } {
  const spec = text.trim().toLowerCase();
  if (spec === 'loopback') return { label: 'loopback' };
  const match = /^(\d+(?:\.\d+)?)(kbit|mbit|gbit)\s*,\s*(\d+(?:\.\d+)?)ms$/.exec(spec);
  if (!match) throw new Error(`a network profile is ${NETWORK_SYNTAX}; got "${text}"`);
  const [, rate = '', unit = '', latency = ''] = match;
  const bitsPerSecond = Number(rate) * BITS_PER_SECOND[unit as keyof typeof BITS_PER_SECOND];
  if (!(bitsPerSecond >= 8)) throw new Error(`the bandwidth must be at least 8 bits a second`);
  const latencyMs = Number(latency);
  if (latencyMs > 60_000) throw new Error(`the latency must be at most 60000 ms`);
  return {
    label: `${rate}${unit},${latency}ms`,
    link: { bytesPerSecond: bitsPerSecond / 8, latencyMs },
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * How far the link may lag behind its schedule and catch up (a token bucket this deep): timers
 * fire late, and without it every late timer would be capacity lost for good.
 */
const SLACK_MS = 20;

/**
 * A link's capacity, shared by whoever sends through it. Each slice reserves the next free time
 * on the link (first come, first served), so concurrent responses of one server share the rate
 * instead of each getting all of it, as parallel range requests share a real connection's capacity.
 */
export class LinkShaper {
  private freeAt = 0;
  /** Slices of a hundredth of a second's worth: concurrent streams interleave at that grain. */
  private readonly slice: number;

  constructor(private readonly bytesPerSecond: number) {
    if (!(bytesPerSecond > 0)) throw new Error('bytesPerSecond must be positive');
    this.slice = Math.max(1, Math.floor(bytesPerSecond / 100));
  }

  /** Resolves once `bytes` have crossed the link, after whatever was queued before them. */
  async send(bytes: number): Promise<void> {
    const now = performance.now();
    this.freeAt = Math.max(this.freeAt, now - SLACK_MS) + (1000 * bytes) / this.bytesPerSecond;
    const wait = this.freeAt - now;
    if (wait >= 1) await sleep(wait);
  }

  /** Passes `source` on at the link's pace, each slice once it has crossed. */
  async *pace(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      for (let i = 0; i < chunk.length; i += this.slice) {
        const piece = chunk.subarray(i, i + this.slice);
        await this.send(piece.length);
        yield piece;
      }
    }
  }
}

/** Waits out a request's round trip. */
export function roundTrip(link: LinkProfile): Promise<void> {
  return link.latencyMs > 0 ? sleep(link.latencyMs) : Promise.resolve();
}
