import { afterEach, describe, expect, it } from 'vitest';
import { setHubToken, tokenAllowedFor, withHubAuth, currentHubAuth } from './hub-auth';

describe('tokenAllowedFor', () => {
  it.each([
    'https://huggingface.co/datasets/lmsys/lmsys-chat-1m/resolve/main/data/a.parquet',
    'https://HuggingFace.co/api/datasets/x/y/tree/main',
    'https://cdn-lfs.huggingface.co/repos/a/b',
    'https://hf.co/datasets/x/y',
    'https://cas-bridge.xethub.hf.co/xet-bridge-us/abc',
    'https://cdn-lfs.hf.co/repos/a/b',
  ])('sends the token to the Hub: %s', (url) => {
    expect(tokenAllowedFor(url)).toBe(true);
  });

  it.each([
    'http://huggingface.co/datasets/x/y', // plain http
    'https://huggingface.co:8443/datasets/x/y', // another port
    'https://huggingface.co.evil.example/datasets/x/y',
    'https://evilhuggingface.co/x',
    'https://hf.co.evil.example/x',
    'https://evil.example/?u=https://huggingface.co',
    'https://evil.example/huggingface.co',
    'https://xethub.hf.co@evil.example/x',
    'http://127.0.0.1:4325/a.parquet', // loopback not declared
    'not a url',
  ])('never sends it elsewhere: %s', (url) => {
    expect(tokenAllowedFor(url)).toBe(false);
  });

  it('sends it to a declared loopback origin only, never to a declared remote one', () => {
    expect(tokenAllowedFor('http://127.0.0.1:4325/a.parquet', ['http://127.0.0.1:4325'])).toBe(
      true,
    );
    expect(tokenAllowedFor('http://127.0.0.1:4326/a.parquet', ['http://127.0.0.1:4325'])).toBe(
      false,
    );
    expect(tokenAllowedFor('https://evil.example/a', ['https://evil.example'])).toBe(false);
  });
});

describe('withHubAuth', () => {
  afterEach(() => setHubToken(null));

  const recording = () => {
    const seen: Request[] = [];
    const base: typeof fetch = async (input, init) => {
      seen.push(new Request(input, init));
      return new Response('ok');
    };
    return { seen, base };
  };

  it('adds Authorization: Bearer for Hub hosts and keeps the other headers', async () => {
    const { seen, base } = recording();
    setHubToken('  hf_secret  ');
    const hubFetch = withHubAuth(base, currentHubAuth);
    await hubFetch('https://huggingface.co/datasets/a/b/resolve/main/x.parquet', {
      headers: { Range: 'bytes=-8' },
    });
    await hubFetch('https://other.example/x.parquet');
    expect(seen[0]!.headers.get('Authorization')).toBe('Bearer hf_secret');
    expect(seen[0]!.headers.get('Range')).toBe('bytes=-8');
    expect(seen[1]!.headers.has('Authorization')).toBe(false);
  });

  it('sends nothing once the token is removed', async () => {
    const { seen, base } = recording();
    setHubToken('hf_secret');
    setHubToken('');
    await withHubAuth(base, currentHubAuth)('https://huggingface.co/api/datasets/a/b');
    expect(currentHubAuth()).toBeNull();
    expect(seen[0]!.headers.has('Authorization')).toBe(false);
  });
});
