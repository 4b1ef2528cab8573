/**
 * The 25 models of LMSYS-Chat-1M with conversation counts (vicuna-13b, gpt-4 and claude-2 as
 * published, the rest shaped to keep the published top-5 order) and moderation rates per
 * conversation: `attempt` = has a flagged user message, `success` = has a flagged model message.
 * Published: vicuna-13b 3.2%/2.7%, gpt-4 5.0%/1.5%, claude-2 3.5%/0.8%. The other open models need
 * higher rates than those three for the published 5.4% of flagged conversations to add up.
 */
export interface ModelSpec {
  name: string;
  conversations: number;
  attempt: number;
  success: number;
}

export const MODELS: readonly ModelSpec[] = [
  {
    name: 'vicuna-13b',
    conversations: 490_712,
    attempt: 15_925 / 490_712,
    success: 13_463 / 490_712,
  },
  { name: 'koala-13b', conversations: 64_000, attempt: 0.072, success: 0.057 },
  { name: 'alpaca-13b', conversations: 54_000, attempt: 0.075, success: 0.063 },
  { name: 'chatglm-6b', conversations: 46_500, attempt: 0.05, success: 0.03 },
  { name: 'llama-13b', conversations: 39_500, attempt: 0.085, success: 0.07 },
  { name: 'vicuna-33b', conversations: 33_500, attempt: 0.06, success: 0.045 },
  { name: 'oasst-pythia-12b', conversations: 30_500, attempt: 0.07, success: 0.056 },
  { name: 'dolly-v2-12b', conversations: 27_500, attempt: 0.066, success: 0.052 },
  { name: 'stablelm-tuned-alpha-7b', conversations: 24_500, attempt: 0.07, success: 0.047 },
  { name: 'fastchat-t5-3b', conversations: 23_500, attempt: 0.06, success: 0.04 },
  { name: 'llama-2-13b-chat', conversations: 21_000, attempt: 0.055, success: 0.015 },
  { name: 'vicuna-7b', conversations: 19_000, attempt: 0.06, success: 0.048 },
  { name: 'wizardlm-13b', conversations: 16_000, attempt: 0.065, success: 0.05 },
  { name: 'RWKV-4-Raven-14B', conversations: 14_000, attempt: 0.066, success: 0.052 },
  { name: 'mpt-7b-chat', conversations: 13_000, attempt: 0.065, success: 0.045 },
  { name: 'palm-2', conversations: 12_000, attempt: 0.05, success: 0.012 },
  { name: 'gpt-3.5-turbo', conversations: 11_000, attempt: 0.05, success: 0.02 },
  { name: 'claude-1', conversations: 10_000, attempt: 0.04, success: 0.01 },
  { name: 'claude-instant-1', conversations: 9_500, attempt: 0.045, success: 0.012 },
  { name: 'mpt-30b-chat', conversations: 8_500, attempt: 0.06, success: 0.04 },
  { name: 'guanaco-33b', conversations: 8_000, attempt: 0.066, success: 0.052 },
  { name: 'llama-2-7b-chat', conversations: 7_500, attempt: 0.055, success: 0.014 },
  { name: 'gpt4all-13b-snoozy', conversations: 6_743, attempt: 0.065, success: 0.05 },
  { name: 'gpt-4', conversations: 7_304, attempt: 368 / 7_304, success: 109 / 7_304 },
  { name: 'claude-2', conversations: 2_241, attempt: 78 / 2_241, success: 18 / 2_241 },
];

/** Share of a model's successes that follow no flagged user message (the rest answer one). */
export const SUCCESS_WITHOUT_ATTEMPT = 0.15;
