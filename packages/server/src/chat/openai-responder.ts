import { rankBm25 } from './bm25';
import type { KnowledgeItem } from './knowledge-responder';
import { type Responder, ResponderError } from './responder';
import { readServerSentEvents } from './server-sent-events';

export interface OpenAiSettings {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  systemPrompt: string;
  temperature: number;
  maxTokens: number;
}

/** Knowledge entries given to the model as context: the most relevant few, so the prompt stays small. */
const CONTEXT_ENTRIES = 8;

/**
 * Any OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, vLLM, llama.cpp...), streamed. The visitor
 * is the `user`, replies (automatic or operator) the `assistant`; the knowledge entries most related to the
 * question go into the system prompt.
 */
export function createOpenAiResponder(
  settings: OpenAiSettings,
  loadEntries: (applicationId: string) => Promise<KnowledgeItem[]>,
): Responder {
  return {
    async reply(request) {
      const question = request.messages.at(-1)?.text ?? '';
      const entries = rankBm25(question, await loadEntries(request.applicationId), (e) => `${e.question} ${e.answer}`)
        .slice(0, CONTEXT_ENTRIES)
        .map(({ item }) => `Q: ${item.question}\nA: ${item.answer}${item.link ? `\nLink: ${item.link}` : ''}`);
      const system = [
        settings.systemPrompt || "You answer questions from a website's visitors, briefly and accurately.",
        entries.length > 0 ? `Facts you may use:\n\n${entries.join('\n\n')}` : '',
      ]
        .filter(Boolean)
        .join('\n\n');
      const response = await fetch(`${settings.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
        method: 'POST',
        signal: request.signal,
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: settings.model,
          stream: true,
          temperature: settings.temperature,
          max_tokens: settings.maxTokens,
          messages: [
            { role: 'system', content: system },
            ...request.messages
              .filter((m) => m.role !== 'system')
              .map((m) => ({ role: m.role === 'visitor' ? 'user' : 'assistant', content: m.text })),
          ],
        }),
      }).catch((error) => {
        throw new ResponderError(`the model endpoint could not be reached: ${String(error)}`, { cause: error });
      });
      if (!response.ok || !response.body) {
        throw new ResponderError(`the model endpoint answered ${response.status}`);
      }
      const type = response.headers.get('content-type') ?? '';
      return { unanswered: false, deltas: type.includes('application/json') ? whole(response) : streamed(response) };
    },
  };
}

/** `stream: true` answers: `data: {choices:[{delta:{content}}]}` lines, then `data: [DONE]`. */
async function* streamed(response: Response): AsyncIterable<string> {
  let sawAny = false;
  for await (const event of readServerSentEvents(response.body as ReadableStream<Uint8Array>)) {
    if (event.data === '[DONE]') return;
    let parsed: { choices?: { delta?: { content?: unknown } }[] };
    try {
      parsed = JSON.parse(event.data);
    } catch (error) {
      throw new ResponderError('the model endpoint sent something that is not JSON', { cause: error });
    }
    if (!Array.isArray(parsed?.choices)) throw new ResponderError('the model endpoint sent no choices');
    const content = parsed.choices[0]?.delta?.content;
    if (typeof content === 'string' && content !== '') {
      sawAny = true;
      yield content;
    }
  }
  if (!sawAny) throw new ResponderError('the model endpoint ended without a reply');
}

/** Servers that ignore `stream` answer one JSON completion. */
async function* whole(response: Response): AsyncIterable<string> {
  const body = (await response.json().catch(() => undefined)) as
    | { choices?: { message?: { content?: unknown } }[] }
    | undefined;
  const content = body?.choices?.[0]?.message?.content;
  if (typeof content !== 'string' || content === '') throw new ResponderError('the model endpoint sent no reply');
  yield content;
}
