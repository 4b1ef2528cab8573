// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, expect, it } from 'vitest';
import { EngineContext, type Engine, type GroupReadProgress, type MessageRecord } from '../../db';
import { createFakeEngine } from '../../db/testing/fake-engine';
import type { ConversationSummary } from '../../sql/conversation-summary';
import { Transcript } from './transcript';
import { conversationMessagesOptions } from './viewer-queries';

afterEach(cleanup);

const summary = {
  row: 7,
  conversation_id: 'c7',
  shard: 0,
  shard_row: 7,
  n_messages: 1,
} as ConversationSummary;

/** A transcript whose read waits until `answer` is called; `progress` is what the engine reports. */
function renderTranscript(progress: GroupReadProgress | null, { prefetched = false } = {}) {
  let answer: (messages: MessageRecord[]) => void = () => undefined;
  const engine = createFakeEngine({
    readConversation: (_shard, _row, options) => {
      if (progress) options?.onProgress?.(progress);
      return new Promise((resolve) => (answer = resolve));
    },
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // A list click starts the read before the viewer mounts (use-open-row.ts).
  if (prefetched)
    void client.prefetchQuery(conversationMessagesOptions(engine as Engine, 1, summary));
  render(
    <EngineContext value={engine as Engine}>
      <QueryClientProvider client={client}>
        <Transcript datasetId={1} summary={summary} region={createRef()} />
      </QueryClientProvider>
    </EngineContext>,
  );
  return { answer: (messages: MessageRecord[]) => act(() => answer(messages)) };
}

it('says which row group it reads, and how large, while a giant group is read', async () => {
  const { answer } = renderTranscript({
    file: 'train.parquet',
    rowGroup: 0,
    rowGroups: 1,
    bytes: 160 * 1024 * 1024,
  });
  expect(await screen.findByRole('status')).toHaveProperty(
    'textContent',
    'Reading row group 1 of 1, 160 MB',
  );
  await answer([{ role: 'user', content: 'hello', moderation: null }]);
  expect(await screen.findByRole('article', { name: 'User, message 1' })).toBeTruthy();
  expect(screen.queryByRole('status')).toBeNull();
});

it('says so too when a list click started the read before the viewer was shown', async () => {
  renderTranscript(
    { file: 'train.parquet', rowGroup: 2, rowGroups: 6, bytes: 40 * 1024 * 1024 },
    { prefetched: true },
  );
  expect(await screen.findByRole('status')).toHaveProperty(
    'textContent',
    'Reading row group 3 of 6, 40 MB',
  );
});

it('says only that it reads the conversation when no group has to be read whole', async () => {
  renderTranscript(null);
  expect(await screen.findByRole('status')).toHaveProperty(
    'textContent',
    'Reading the conversation…',
  );
});
