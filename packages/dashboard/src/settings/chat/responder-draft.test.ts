import type { ResponderSettings } from '@hindsight/shared';
import { describe, expect, it } from 'vitest';
import { draftFromSettings, updateFromDraft } from './responder-draft';

const settings: ResponderSettings = {
  kind: 'knowledge',
  openai: { baseUrl: '', model: '', systemPrompt: '', temperature: 0.3, maxTokens: 400, apiKeySet: true },
  webhook: { url: '', secretSet: false },
  operatorQuietMinutes: 10,
  timeoutSeconds: 30,
};

describe('updateFromDraft', () => {
  it('keeps stored secrets by leaving them out', () => {
    const update = updateFromDraft(draftFromSettings(settings));
    expect(update.openai).not.toHaveProperty('apiKey');
    expect(update.webhook).not.toHaveProperty('secret');
    expect(update).toMatchObject({ kind: 'knowledge', operatorQuietMinutes: 10, timeoutSeconds: 30 });
    expect(update.openai).toMatchObject({ temperature: 0.3, maxTokens: 400 });
  });

  it('sets a typed secret, clears with an empty string, and keeps on an empty replacement', () => {
    const draft = draftFromSettings(settings);
    const set = updateFromDraft({ ...draft, kind: 'openai', apiKey: { mode: 'replace', text: ' sk-1 ' } });
    expect(set.openai?.apiKey).toBe('sk-1');
    const cleared = updateFromDraft({ ...draft, apiKey: { mode: 'clear', text: 'ignored' } });
    expect(cleared.openai?.apiKey).toBe('');
    const empty = updateFromDraft({ ...draft, webhookSecret: { mode: 'replace', text: '  ' } });
    expect(empty.webhook).not.toHaveProperty('secret');
  });

  it('sends numbers as typed, and what is not a number as null in JSON', () => {
    const draft = { ...draftFromSettings(settings), temperature: '0.7', timeoutSeconds: '' };
    const body = JSON.parse(JSON.stringify(updateFromDraft(draft)));
    expect(body.openai.temperature).toBe(0.7);
    expect(body.timeoutSeconds).toBeNull();
  });
});
