import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  HUB_SOURCES,
  allowAndReload,
  forgetSource,
  installConnectPolicy,
  missingSources,
  rememberedSources,
  sourcesFor,
  takePendingOpen,
} from './connect-policy';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

/** Just what the policy touches of a window: its address, head, storages and reload. */
function fakeWindow(href: string) {
  const metas: { httpEquiv: string; content: string }[] = [];
  const win = {
    location: { href, origin: new URL(href).origin, reload: vi.fn() },
    document: {
      createElement: () => ({ httpEquiv: '', content: '' }),
      head: { append: (meta: { httpEquiv: string; content: string }) => metas.push(meta) },
    },
    localStorage: new MemoryStorage(),
    sessionStorage: new MemoryStorage(),
  };
  return { win: win as unknown as Window & typeof win, metas };
}

const APP = 'https://convoscope.example/';

describe('sourcesFor', () => {
  it('names a URL by its origin, and any Hub address by all of the Hub’s hosts', () => {
    expect(sourcesFor('https://data.example:8443/a/b.parquet', APP)).toEqual([
      'https://data.example:8443',
    ]);
    expect(sourcesFor('  http://127.0.0.1:9000/x.parquet ', APP)).toEqual([
      'http://127.0.0.1:9000',
    ]);
    expect(sourcesFor('https://huggingface.co/datasets/lmsys/lmsys-chat-1m', APP)).toEqual(
      HUB_SOURCES,
    );
    expect(sourcesFor('https://cdn-lfs.hf.co/x', APP)).toEqual(HUB_SOURCES);
    expect(sourcesFor('hf://datasets/lmsys/lmsys-chat-1m', APP)).toEqual(HUB_SOURCES);
    expect(sourcesFor('sample/a.parquet', APP)).toEqual(['https://convoscope.example']);
  });

  it('names nothing for what the page refuses anyway', () => {
    expect(sourcesFor('ftp://files.example/a.parquet', APP)).toEqual([]);
    expect(sourcesFor('javascript:alert(1)', APP)).toEqual([]);
    expect(sourcesFor('http://[::1]:80/a.parquet', APP)).toEqual([]);
  });
});

describe('installConnectPolicy', () => {
  beforeEach(() => takePendingOpen());

  it('adds connect-src for the origin and the link’s data hosts only', () => {
    const link = `${APP}?data=${encodeURIComponent('https://a.example/x.parquet')}&data=${encodeURIComponent(`${APP}sample/y.parquet`)}`;
    const { win, metas } = fakeWindow(link);
    installConnectPolicy(win);
    expect(metas).toEqual([
      { httpEquiv: 'Content-Security-Policy', content: "connect-src 'self' https://a.example" },
    ]);
    expect(missingSources(['https://a.example/other.parquet', `${APP}z.parquet`])).toEqual([]);
    expect(missingSources(['https://b.example/x.parquet', 'https://hf.co/datasets/o/n'])).toEqual([
      'https://b.example',
      ...HUB_SOURCES,
    ]);
  });

  it('with no link and nothing allowed, the page reaches only its origin', () => {
    const { win, metas } = fakeWindow(APP);
    installConnectPolicy(win);
    expect(metas[0]!.content).toBe("connect-src 'self'");
  });

  it('ignores stored values that are not plain origins, so storage cannot add a directive', () => {
    const { win, metas } = fakeWindow(APP);
    win.localStorage.setItem(
      'convoscope:data-hosts',
      JSON.stringify([
        'https://ok.example',
        "'unsafe-inline'",
        'https://x.example; script-src *',
        7,
      ]),
    );
    installConnectPolicy(win);
    expect(metas[0]!.content).toBe("connect-src 'self' https://ok.example");
  });
});

describe('allow and reload', () => {
  it('remembers the hosts, reloads, and hands the open (and its token) to the next load once', () => {
    const first = fakeWindow(APP);
    installConnectPolicy(first.win);
    allowAndReload(['https://b.example/x.parquet'], 'hf_secret', first.win);
    expect(first.win.location.reload).toHaveBeenCalledOnce();
    expect(rememberedSources(first.win)).toEqual(['https://b.example']);

    // The next load shares the tab's storage.
    const next = fakeWindow(APP);
    Object.assign(next.win, {
      localStorage: first.win.localStorage,
      sessionStorage: first.win.sessionStorage,
    });
    installConnectPolicy(next.win);
    expect(next.metas[0]!.content).toBe("connect-src 'self' https://b.example");
    expect(next.win.sessionStorage.getItem('convoscope:pending-open')).toBeNull();
    expect(takePendingOpen()).toEqual({
      urls: ['https://b.example/x.parquet'],
      token: 'hf_secret',
    });
    expect(takePendingOpen()).toBeNull();

    forgetSource('https://b.example', next.win);
    expect(rememberedSources(next.win)).toEqual([]);
  });
});
