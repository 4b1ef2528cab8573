import type { ReactNode } from 'react';
import { CATEGORY_NAMES } from '../../model/moderation';

export const DATASET_PAGE = 'https://huggingface.co/datasets/lmsys/lmsys-chat-1m';

function Section(props: { title: string; children: ReactNode }) {
  return (
    <section aria-label={props.title} className="flex flex-col gap-1.5 text-sm">
      <h3 className="font-semibold">{props.title}</h3>
      {props.children}
    </section>
  );
}

const LINK =
  'text-blue-700 underline underline-offset-2 hover:text-blue-900 focus-visible:outline-2 focus-visible:outline-blue-600';

/** The guide's text: plain elements, no HTML strings. */
export function GuideContent() {
  return (
    <div className="flex flex-col gap-4">
      <Section title="The embedded sample">
        <p>
          Without a <code>data</code> parameter Convoscope opens a built-in sample: 10,000 synthetic
          conversations written by a generator, not by people. They have the exact columns of
          LMSYS-Chat-1M (models, languages, turns, redacted names, and a moderation result for every
          message) and follow the dataset&apos;s published proportions, so every feature can be
          tried offline. The text and the numbers say nothing about real users or real models.
        </p>
      </Section>
      <Section title="Opening the real dataset">
        <ol className="list-decimal space-y-1 pl-5">
          <li>
            LMSYS-Chat-1M is gated: sign in on its{' '}
            <a href={DATASET_PAGE} target="_blank" rel="noopener noreferrer" className={LINK}>
              Hugging Face page
            </a>{' '}
            and accept the LMSYS-Chat-1M Dataset License Agreement. The dataset&apos;s authors
            receive your contact details, and the agreement limits how the data may be used and
            shared: read it there.
          </li>
          <li>
            Create a read access token in your Hugging Face settings. Convoscope sends it only to
            Hugging Face&apos;s own hosts, keeps it out of every URL, and never puts it in links or
            exports.
          </li>
          <li>
            Press <strong>Open data</strong> and give the dataset&apos;s parquet files (the{' '}
            <code>data/train-*.parquet</code> files of the repository, as URLs or from your disk),
            or open a link with the file URLs in <code>?data=</code>, one parameter per file. The
            data is read straight from its host into this tab; there is no server of ours.
          </li>
        </ol>
      </Section>
      <Section title="Moderation fields">
        <p>
          Every message carries the result of OpenAI&apos;s moderation model: a <em>flagged</em>{' '}
          flag and, for each of 11 categories, a yes/no verdict and a score from 0 to 1.
        </p>
        <p className="font-mono text-xs">{CATEGORY_NAMES.join(', ')}</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            A score is the model&apos;s confidence, not a calibrated probability. A category is
            usually marked at a score around 0.5, but that boundary is not guaranteed: some messages
            are flagged below it and some are not flagged above it.
          </li>
          <li>
            A message is <em>flagged</em> when any category is. A conversation is flagged when any
            of its messages is.
          </li>
          <li>
            As in the LMSYS paper, an <em>attempt</em> is a conversation with a flagged user message
            and a <em>success</em> one with a flagged assistant message.
          </li>
        </ul>
      </Section>
      <Section title="Keyboard and themes">
        <p>
          Press <kbd>?</kbd> for the keyboard shortcuts and <kbd>/</kbd> to search. The Theme menu
          in the header switches between light, dark and your system&apos;s setting.
        </p>
      </Section>
    </div>
  );
}
